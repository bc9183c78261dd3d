package uk.nhs.carecoord.synthetic;

import java.util.List;
import uk.nhs.carecoord.model.Sex;

/**
 * Rough prevalence figures for a GP list in England, by five-year age band. Each condition has a
 * relative age curve and an overall target; the curve is scaled once, here, so that the expected
 * prevalence over the age pyramid equals the target. Figures are plausible, not statistics.
 */
final class Epidemiology {
  /** Five-year bands 0–4 … 90–94, then 95 and over. */
  static final int BANDS = 20;

  /** Share of the list in each band (per cent): about 18% aged 65+, 2.5% aged 85+. */
  static final double[] PYRAMID = {
    5.4, 5.9, 6.1, 5.8, 6.0, 6.5, 6.9, 6.7, 6.4, 6.2, 6.9, 6.8, 6.0, // 0–64
    4.8, 4.5, 3.8, 2.4, // 65–84
    1.6, 0.7, 0.2 // 85+
  };

  private static final double PYRAMID_TOTAL = sum(PYRAMID);

  /** Chooses the SNOMED CT code recorded for a condition, given age and sex. */
  interface CodeChooser {
    String code(Rng rng, int age, Sex sex);
  }

  /** What kind of condition, in the generator's own model of who is referred (not the rules'). */
  enum Kind {
    PHYSICAL,
    MENTAL_HEALTH,
    DEMENTIA,
    LEARNING_DISABILITY,
    AUTISM,
    CANCER,
    SENSORY,
    SUBSTANCE_MISUSE;

    boolean physical() {
      return this == PHYSICAL || this == CANCER;
    }

    boolean mentalHealth() {
      return this == MENTAL_HEALTH || this == DEMENTIA;
    }
  }

  /**
   * A condition: its name (for tallies), kind, band-specific probabilities (already scaled to the
   * target), sex factors, how its code is chosen, and the share of people whose entry is later
   * marked resolved (a depression or asthma episode that ended).
   */
  record Condition(
      String name, Kind kind, double[] rates, double femaleFactor, double maleFactor, CodeChooser chooser, double resolvedShare) {

    double probability(int age, Sex sex) {
      double p = rates[band(age)];
      if (sex == Sex.FEMALE) {
        p *= femaleFactor;
      } else if (sex == Sex.MALE) {
        p *= maleFactor;
      }
      return Math.min(0.95, p);
    }
  }

  static final String HYPERTENSION = "59621000";
  static final String HYPERTENSIVE_DISORDER = "38341003";
  static final String DIABETES = "73211009";
  static final String TYPE_2_DIABETES = "44054006";
  static final String TYPE_2_DIABETES_NO_COMPLICATION = "313436004";
  static final String TYPE_1_DIABETES = "46635009";
  static final String ASTHMA = "195967001";
  static final String COPD = "13645005";
  static final String DEPRESSION = "35489007";
  static final String MAJOR_DEPRESSION = "370143000";
  static final String DEMENTIA = "52448006";
  static final String ALZHEIMERS = "26929004";
  static final String VASCULAR_DEMENTIA = "429998004";
  static final String LEARNING_DISABILITY = "110359009";
  static final String AUTISM = "408856003";
  static final String PERVASIVE_DEVELOPMENTAL = "35919005";
  static final String CANCER = "363346000";
  static final String BREAST_CANCER = "254837009";
  static final String LUNG_CANCER = "363358000";
  static final String PROSTATE_CANCER = "399068003";
  static final String COLON_CANCER = "363406005";
  static final String HEARING_LOSS = Coding.unclustered("15188001");
  static final String VISUAL_IMPAIRMENT = Coding.unclustered("397540003");

