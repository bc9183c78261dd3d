package uk.nhs.carecoord.model;

/** How a contact with the person took place. */
public enum ContactMode {
  /** In person at the practice or elsewhere. */
  FACE_TO_FACE,
  /** A visit to the person's home. */
  HOME_VISIT,
  /** By telephone. */
  TELEPHONE,
  /** By video call. */
  VIDEO,
  /** By letter, text or online message. */
  MESSAGE
}
