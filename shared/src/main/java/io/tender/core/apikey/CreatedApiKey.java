package io.tender.core.apikey;

/** A new key with its secret: the only moment the secret exists outside the caller's hands. */
public record CreatedApiKey(ApiKey key, String secret) {}
