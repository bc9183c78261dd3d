package uk.nhs.carecoord.benchmarks;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import uk.nhs.carecoord.rules.FindingKind;

/**
 * Facts fingerprints computed exactly as care-rules does (its {@code Hashing} and
 * {@code FindingAssembler.fingerprint} are package-private, so this repeats them): the first 8
 * bytes, in hex, of the SHA-256 of {@code kind|code|subject} followed by {@code |name=value} for
 * every fact of every record, records in rule order, facts in name order. They must be equal, or a
 * decline recorded against the rules' fingerprint would hold nothing back here.
 */
final class Fingerprints {
  private Fingerprints() {}

  static String of(FindingKind kind, String code, String subject, List<HandRecord> records) {
    StringBuilder s = new StringBuilder(64).append(kind).append('|').append(code).append('|').append(subject);
    for (HandRecord r : records) {
      for (Map.Entry<String, String> fact : r.facts().entrySet()) {
        s.append('|').append(fact.getKey()).append('=').append(fact.getValue());
      }
    }
    return sha256Hex(s.toString(), 8);
  }

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
