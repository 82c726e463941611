package io.tender.core.auth;

/** The HMAC functions RFC 6238 allows, with the names they carry in an otpauth URI. */
public enum TotpAlgorithm {
  SHA1("HmacSHA1", "SHA1", 20),
  SHA256("HmacSHA256", "SHA256", 32),
  SHA512("HmacSHA512", "SHA512", 64);

  private final String macName;
  private final String uriName;
  private final int secretBytes;

  TotpAlgorithm(String macName, String uriName, int secretBytes) {
    this.macName = macName;
    this.uriName = uriName;
    this.secretBytes = secretBytes;
  }

  /** The {@link javax.crypto.Mac} algorithm name. */
  public String macName() {
    return macName;
  }

  /** The value of the otpauth URI's {@code algorithm} parameter. */
  public String uriName() {
    return uriName;
  }

  /** The secret length RFC 6238 uses with this function: the size of its output. */
  public int secretBytes() {
    return secretBytes;
  }
}
