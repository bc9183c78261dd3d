package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import uk.nhs.carecoord.model.testing.CareArbitraries;

/** Amending a care and support plan only ever appends. */
class PlanPropertyTest {

  @Property(tries = 200)
  void amendingNeverDropsOrChangesAPriorVersion(
      @ForAll("plans") PersonalisedCarePlan plan,
      @ForAll("contents") PlanContent content,
      @ForAll("reasons") String reason,
      @ForAll @IntRange(min = 0, max = 400) int daysLater) {
    List<PlanVersion> before = List.copyOf(plan.versions());
    LocalDate on = plan.currentVersion().recordedOn().plusDays(daysLater);

    PersonalisedCarePlan amended = plan.amend(on, reason, content);

    assertEquals(before, plan.versions(), "the plan amended is unchanged");
    assertEquals(before, amended.versions().subList(0, before.size()));
    assertEquals(before.size() + 1, amended.versions().size());
    PlanVersion added = amended.currentVersion();
    assertEquals(before.size() + 1, added.number());
    assertEquals(on, added.recordedOn());
    assertEquals(reason, added.amendmentReason().orElseThrow());
    assertEquals(content, amended.current());
    assertEquals(plan.id(), amended.id());
  }

  @Property(tries = 200)
  void anAmendmentDatedBeforeTheCurrentVersionIsRejectedAndChangesNothing(
      @ForAll("plans") PersonalisedCarePlan plan,
      @ForAll("contents") PlanContent content,
      @ForAll @IntRange(min = 1, max = 400) int daysEarlier) {
    List<PlanVersion> before = List.copyOf(plan.versions());
    LocalDate on = plan.currentVersion().recordedOn().minusDays(daysEarlier);
    ModelValidationException e =
        assertThrows(ModelValidationException.class, () -> plan.amend(on, "Late entry", content));
    assertEquals("versions[" + before.size() + "].recordedOn", e.field());
    assertEquals(before, plan.versions());
  }

  @Property(tries = 200)
  void generatedPlansAreNumberedInDateOrderWithReasons(@ForAll("plans") PersonalisedCarePlan plan) {
    List<PlanVersion> versions = plan.versions();
    for (int i = 0; i < versions.size(); i++) {
      assertEquals(i + 1, versions.get(i).number());
      assertEquals(i > 0, versions.get(i).amendmentReason().isPresent());
      if (i > 0) {
        assertFalse(versions.get(i).recordedOn().isBefore(versions.get(i - 1).recordedOn()));
      }
    }
  }

  @Provide
  Arbitrary<PersonalisedCarePlan> plans() {
    return CareArbitraries.plans();
  }

  @Provide
  Arbitrary<PlanContent> contents() {
    return CareArbitraries.planContents();
  }

  @Provide
  Arbitrary<String> reasons() {
    return CareArbitraries.text(List.of("Annual review", "New diagnosis"));
  }
}
