package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.ActionOwnerKind;

/** An action in the current plan version. */
public final class ActionFact {
  private final String actionId;
  private final ActionOwnerKind ownerKind;
  private final LocalDate dueOn;
  private final LocalDate completedOn;

  /** Made by the engine; public for rule tests. */
  public ActionFact(String actionId, ActionOwnerKind ownerKind, LocalDate dueOn, LocalDate completedOn) {
    this.actionId = actionId;
    this.ownerKind = ownerKind;
    this.dueOn = dueOn;
    this.completedOn = completedOn;
  }

  /** Action identifier. */
  public String getActionId() {
    return actionId;
  }

  /** Who does it. */
  public ActionOwnerKind getOwnerKind() {
    return ownerKind;
  }

  /** Due date, or null. */
  public LocalDate getDueOn() {
    return dueOn;
  }

  /** Completion date, or null while outstanding. */
  public LocalDate getCompletedOn() {
    return completedOn;
  }

  @Override
  public String toString() {
    return "ActionFact[" + "actionId=" + actionId + ", " + "ownerKind=" + ownerKind + ", " + "dueOn=" + dueOn + ", " + "completedOn=" + completedOn + "]";
  }
}