  private static final Coding.Choice HYPERTENSION_CODES = Coding.choice("HYP_COD", 0.9, HYPERTENSION, HYPERTENSIVE_DISORDER);
  private static final Coding.Choice DIABETES_CODES =
      Coding.choice("DM_COD", 0.85, DIABETES, TYPE_1_DIABETES, TYPE_2_DIABETES, TYPE_2_DIABETES_NO_COMPLICATION);
  private static final Coding.Choice DEMENTIA_CODES = Coding.choice("DEM_COD", 0.85, DEMENTIA, ALZHEIMERS, VASCULAR_DEMENTIA);
  private static final Coding.Choice AUTISM_CODES = Coding.choice("AUTISM_COD", 0.9, AUTISM, PERVASIVE_DEVELOPMENTAL);
  private static final Coding.Choice CANCER_CODES =
      Coding.choice("C19CAN_COD", 0.85, CANCER, BREAST_CANCER, LUNG_CANCER, PROSTATE_CANCER, COLON_CANCER);
  private static final Coding.Choice HAEMATOLOGICAL_CANCER_CODES = Coding.choice("C19HAEMCAN_COD", 0);

  /** The conditions drawn for every person, independently given age and sex. */
  static final List<Condition> CONDITIONS =
      List.of(
          condition("hypertension", Kind.PHYSICAL, 0.14, curve(3, 0.1, 0.5, 1, 2, 3, 5, 8, 13, 18, 25, 33, 40, 47, 53, 57, 58), (r, age, sex) -> HYPERTENSION_CODES.draw(r, 85, 15)),
          condition(
              "diabetes",
              Kind.PHYSICAL,
              0.07,
              curve(0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.9, 1.3, 2, 3, 5, 7, 9, 12, 15, 17, 18, 18, 16, 14, 12),
              (r, age, sex) -> {
                double type1 = age < 25 ? 90 : 7;
                return DIABETES_CODES.draw(r, 5, type1, (100 - type1) * 0.6, (100 - type1) * 0.4);
              }),
          clustered("asthma", Kind.PHYSICAL, 0.06, curve(0, 2, 7, 8, 8, 7, 6), 1.0, 1.0, Coding.choice("AST_COD", 0.85, ASTHMA), 0.12),
          clustered("copd", Kind.PHYSICAL, 0.02, curve(7, 0.2, 0.4, 0.8, 1.5, 2.5, 3.5, 5, 6.5, 7.5, 8, 8, 7), 1.0, 1.0, Coding.choice("COPD_COD", 0.85, COPD), 0),
          clustered("depression", Kind.MENTAL_HEALTH, 0.12, curve(2, 0.5, 6, 12, 13, 14, 14, 14, 14, 14, 14, 13, 12, 11, 11, 12), 1.0, 1.0, Coding.choice("DEPR_COD", 0.85, DEPRESSION, MAJOR_DEPRESSION), 0.25),
          unclustered("anxiety", Kind.MENTAL_HEALTH, 0.06, curve(1, 0.3, 1.5, 6, 8, 8, 7.5, 7, 6.5, 6, 6, 5, 4.5, 4), 1.3, 0.7, "197480006"),
          condition(
              "dementia",
              Kind.DEMENTIA,
              0.008,
              curve(10, 0.05, 0.05, 0.2, 0.7, 1.5, 3.5, 7.5, 15, 25, 33),
              (r, age, sex) -> DEMENTIA_CODES.draw(r, 50, 30, 20)),
          clustered(
              "learning disability",
              Kind.LEARNING_DISABILITY,
              0.005,
              curve(0, 0.3, 0.6, 0.7, 0.7, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.5, 0.5, 0.4, 0.3, 0.3, 0.2, 0.2, 0.1),
              1.0,
              1.0,
              Coding.choice("LD_COD", 0.8, LEARNING_DISABILITY),
              0),
          condition(
              "autism",
              Kind.AUTISM,
              0.01,
              curve(0, 0.5, 2, 2.5, 2.2, 1.5, 1, 0.7, 0.7, 0.4, 0.4, 0.4, 0.4, 0.15),
              0.5,
              1.5,
              (r, age, sex) -> AUTISM_CODES.draw(r, 85, 15)),
          condition(
              "cancer",
              Kind.CANCER,
              0.03,
              curve(0, 0.05, 0.05, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2.5, 3.5, 5, 7, 9, 11, 12),
              Epidemiology::cancerCode),
          clustered("atrial fibrillation", Kind.PHYSICAL, 0.02, curve(7, 0.05, 0.1, 0.3, 0.6, 1.2, 2, 3.5, 5.5, 8, 11, 14, 16), 0.8, 1.2, Coding.choice("AFIB_COD", 0.9, "49436004"), 0),
          clustered("coronary heart disease", Kind.PHYSICAL, 0.03, curve(7, 0.1, 0.3, 0.8, 1.5, 3, 4.5, 6.5, 9, 12, 14, 15), 0.7, 1.3, Coding.choice("CHD_COD", 0.7, "53741008"), 0),
          clustered("heart failure", Kind.PHYSICAL, 0.01, curve(8, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 2.5, 4, 6, 9, 12, 13), 1.0, 1.0, Coding.choice("HF_COD", 0.8, "84114007"), 0),
          clustered("stroke", Kind.PHYSICAL, 0.018, curve(6, 0.05, 0.1, 0.2, 0.4, 0.8, 1.2, 2, 3, 4.5, 6.5, 8, 10), 1.0, 1.0, Coding.choice("STRK_COD", 0.7, "230690007"), 0),
          clustered("chronic kidney disease", Kind.PHYSICAL, 0.035, curve(4, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2, 3, 5, 8, 12, 17, 22, 28, 32, 35), 1.0, 1.0, Coding.choice("CKD_COD", 0.8, "433144002"), 0),
          unclustered("hypothyroidism", Kind.PHYSICAL, 0.035, curve(3, 0.3, 0.6, 0.9, 1.3, 1.8, 2.3, 3, 3.5, 4, 5, 6, 7, 8, 8.5, 9), 1.7, 0.3, "40930008"),
          unclustered("osteoarthritis", Kind.PHYSICAL, 0.08, curve(6, 0.5, 1, 2, 4, 7, 10, 14, 18, 22, 25, 28, 30), 1.2, 0.8, "396275006"),
          unclustered("obesity", Kind.PHYSICAL, 0.08, curve(3, 2, 5, 7, 8, 9, 10, 11, 12, 12, 11, 10, 8, 6, 4, 2, 1), 1.0, 1.0, "414916001"),
          clustered("osteoporosis", Kind.PHYSICAL, 0.015, curve(9, 0.2, 0.5, 1, 2, 3, 5, 7, 9, 11, 12), 1.7, 0.3, Coding.choice("OSTEO_COD", 0.85, "64859006"), 0),
          clustered("epilepsy", Kind.PHYSICAL, 0.008, curve(0, 0.4, 0.8), 1.0, 1.0, Coding.choice("EPIL_COD", 0.7, "84757009"), 0.05),
          clustered("rheumatoid arthritis", Kind.PHYSICAL, 0.008, curve(4, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.5, 1.6, 1.6, 1.5, 1.4, 1.3, 1.2), 1.5, 0.5, Coding.choice("RARTH_COD", 0.8, "69896004"), 0),
          clustered("parkinson's disease", Kind.PHYSICAL, 0.003, curve(10, 0.05, 0.1, 0.3, 0.6, 1, 1.6, 2.2, 2.5, 2.5, 2.5), 0.7, 1.3, Coding.choice("PARKINSONS_BRISTOL", 0.85, "49049000"), 0),
          clustered("multiple sclerosis", Kind.PHYSICAL, 0.002, curve(4, 0.05, 0.15, 0.25, 0.3, 0.3, 0.3, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05), 1.5, 0.5, Coding.choice("MS_NHSD", 0.85, "24700007"), 0),
          clustered("schizophrenia", Kind.MENTAL_HEALTH, 0.005, curve(3, 0.2, 0.6, 0.8, 0.9, 0.9, 0.9, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.3, 0.2), 1.0, 1.0, Coding.choice("MH_COD", 0.8, "58214004"), 0),
          clustered("bipolar disorder", Kind.MENTAL_HEALTH, 0.004, curve(3, 0.2, 0.5, 0.7, 0.8, 0.8, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.3, 0.2), 1.0, 1.0, Coding.choice("MH_COD", 0.8, "13746004"), 0),
          unclustered("hearing loss", Kind.SENSORY, 0.03, curve(0, 0.2, 0.2, 0.2, 0.2, 0.3, 0.3, 0.4, 0.6, 0.8, 1.2, 2, 3, 5, 7, 10, 14, 20, 25, 30), 1.0, 1.0, HEARING_LOSS),
          unclustered("visual impairment", Kind.SENSORY, 0.01, curve(0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.6, 0.8, 1.2, 2, 3.5, 6, 9, 12), 1.0, 1.0, VISUAL_IMPAIRMENT),
          unclustered("alcohol dependence", Kind.SUBSTANCE_MISUSE, 0.008, curve(3, 0.2, 0.8, 1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.1, 1, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1), 0.5, 1.5, "66590003"),
          unclustered("drug dependence", Kind.SUBSTANCE_MISUSE, 0.005, curve(3, 0.3, 1, 1.2, 1.2, 1, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05, 0), 0.5, 1.5, "191816009"));

