package uk.nhs.carecoord.rules.authoring;

/**
 * Who supports a care co-ordinator; names are null where the PCN has named nobody. Always present
 * in a patient evaluation: without PCN context, or for a person with no co-ordinator, every field
 * is null.
 */
public final class SupervisionFact {
  private final String coordinatorId;
  private final String firstPointOfContact;
  private final String gpSupervisor;

  /** Made by the engine; public for rule tests. */
  public SupervisionFact(String coordinatorId, String firstPointOfContact, String gpSupervisor) {
    this.coordinatorId = coordinatorId;
    this.firstPointOfContact = firstPointOfContact;
    this.gpSupervisor = gpSupervisor;
  }

  /** The co-ordinator. */
  public String getCoordinatorId() {
    return coordinatorId;
  }

  /** Name of the first point of contact, or null. */
  public String getFirstPointOfContact() {
    return firstPointOfContact;
  }

  /** Name of the GP supervisor, or null. */
  public String getGpSupervisor() {
    return gpSupervisor;
  }

  @Override
  public String toString() {
    return "SupervisionFact[" + "coordinatorId=" + coordinatorId + ", " + "firstPointOfContact=" + firstPointOfContact + ", " + "gpSupervisor=" + gpSupervisor + "]";
  }
}
