package uk.nhs.carecoord.rules.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short SHA-256 digests for rule-set versions and facts fingerprints. */
final class Hashing {
  // A fingerprint is taken for every finding: cloning a prototype skips the provider look-up.
  private static final MessageDigest PROTOTYPE = newSha256();

  private Hashing() {}

  /** The first {@code bytes} bytes of the SHA-256 of {@code text}, in hex. */
  static String sha256Hex(String text, int bytes) {
    byte[] hash = sha256().digest(text.getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(hash, 0, bytes);
  }

  private static MessageDigest sha256() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
