package uk.nhs.carecoord.synthetic;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import uk.nhs.carecoord.model.CodeList;
import uk.nhs.carecoord.model.CodeListEntry;
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

  private static final Map<String, String> DISPLAYS =
      CodeList.bundled().entries().stream()
          .collect(Collectors.toUnmodifiableMap(CodeListEntry::snomedCode, CodeListEntry::display));

  /** Chooses the SNOMED CT code recorded for a condition, given age and sex. */
  interface CodeChooser {
    String code(Rng rng, int age, Sex sex);
  }

  /**
   * A condition: its name (for tallies), band-specific probabilities (already scaled to the
   * target), sex factors and how its code is chosen.
   */
  record Condition(
      String name, double[] rates, double femaleFactor, double maleFactor, CodeChooser chooser) {

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

  static final String HYPERTENSION = "38341003";
  static final String DIABETES = "73211009";
  static final String TYPE_2_DIABETES = "44054006";
  static final String TYPE_1_DIABETES = "46635009";
  static final String ASTHMA = "195967001";
  static final String COPD = "13645005";
  static final String DEPRESSION = "35489007";
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
  static final String HEARING_LOSS = "15188001";
  static final String VISUAL_IMPAIRMENT = "397540003";
  static final String FRAILTY = "248279007";

  static final List<String> DEMENTIA_CODES = List.of(DEMENTIA, ALZHEIMERS, VASCULAR_DEMENTIA);
  static final List<String> CANCER_CODES =
      List.of(CANCER, BREAST_CANCER, LUNG_CANCER, PROSTATE_CANCER, COLON_CANCER);
  static final List<String> DIABETES_CODES = List.of(DIABETES, TYPE_1_DIABETES, TYPE_2_DIABETES);

  /** The conditions drawn for every person, independently given age and sex. */
  static final List<Condition> CONDITIONS =
      List.of(
          condition("hypertension", 0.14, curve(3, 0.1, 0.5, 1, 2, 3, 5, 8, 13, 18, 25, 33, 40, 47, 53, 57, 58), fixed(HYPERTENSION)),
          condition(
              "diabetes",
              0.07,
              curve(0, 0.1, 0.2, 0.3, 0.4, 0.6, 0.9, 1.3, 2, 3, 5, 7, 9, 12, 15, 17, 18, 18, 16, 14, 12),
              1.0,
              1.0,
              (r, age, sex) ->
                  r.chance(0.05)
                      ? DIABETES
                      : r.chance(age < 25 ? 0.9 : 0.07) ? TYPE_1_DIABETES : TYPE_2_DIABETES),
          condition("asthma", 0.06, curve(0, 2, 7, 8, 8, 7, 6), fixed(ASTHMA)),
          condition("copd", 0.02, curve(7, 0.2, 0.4, 0.8, 1.5, 2.5, 3.5, 5, 6.5, 7.5, 8, 8, 7), fixed(COPD)),
          condition("depression", 0.12, curve(2, 0.5, 6, 12, 13, 14, 14, 14, 14, 14, 14, 13, 12, 11, 11, 12), fixed(DEPRESSION)),
          condition("anxiety", 0.06, curve(1, 0.3, 1.5, 6, 8, 8, 7.5, 7, 6.5, 6, 6, 5, 4.5, 4), 1.3, 0.7, fixed("197480006")),
          condition(
              "dementia",
              0.008,
              curve(10, 0.05, 0.05, 0.2, 0.7, 1.5, 3.5, 7.5, 15, 25, 33),
              (r, age, sex) -> DEMENTIA_CODES.get(r.weighted(50, 30, 20))),
          condition(
              "learning disability",
              0.005,
              curve(0, 0.3, 0.6, 0.7, 0.7, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.5, 0.5, 0.4, 0.3, 0.3, 0.2, 0.2, 0.1),
              fixed(LEARNING_DISABILITY)),
          condition(
              "autism",
              0.01,
              curve(0, 0.5, 2, 2.5, 2.2, 1.5, 1, 0.7, 0.7, 0.4, 0.4, 0.4, 0.4, 0.15),
              0.5,
              1.5,
              (r, age, sex) -> r.chance(0.85) ? AUTISM : PERVASIVE_DEVELOPMENTAL),
          condition(
              "cancer",
              0.03,
              curve(0, 0.05, 0.05, 0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 1, 1.5, 2.5, 3.5, 5, 7, 9, 11, 12),
              Epidemiology::cancerCode),
          condition("atrial fibrillation", 0.02, curve(7, 0.05, 0.1, 0.3, 0.6, 1.2, 2, 3.5, 5.5, 8, 11, 14, 16), 0.8, 1.2, fixed("49436004")),
          condition("coronary heart disease", 0.03, curve(7, 0.1, 0.3, 0.8, 1.5, 3, 4.5, 6.5, 9, 12, 14, 15), 0.7, 1.3, fixed("53741008")),
          condition("heart failure", 0.01, curve(8, 0.05, 0.1, 0.2, 0.4, 0.8, 1.5, 2.5, 4, 6, 9, 12, 13), fixed("84114007")),
          condition("stroke", 0.018, curve(6, 0.05, 0.1, 0.2, 0.4, 0.8, 1.2, 2, 3, 4.5, 6.5, 8, 10), fixed("230690007")),
          condition("chronic kidney disease", 0.035, curve(4, 0.1, 0.2, 0.3, 0.5, 0.8, 1.2, 2, 3, 5, 8, 12, 17, 22, 28, 32, 35), fixed("709044004")),
          condition("hypothyroidism", 0.035, curve(3, 0.3, 0.6, 0.9, 1.3, 1.8, 2.3, 3, 3.5, 4, 5, 6, 7, 8, 8.5, 9), 1.7, 0.3, fixed("40930008")),
          condition("osteoarthritis", 0.08, curve(6, 0.5, 1, 2, 4, 7, 10, 14, 18, 22, 25, 28, 30), 1.2, 0.8, fixed("396275006")),
          condition("obesity", 0.08, curve(3, 2, 5, 7, 8, 9, 10, 11, 12, 12, 11, 10, 8, 6, 4, 2, 1), fixed("414916001")),
          condition("osteoporosis", 0.015, curve(9, 0.2, 0.5, 1, 2, 3, 5, 7, 9, 11, 12), 1.7, 0.3, fixed("64859006")),
          condition("epilepsy", 0.008, curve(0, 0.4, 0.8), fixed("84757009")),
          condition("rheumatoid arthritis", 0.008, curve(4, 0.1, 0.2, 0.3, 0.4, 0.6, 0.8, 1, 1.2, 1.4, 1.5, 1.6, 1.6, 1.5, 1.4, 1.3, 1.2), 1.5, 0.5, fixed("69896004")),
          condition("parkinson's disease", 0.003, curve(10, 0.05, 0.1, 0.3, 0.6, 1, 1.6, 2.2, 2.5, 2.5, 2.5), 0.7, 1.3, fixed("49049000")),
          condition("multiple sclerosis", 0.002, curve(4, 0.05, 0.15, 0.25, 0.3, 0.3, 0.3, 0.3, 0.25, 0.2, 0.15, 0.1, 0.05), 1.5, 0.5, fixed("24700007")),
          condition("schizophrenia", 0.005, curve(3, 0.2, 0.6, 0.8, 0.9, 0.9, 0.9, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.3, 0.2), fixed("58214004")),
          condition("bipolar disorder", 0.004, curve(3, 0.2, 0.5, 0.7, 0.8, 0.8, 0.8, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.3, 0.2), fixed("13746004")),
          condition("hearing loss", 0.03, curve(0, 0.2, 0.2, 0.2, 0.2, 0.3, 0.3, 0.4, 0.6, 0.8, 1.2, 2, 3, 5, 7, 10, 14, 20, 25, 30), fixed(HEARING_LOSS)),
          condition("visual impairment", 0.01, curve(0, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.6, 0.8, 1.2, 2, 3.5, 6, 9, 12), fixed(VISUAL_IMPAIRMENT)),
          condition("alcohol dependence", 0.008, curve(3, 0.2, 0.8, 1, 1.2, 1.2, 1.2, 1.2, 1.2, 1.1, 1, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1), 0.5, 1.5, fixed("66590003")),
          condition("drug dependence", 0.005, curve(3, 0.3, 1, 1.2, 1.2, 1, 0.8, 0.6, 0.4, 0.3, 0.2, 0.1, 0.05, 0), 0.5, 1.5, fixed("191816009")));

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

  /** The display term of a bundled code. */
  static String display(String snomedCode) {
    String display = DISPLAYS.get(snomedCode);
    if (display == null) {
      throw new IllegalStateException("code " + snomedCode + " is not on the bundled code list");
    }
    return display;
  }

  private static Condition condition(String name, double target, double[] curve, CodeChooser chooser) {
    return condition(name, target, curve, 1.0, 1.0, chooser);
  }

  private static Condition condition(
      String name, double target, double[] curve, double female, double male, CodeChooser chooser) {
    return new Condition(name, calibrate(target, curve), female, male, chooser);
  }

  private static CodeChooser fixed(String code) {
    display(code); // fails fast at class initialisation if the code list lost it
    return (r, age, sex) -> code;
  }

  private static String cancerCode(Rng rng, int age, Sex sex) {
    double breast = sex == Sex.FEMALE ? 40 : 1;
    double prostate = sex == Sex.MALE && age >= 45 ? 35 : 0;
    double lung = age >= 40 ? 10 : 1;
    double colon = age >= 40 ? 15 : 2;
    return CANCER_CODES.get(rng.weighted(30, breast, lung, prostate, colon));
  }

  private static double sum(double[] values) {
    double total = 0;
    for (double v : values) {
      total += v;
    }
    return total;
  }
}
