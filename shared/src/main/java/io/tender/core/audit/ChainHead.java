package io.tender.core.audit;

/**
 * The newest entry of a tenant's chain: its sequence (the number of entries) and its hash. What an
 * anchoring job records elsewhere, so that deleting the newest entries can be detected later.
 */
public record ChainHead(String tenantId, long sequence, String hash) {}
