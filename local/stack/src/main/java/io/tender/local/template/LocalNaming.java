package io.tender.local.template;

import java.net.URI;

/**
 * How resources are named locally, so that {@code !Ref}, {@code !GetAtt} and {@code !Sub} resolve
 * to what the local engines really hold: queue URLs on ElasticMQ's endpoint, ARNs in the local
 * region and account.
 */
public record LocalNaming(String stackName, String region, String accountId, URI sqsEndpoint) {}
