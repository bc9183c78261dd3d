package uk.nhs.carecoord.rules;

/** How soon an output needs attention; outputs are listed most urgent first. */
public enum Priority {
  /** Act today. */
  URGENT,
  /** Act this week. */
  HIGH,
  /** Act at the next contact. */
  MEDIUM,
  /** For information or when time allows. */
  LOW
}
