package uk.nhs.carecoord.reporting;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.rules.Priority;

/** Collects the {@link Worklist}'s entries as evaluations arrive, in order, in bounded memory. */
final class Worklists implements AutoCloseable {
  static final Comparator<Worklist.Entry> ORDER =
      Comparator.comparing((Worklist.Entry e) -> e.coordinatorId().equals(Worklist.UNALLOCATED))
          .thenComparing(Worklist.Entry::coordinatorId)
          .thenComparing(Worklist.Entry::priority)
          .thenComparing(e -> e.dueOn().orElse(LocalDate.MAX))
          .thenComparing(Worklist.Entry::code)
          .thenComparing(Worklist.Entry::patientId)
          .thenComparing(Worklist.Entry::subject)
          .thenComparing(Worklist.Entry::kind)
          .thenComparing(Worklist.Entry::text);

  /**
   * Entries held in memory before a sorted run is written: some 15 to 25 MB of heap. A million
   * people make about 60 runs, merged in one pass.
   */
  static final int DEFAULT_RUN = 50_000;

  private final Map<String, String> names;
  private final ExternalSort<Worklist.Entry> entries;

  /**
   * @param spillRoot where sorted runs go, or null to hold every entry in memory
   * @param run entries per sorted run
   */
  Worklists(Pcn pcn, Path spillRoot, int run) {
    this.names =
        pcn.coordinators().stream()
            .collect(Collectors.toMap(CareCoordinator::id, CareCoordinator::name, (a, b) -> a));
    this.entries = new ExternalSort<>(ORDER, CODEC, run, spillRoot, "care-worklist-" + ReportSet.PATIENT_DATA + "-");
  }

  /** Adds the evaluation's obligations and recommendations; a case gives its co-ordinator and practice. */
  void add(PatientCase c, PatientEvaluation e) {
    if (e == null) {
      return;
    }
    String coordinator = c == null ? Worklist.UNALLOCATED : c.coordinatorId().orElse(Worklist.UNALLOCATED);
    String practice = c == null ? "" : c.patient().practiceCode();
    String name = names.getOrDefault(coordinator, "");
    Stream.concat(e.obligations().stream(), e.recommendations().stream())
        .forEach(f -> entries.add(entry(f, coordinator, name, e.patientId(), practice)));
  }

  /** The entries, in worklist order. */
  ExternalSort<Worklist.Entry> entries() {
    return entries;
  }

  @Override
  public void close() {
    entries.close();
  }

  private static Worklist.Entry entry(Finding f, String coordinator, String name, String patientId, String practice) {
    return new Worklist.Entry(
        coordinator, name, patientId, practice, f.kind(), f.priority(), f.code(), f.subject(), f.dueOn(), f.text());
  }

  /** An entry in a run file: its ten fields, the date as an epoch day or -1 = none written as a flag. */
  static final ExternalSort.Codec<Worklist.Entry> CODEC =
      new ExternalSort.Codec<>() {
        @Override
        public void write(DataOutputStream out, Worklist.Entry e) throws IOException {
          ExternalSort.writeString(out, e.coordinatorId());
          ExternalSort.writeString(out, e.coordinatorName());
          ExternalSort.writeString(out, e.patientId());
          ExternalSort.writeString(out, e.practiceCode());
          out.writeByte(e.kind().ordinal());
          out.writeByte(e.priority().ordinal());
          ExternalSort.writeString(out, e.code());
          ExternalSort.writeString(out, e.subject());
          out.writeBoolean(e.dueOn().isPresent());
          if (e.dueOn().isPresent()) {
            out.writeLong(e.dueOn().get().toEpochDay());
          }
          ExternalSort.writeString(out, e.text());
        }

        @Override
        public Worklist.Entry read(DataInputStream in) throws IOException {
          String coordinatorId = ExternalSort.readString(in);
          String coordinatorName = ExternalSort.readString(in);
          String patientId = ExternalSort.readString(in);
          String practice = ExternalSort.readString(in);
          FindingKind kind = FindingKind.values()[in.readByte()];
          Priority priority = Priority.values()[in.readByte()];
          String code = ExternalSort.readString(in);
          String subject = ExternalSort.readString(in);
          Optional<LocalDate> due = in.readBoolean() ? Optional.of(LocalDate.ofEpochDay(in.readLong())) : Optional.empty();
          String text = ExternalSort.readString(in);
          return new Worklist.Entry(
              coordinatorId, coordinatorName, patientId, practice, kind, priority, code, subject, due, text);
        }
      };
}
