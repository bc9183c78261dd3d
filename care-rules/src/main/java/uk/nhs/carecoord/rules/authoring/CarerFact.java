package uk.nhs.carecoord.rules.authoring;

import java.util.Set;
import uk.nhs.carecoord.model.CarerNeed;
import uk.nhs.carecoord.model.CarerRelationship;

/** A carer or family member of the person. */
public final class CarerFact {
  private final String carerId;
  private final CarerRelationship relationship;
  private final boolean mainCarer;
  private final Set<CarerNeed> ownNeeds;

  /** Made by the engine; public for rule tests. */
  public CarerFact(String carerId, CarerRelationship relationship, boolean mainCarer, Set<CarerNeed> ownNeeds) {
    this.carerId = carerId;
    this.relationship = relationship;
    this.mainCarer = mainCarer;
    this.ownNeeds = EnumSets.copyOf(ownNeeds, CarerNeed.class);
  }

  /** Carer identifier within the case. */
  public String getCarerId() {
    return carerId;
  }

  /** Relationship. */
  public CarerRelationship getRelationship() {
    return relationship;
  }

  /** Main unpaid carer. */
  public boolean isMainCarer() {
    return mainCarer;
  }

  /** Needs in their own right. */
  public Set<CarerNeed> getOwnNeeds() {
    return ownNeeds;
  }

  @Override
  public String toString() {
    return "CarerFact[" + "carerId=" + carerId + ", " + "relationship=" + relationship + ", " + "mainCarer=" + mainCarer + ", " + "ownNeeds=" + ownNeeds + "]";
  }
}
