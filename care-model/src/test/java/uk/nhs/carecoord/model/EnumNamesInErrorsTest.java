package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * An unreadable enum value is refused with the values as they are written in JSON, so that
 * writing one of the listed values always reads: a status written "RESOLVED" (the Java name) was
 * refused with "expected one of [ACTIVE, INACTIVE, RESOLVED, …]", listing the very value refused.
 */
class EnumNamesInErrorsTest {
  static String caseWithStatus(String status) {
    return "{\"patient\":{\"id\":\"p1\",\"nhsNumber\":\"9990000018\",\"dateOfBirth\":\"1950-01-01\",\"sex\":\"female\","
        + "\"practiceCode\":\"Y90001\",\"codedEntries\":[{\"snomedCode\":\"313436004\",\"recordedOn\":\"2020-01-01\",\"status\":\""
        + status + "\"}]}}";
  }

  @Property
  void everyValueTheMessageListsReads(@ForAll CodedEntryStatus status) {
    CareJsonException e = assertThrows(CareJsonException.class, () -> CareJson.read(caseWithStatus(status.name()), PatientCase.class));
    assertEquals("patient.codedEntries[0].status", e.path(), e.getMessage());
    String listed = e.getMessage().substring(e.getMessage().indexOf("one of ") + "one of ".length());
    List<CodedEntryStatus> read = new ArrayList<>();
    for (String name : listed.split(", ")) {
      read.add(CareJson.read(caseWithStatus(name), PatientCase.class).patient().codedEntries().get(0).status());
    }
    assertEquals(List.of(CodedEntryStatus.values()), read, listed);
    assertTrue(listed.contains("entered-in-error"), listed);
  }
}
