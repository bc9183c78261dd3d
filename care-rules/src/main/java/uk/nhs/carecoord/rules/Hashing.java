package uk.nhs.carecoord.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Short SHA-256 digests for rule-set versions and facts fingerprints. */
final class Hashing {
  private Hashing() {}

  /** The first {@code bytes} bytes of the SHA-256 of {@code text}, in hex. */
  static String sha256Hex(String text, int bytes) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
