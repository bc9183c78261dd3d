package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;

/** A multidisciplinary team discussion of the person. */
public final class MdtFact {
  private final String mdtId;
  private final LocalDate heldOn;

  /** Made by the engine; public for rule tests. */
  public MdtFact(String mdtId, LocalDate heldOn) {
    this.mdtId = mdtId;
    this.heldOn = heldOn;
  }

  /** Discussion identifier. */
  public String getMdtId() {
    return mdtId;
  }

  /** When. */
  public LocalDate getHeldOn() {
    return heldOn;
  }

  @Override
  public String toString() {
    return "MdtFact[" + "mdtId=" + mdtId + ", " + "heldOn=" + heldOn + "]";
  }
}
