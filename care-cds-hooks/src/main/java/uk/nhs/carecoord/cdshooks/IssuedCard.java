package uk.nhs.carecoord.cdshooks;

import java.util.List;
import java.util.UUID;
import uk.nhs.carecoord.rules.DecisionRecord;

/**
 * What the audit trail keeps of one card (or of a recommendation held back): enough to match
 * feedback to the finding and to show which rules decided, never the clinical payload.
 */
record IssuedCard(
    UUID uuid,
    String kind,
    String code,
    String subject,
    String indicator,
    String summary,
    String factsFingerprint,
    List<DecisionRecord> decisions,
    boolean shown) {

  /** Kind recorded for the one card that lists the person's cohorts. */
  static final String COHORTS = "COHORTS";
}
