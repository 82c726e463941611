package io.tender.local.sandbox.stripe;

/** A finished API answer: what is written to the wire, and what an Idempotency-Key replays. */
record ApiResponse(int status, String body) {}
