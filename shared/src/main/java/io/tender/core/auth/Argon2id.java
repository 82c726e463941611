package io.tender.core.auth;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/** Argon2id, version 0x13 (the "v=19" of encoded hashes), computed by BouncyCastle. */
final class Argon2id {
  static final int VERSION = 0x13;

  private Argon2id() {}

  static byte[] derive(byte[] password, byte[] salt, Argon2idParameters cost, int length) {
    return derive(password, salt, cost, length, null, null);
  }

  /**
   * With the optional secret and associated data of RFC 9106, which password storage does not use
   * but the RFC's test vector does: passing it shows the generator is wired up correctly.
   */
  static byte[] derive(byte[] password, byte[] salt, Argon2idParameters cost, int length,
      byte[] secret, byte[] associatedData) {
    Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withMemoryAsKB(cost.memoryKib())
        .withIterations(cost.iterations())
        .withParallelism(cost.parallelism())
        .withSalt(salt);
    if (secret != null) {
      builder.withSecret(secret);
    }
    if (associatedData != null) {
      builder.withAdditional(associatedData);
    }
    Argon2Parameters parameters = builder.build();
    try {
      Argon2BytesGenerator generator = new Argon2BytesGenerator();
      generator.init(parameters);
      byte[] out = new byte[length];
      generator.generateBytes(password, out);
      return out;
    } finally {
      parameters.clear();
    }
  }
}
