package uk.nhs.carecoord.model;

import static org.junit.jupiter.api.Assertions.*;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SmokeTest {
  @Test
  void roundTrip() {
    PatientCase c = PatientCase.builder()
        .patient(Patient.builder().id("p1").nhsNumber(NhsNumber.of("9990000018")).dateOfBirth(LocalDate.of(1940,1,1))
            .sex(Sex.FEMALE).practiceCode("Y00001").addConditions(LongTermCondition.of("73211009"))
            .frailty(Frailty.builder().clinicalFrailtyScale(6).build()).build())
        .addPamAssessments(PamAssessment.of(47.1, LocalDate.of(2025,1,1)))
        .plan(PersonalisedCarePlan.create("plan1", LocalDate.of(2025,2,1), PlanContent.builder().status(CarePlanStatus.ON_HOLD).whatMattersToMe("x")
            .addGoals(Goal.builder().id("g").description("walk").lifecycleStatus(GoalLifecycleStatus.ON_HOLD).build()).build()))
        .build();
    String json = CareJson.write(c);

    assertEquals(c, CareJson.read(json, PatientCase.class));
    CareJsonException e = assertThrows(CareJsonException.class, () -> CareJson.read(json.replace("47.1", "147.1"), PatientCase.class));

    e = assertThrows(CareJsonException.class, () -> CareJson.read(json.replace("9990000018", "9990000019"), PatientCase.class));

    e = assertThrows(CareJsonException.class, () -> CareJson.read(json.replace("\"sex\"", "\"sexx\""), PatientCase.class));

    e = assertThrows(CareJsonException.class, () -> CareJson.read(json.replace("on-hold", "paused"), PatientCase.class));

    e = assertThrows(CareJsonException.class, () -> CareJson.read("{\"patient\": ", PatientCase.class));

  }
}
