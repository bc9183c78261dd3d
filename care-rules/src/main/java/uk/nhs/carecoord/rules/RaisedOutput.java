package uk.nhs.carecoord.rules;

import java.util.Optional;

/**
 * An output a rule raises, as written in its consequence.
 *
 * @param kind what sort of output
 * @param code the code; for training statuses, {@code TRAINING_ITEM} (the code is the item raised)
 * @param label the output catalogue's label for the code
 * @param priority the priority, when written as {@code Priority.X}
 */
public record RaisedOutput(FindingKind kind, String code, String label, Optional<Priority> priority) {
  /** The code standing for every training item: a training rule's code is the item it assesses. */
  public static final String TRAINING_ITEM = "TRAINING_ITEM";
}
