package uk.nhs.carecoord.cdshooks;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Stable card identifiers: the same finding for the same patient gets the same UUID on every call,
 * so feedback on a card can be matched to the finding, and a changed finding gets a new one.
 */
final class CardIds {
  private CardIds() {}

  /**
   * A name-based UUID from the patient reference and the finding's identity. The facts fingerprint
   * already covers code, subject and the facts; the patient reference keeps two people with equal
   * facts apart.
   */
  static UUID of(String patientRef, String kind, String code, String subject, String factsFingerprint) {
    String name = String.join("\u001f", "care-cds-hooks/1", patientRef, kind, code, subject, factsFingerprint);
    return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8));
  }
}