  private Epidemiology() {}

  /** The band of an age. */
  static int band(int age) {
    return Math.min(Math.max(age, 0) / 5, BANDS - 1);
  }

  /** An age drawn from the pyramid. */
  static int sampleAge(Rng rng) {
    int band = rng.weighted(PYRAMID);
    return band == BANDS - 1 ? 95 + rng.below(7) : band * 5 + rng.below(5);
  }

  /** Band probabilities from a relative curve, scaled so the list-wide prevalence is {@code target}. */
  static double[] calibrate(double target, double[] curve) {
    double expected = 0;
    for (int b = 0; b < BANDS; b++) {
      expected += PYRAMID[b] / PYRAMID_TOTAL * curve[b];
    }
    double[] rates = new double[BANDS];
    for (int b = 0; b < BANDS; b++) {
      rates[b] = expected == 0 ? 0 : target * curve[b] / expected;
    }
    return rates;
  }

  /**
   * A curve that is zero before band {@code from}, takes the given values from there and keeps
   * the last value for the remaining bands.
   */
  static double[] curve(int from, double... values) {
    double[] c = new double[BANDS];
    for (int b = from; b < BANDS; b++) {
      c[b] = values[Math.min(b - from, values.length - 1)];
    }
    return c;
  }

  private static Condition condition(String name, Kind kind, double target, double[] curve, CodeChooser chooser) {
    return condition(name, kind, target, curve, 1.0, 1.0, chooser);
  }

