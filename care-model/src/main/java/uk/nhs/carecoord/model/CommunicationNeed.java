package uk.nhs.carecoord.model;

/** Support a person needs to take part in conversations about their care. */
public enum CommunicationNeed {
  /** A spoken-language interpreter. */
  INTERPRETER,
  /** A British Sign Language interpreter. */
  BSL_INTERPRETER,
  /** Easy-read material. */
  EASY_READ,
  /** Large print. */
  LARGE_PRINT,
  /** Braille. */
  BRAILLE,
  /** A hearing loop. */
  HEARING_LOOP,
  /** An advocate present. */
  ADVOCATE,
  /** More time in appointments. */
  LONGER_APPOINTMENT
}
