package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static uk.nhs.carecoord.model.Fixtures.assertInvalid;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The statuses coded as FHIR R4 value sets: exactly those codes, in JSON too. */
class FhirCodeTest {

  private static <E extends Enum<E>> void assertValueSet(
      Class<E> type, Function<E, String> code, Function<String, E> fromCode, List<String> expected) {
    assertEquals(expected, Arrays.stream(type.getEnumConstants()).map(code).toList());
    for (E value : type.getEnumConstants()) {
      assertEquals(value, fromCode.apply(code.apply(value)));
      assertEquals("\"" + code.apply(value) + "\"", CareJson.writeLine(value));
      assertEquals(value, CareJson.read("\"" + code.apply(value) + "\"", type));
    }
  }

  @Test
  void carePlanStatus() {
    assertValueSet(
        CarePlanStatus.class,
        CarePlanStatus::code,
        CarePlanStatus::fromCode,
        List.of("draft", "active", "on-hold", "revoked", "completed", "entered-in-error", "unknown"));
  }

  @Test
  void goalLifecycleStatus() {
    assertValueSet(
        GoalLifecycleStatus.class,
        GoalLifecycleStatus::code,
        GoalLifecycleStatus::fromCode,
        List.of(
            "proposed", "planned", "accepted", "active", "on-hold", "completed", "cancelled", "entered-in-error",
            "rejected"));
  }

  @Test
  void goalAchievementStatus() {
    assertValueSet(
        GoalAchievementStatus.class,
        GoalAchievementStatus::code,
        GoalAchievementStatus::fromCode,
        List.of(
            "in-progress", "improving", "worsening", "no-change", "achieved", "sustaining", "not-achieved",
            "no-progress", "not-attainable"));
  }

  @Test
  void administrativeSex() {
    assertValueSet(Sex.class, Sex::code, Sex::fromCode, List.of("female", "male", "other", "unknown"));
  }

  @Test
  void unknownCodesNameTheField() {
    assertInvalid("status", () -> CarePlanStatus.fromCode("paused"));
    assertInvalid("status", () -> CarePlanStatus.fromCode("ACTIVE"));
    assertInvalid("status", () -> CarePlanStatus.fromCode("on_hold"));
    assertInvalid("status", () -> CarePlanStatus.fromCode(null));
    assertInvalid("lifecycleStatus", () -> GoalLifecycleStatus.fromCode("ON_HOLD"));
    assertInvalid("lifecycleStatus", () -> GoalLifecycleStatus.fromCode(""));
    assertInvalid("achievementStatus", () -> GoalAchievementStatus.fromCode("in progress"));
    assertInvalid("achievementStatus", () -> GoalAchievementStatus.fromCode(null));
    assertInvalid("sex", () -> Sex.fromCode("F"));
    assertInvalid("sex", () -> Sex.fromCode("Female"));
    assertInvalid("sex", () -> Sex.fromCode(null));
  }

  @Test
  void theEnumNameIsNotAcceptedInJson() {
    CareJsonException e = assertThrows(CareJsonException.class, () -> CareJson.read("\"ON_HOLD\"", CarePlanStatus.class));
    assertEquals("status", e.validationError().orElseThrow().field());
    e = assertThrows(CareJsonException.class, () -> CareJson.read("\"FEMALE\"", Sex.class));
    assertEquals("sex", e.validationError().orElseThrow().field());
  }
}
