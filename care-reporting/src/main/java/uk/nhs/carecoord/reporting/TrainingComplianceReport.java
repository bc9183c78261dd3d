package uk.nhs.carecoord.reporting;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import uk.nhs.carecoord.rules.TrainingStatus;

/**
 * Training compliance matrix: each care co-ordinator against each training item the rules
 * required, with the overall ARRS verdict and the supervision arrangements. It is about staff, so
 * it is not suppressed.
 *
 * @param asOf the reference date
 * @param items the matrix columns, in training-module order
 * @param rows one row per co-ordinator, in the PCN's order
 * @param compliant how many co-ordinators the rules found ARRS compliant
 */
public record TrainingComplianceReport(
    LocalDate asOf, List<Item> items, List<CoordinatorRow> rows, int compliant) {

  /** Defensive copies. */
  public TrainingComplianceReport {
    items = List.copyOf(items);
    rows = List.copyOf(rows);
  }

  /**
   * A training item (matrix column).
   *
   * @param code the rules' code, usually a {@code TrainingModule} name
   * @param title the item's name as a person reads it
   */
  public record Item(String code, String title) {}

  /**
   * One co-ordinator's row.
   *
   * @param coordinatorId the co-ordinator
   * @param name their name (empty if the PCN does not list them)
   * @param cells one cell per {@link TrainingComplianceReport#items()} column, same order
   * @param compliant whether the rules' verdict is ARRS compliant
   * @param verdict the verdict code, empty when the rules gave none
   * @param firstPointOfContact "name (role)" of the named first point of contact, if any
   * @param gpSupervisor "name (role)" of the named GP supervisor, if any
   * @param supervisionGaps codes of the supervision findings that report something missing
   */
  public record CoordinatorRow(
      String coordinatorId,
      String name,
      List<Cell> cells,
      boolean compliant,
      String verdict,
      Optional<String> firstPointOfContact,
      Optional<String> gpSupervisor,
      List<String> supervisionGaps) {

    /** Defensive copies. */
    public CoordinatorRow {
      cells = List.copyOf(cells);
      supervisionGaps = List.copyOf(supervisionGaps);
    }
  }

  /**
   * One cell: the status of an item for a co-ordinator.
   *
   * @param item the item code
   * @param status the status, absent when the rules did not require the item of this person
   * @param dueOn when it is due or must be renewed, if the rules set a date
   */
  public record Cell(String item, Optional<TrainingStatus> status, Optional<LocalDate> dueOn) {}
}
