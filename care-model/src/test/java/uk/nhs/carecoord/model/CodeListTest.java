package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static uk.nhs.carecoord.model.Fixtures.assertInvalid;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeListTest {
  private static final CodeList BUNDLED = CodeList.bundled();

  private static CodeListEntry entry(String code, ConditionCategory... categories) {
    return ImmutableCodeListEntry.builder().snomedCode(code).display("Made-up disorder").addCategories(categories).build();
  }

  @Test
  void theBundledListLoadsOnceWithItsVersion() {
    assertSame(BUNDLED, CodeList.bundled());
    assertEquals("ltc-categories", BUNDLED.id());
    assertEquals("2026.1", BUNDLED.version());
    assertTrue(BUNDLED.description().isPresent());
    assertTrue(BUNDLED.entries().size() >= 40, "entries: " + BUNDLED.entries().size());
  }

  @Test
  void theBundledListCoversEveryCategory() {
    Set<ConditionCategory> covered = EnumSet.noneOf(ConditionCategory.class);
    BUNDLED.entries().forEach(e -> covered.addAll(e.categories()));
    assertEquals(EnumSet.allOf(ConditionCategory.class), covered);
  }

  @Test
  void theBundledListIsItsOwnJson() {
    assertEquals(BUNDLED, CareJson.read(CareJson.write(BUNDLED), CodeList.class));
  }

  @Test
  void givesTheCategoriesOfACode() {
    assertEquals(Set.of(ConditionCategory.PHYSICAL), BUNDLED.categoriesOf("73211009"));
    assertEquals(Set.of(ConditionCategory.DEMENTIA, ConditionCategory.MENTAL_HEALTH), BUNDLED.categoriesOf("52448006"));
    assertEquals(Set.of(ConditionCategory.CANCER, ConditionCategory.PHYSICAL), BUNDLED.categoriesOf("254837009"));
    assertEquals(Set.of(ConditionCategory.FRAILTY), BUNDLED.categoriesOf("248279007"));
  }

  @Test
  void aCodeNotOnTheListCountsTowardsNoCategory() {
    assertEquals(Set.of(), BUNDLED.categoriesOf("999999999"));
    assertEquals(Set.of(), BUNDLED.categoriesOf(""));
  }

  @Test
  void givesTheCategoriesOfSeveralConditions() {
    List<LongTermCondition> conditions =
        List.of(
            LongTermCondition.of("44054006"),
            LongTermCondition.of("35489007"),
            LongTermCondition.of("66590003"),
            LongTermCondition.of("123456789"));
    assertEquals(
        EnumSet.of(ConditionCategory.PHYSICAL, ConditionCategory.MENTAL_HEALTH, ConditionCategory.SUBSTANCE_MISUSE),
        BUNDLED.categoriesOf(conditions));
    assertEquals(Set.of(), BUNDLED.categoriesOf(List.of()));
    assertEquals(Set.of(), BUNDLED.categoriesOf(List.of(LongTermCondition.of("123456789"))));
  }

  @Test
  void aListNeedsAnIdAVersionAndUniqueCodes() {
    assertInvalid("id", () -> CodeList.builder().id(" ").version("1").build());
    assertInvalid("version", () -> CodeList.builder().id("x").version("").build());
    assertInvalid(
        "entries",
        () ->
            CodeList.builder()
                .id("x")
                .version("1")
                .addEntries(entry("123456", ConditionCategory.PHYSICAL), entry("123456", ConditionCategory.AUTISM))
                .build());
  }

  @Test
  void anEntryIsASnomedCodeWithADisplayAndACategory() {
    assertInvalid("snomedCode", () -> entry("12345", ConditionCategory.PHYSICAL));
    assertInvalid("snomedCode", () -> entry("12345A", ConditionCategory.PHYSICAL));
    assertInvalid("categories", () -> entry("123456"));
    assertInvalid(
        "display",
        () -> ImmutableCodeListEntry.builder().snomedCode("123456").display(" ").addCategories(ConditionCategory.PHYSICAL).build());
  }

  @Test
  void aLocalListCanBeRead() {
    String json =
        "{\"id\":\"local\",\"version\":\"2026.2\",\"entries\":["
            + "{\"snomedCode\":\"123456\",\"display\":\"Made-up\",\"categories\":[\"PHYSICAL\",\"CANCER\"]}]}";
    CodeList list = CodeList.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    assertEquals("2026.2", list.version());
    assertEquals(Set.of(ConditionCategory.PHYSICAL, ConditionCategory.CANCER), list.categoriesOf("123456"));
    assertFalse(list.description().isPresent());
  }

  @Test
  void aBrokenListIsAJsonError() {
    String json =
        "{\"id\":\"local\",\"version\":\"1\",\"entries\":["
            + "{\"snomedCode\":\"123456\",\"display\":\"A\",\"categories\":[\"PHYSICAL\"]},\n"
            + "{\"snomedCode\":\"123456\",\"display\":\"B\",\"categories\":[]}]}";
    CareJsonException e =
        assertThrows(
            CareJsonException.class, () -> CodeList.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8))));
    assertEquals("entries[1].categories", e.path());
    assertEquals(2, e.line());
  }
}
