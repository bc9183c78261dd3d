package uk.nhs.carecoord.synthetic;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.immutables.value.Value;
import uk.nhs.carecoord.model.CareCoordinator;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.model.Pcn;
import uk.nhs.carecoord.model.Practice;

/**
 * A synthetic PCN and the cases of its registered population, as made by {@link
 * SyntheticPopulation}. All data is synthetic. Written and read as JSON with {@link
 * uk.nhs.carecoord.model.CareJson}; the seed and reference date travel with it so it can be
 * generated again.
 */
@Value.Immutable
@JsonSerialize(as = ImmutableSyntheticPcn.class)
@JsonDeserialize(as = ImmutableSyntheticPcn.class)
public abstract class SyntheticPcn {

  /** The seed the population was generated from. */
  public abstract long seed();

  /** The reference date: nothing in the cases happened after it. */
  public abstract LocalDate asOf();

  /** The PCN: practices, co-ordinators and their supervision. */
  public abstract Pcn pcn();

  /** One case per registered person, in generation order. */
  public abstract List<PatientCase> cases();

  /** A builder, for reading back or trimming a population. */
  public static ImmutableSyntheticPcn.Builder builder() {
    return ImmutableSyntheticPcn.builder();
  }

  /** Patient identifiers and NHS numbers are unique; practices and co-ordinators named exist. */
  @Value.Check
  void check() {
    Set<String> practices = new HashSet<>();
    for (Practice p : pcn().practices()) {
      practices.add(p.odsCode());
    }
    Set<String> coordinators = new HashSet<>();
    for (CareCoordinator c : pcn().coordinators()) {
      coordinators.add(c.id());
    }
    Set<String> ids = new HashSet<>();
    Set<String> numbers = new HashSet<>();
    for (int i = 0; i < cases().size(); i++) {
      PatientCase c = cases().get(i);
      String at = "cases[" + i + "]";
      require(ids.add(c.patient().id()), at + ".patient.id", "duplicate identifier '" + c.patient().id() + "'");
      require(numbers.add(c.patient().nhsNumber().digits()), at + ".patient.nhsNumber", "duplicate NHS number");
      require(
          practices.contains(c.patient().practiceCode()),
          at + ".patient.practiceCode",
          "names no practice of this PCN");
      c.coordinatorId()
          .ifPresent(id -> require(coordinators.contains(id), at + ".coordinatorId", "names no co-ordinator of this PCN"));
    }
  }

  private static void require(boolean condition, String field, String message) {
    if (!condition) {
      throw new ModelValidationException(field, message);
    }
  }
}