  private static Condition condition(
      String name, Kind kind, double target, double[] curve, double female, double male, CodeChooser chooser) {
    return new Condition(name, kind, calibrate(target, curve), female, male, chooser, 0);
  }

  private static Condition clustered(
      String name, Kind kind, double target, double[] curve, double female, double male, Coding.Choice codes, double resolvedShare) {
    return new Condition(name, kind, calibrate(target, curve), female, male, (r, age, sex) -> codes.draw(r), resolvedShare);
  }

  private static Condition unclustered(
      String name, Kind kind, double target, double[] curve, double female, double male, String code) {
    Coding.unclustered(code); // fails at class initialisation if a release starts listing it
    return new Condition(name, kind, calibrate(target, curve), female, male, (r, age, sex) -> code, 0);
  }

  /** One cancer in ten haematological; otherwise a site weighted by age and sex. */
  private static String cancerCode(Rng rng, int age, Sex sex) {
    if (rng.chance(0.1)) {
      return HAEMATOLOGICAL_CANCER_CODES.draw(rng);
    }
    double breast = sex == Sex.FEMALE ? 40 : 1;
    double prostate = sex == Sex.MALE && age >= 45 ? 35 : 0;
    double lung = age >= 40 ? 10 : 1;
    double colon = age >= 40 ? 15 : 2;
    return CANCER_CODES.draw(rng, 30, breast, lung, prostate, colon);
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }
}
