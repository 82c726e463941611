package io.tender.local.dynamostream;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * One stream record as read from a shard, already in the JSON form Lambda delivers it in (which is
 * also what filter patterns match against).
 */
record PolledRecord(String sequenceNumber, Instant approximateCreation, ObjectNode json) {}
