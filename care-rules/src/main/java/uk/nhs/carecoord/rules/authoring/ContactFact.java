package uk.nhs.carecoord.rules.authoring;

import java.time.LocalDate;
import uk.nhs.carecoord.model.ContactMode;

/** A contact or visit with the person. */
public final class ContactFact {
  private final String contactId;
  private final LocalDate on;
  private final ContactMode mode;

  /** Made by the engine; public for rule tests. */
  public ContactFact(String contactId, LocalDate on, ContactMode mode) {
    this.contactId = contactId;
    this.on = on;
    this.mode = mode;
  }

  /** Contact identifier. */
  public String getContactId() {
    return contactId;
  }

  /** When. */
  public LocalDate getOn() {
    return on;
  }

  /** How. */
  public ContactMode getMode() {
    return mode;
  }

  @Override
  public String toString() {
    return "ContactFact[" + "contactId=" + contactId + ", " + "on=" + on + ", " + "mode=" + mode + "]";
  }
}
