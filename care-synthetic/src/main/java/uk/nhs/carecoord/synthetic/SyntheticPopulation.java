package uk.nhs.carecoord.synthetic;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.PatientCase;

/**
 * Generates a synthetic PCN population: practices, care co-ordinators with mixed training and
 * supervision, and one {@link PatientCase} per registered person with plausible ages, long-term
 * conditions, frailty, service use, PAM scores, care plans, contacts, referrals, decisions, MDT
 * discussions and safeguarding concerns.
 *
 * <pre>{@code
 * SyntheticPcn population = SyntheticPopulation.builder()
 *     .seed(42).patients(5000).practices(4).coordinators(5)
 *     .asOf(LocalDate.of(2026, 11, 24))
 *     .build();
 * }</pre>
 *
 * <p>Deterministic: the same parameters give an equal population with identical JSON. Each person
 * is generated from (seed, index) alone, so the first <i>k</i> cases of a larger population equal
 * the cases of a population of <i>k</i> with the same other parameters, and generation takes time
 * in proportion to the number of patients. All data is synthetic: see the {@linkplain
 * uk.nhs.carecoord.synthetic package documentation}.
 */
public final class SyntheticPopulation {
  /** The default reference date (no wall clock is read). */
  public static final LocalDate DEFAULT_AS_OF = LocalDate.of(2026, 11, 24);

  /**
   * The most patients a population can hold: the 999 range has 909 091 valid NHS numbers, and
   * identifiers have six digits.
   */
  public static final int MAX_PATIENTS = 900_000;

  /** The most practices a population can hold. */
  public static final int MAX_PRACTICES = 1_000;

  /** The most co-ordinators a population can hold. */
  public static final int MAX_COORDINATORS = 1_000;

  private SyntheticPopulation() {}

  /**
   * A builder with defaults: seed 1, 1 000 patients, 4 practices, 5 co-ordinators, reference date
   * {@link #DEFAULT_AS_OF}.
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Parameters of a synthetic population; each setter checks its value. */
  public static final class Builder {
    private long seed = 1;
    private int patients = 1_000;
    private int practices = 4;
    private int coordinators = 5;
    private LocalDate asOf = DEFAULT_AS_OF;

    private Builder() {}

    /** The seed: any value; equal seeds (and other parameters) give equal populations. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * Number of registered patients, 0 to {@link #MAX_PATIENTS}.
     *
     * @throws ModelValidationException naming {@code patients} if out of range
     */
    public Builder patients(int patients) {
      this.patients = inRange(patients, 0, MAX_PATIENTS, "patients");
      return this;
    }

    /**
     * Number of member practices, 1 to {@link #MAX_PRACTICES}.
     *
     * @throws ModelValidationException naming {@code practices} if out of range
     */
    public Builder practices(int practices) {
      this.practices = inRange(practices, 1, MAX_PRACTICES, "practices");
      return this;
    }

    /**
     * Number of care co-ordinators, 0 to {@link #MAX_COORDINATORS}; with none, no case has a
     * co-ordinator.
     *
     * @throws ModelValidationException naming {@code coordinators} if out of range
     */
    public Builder coordinators(int coordinators) {
      this.coordinators = inRange(coordinators, 0, MAX_COORDINATORS, "coordinators");
      return this;
    }

    /**
     * The reference date: everything recorded happened on or before it; only due, review, target
     * and decide-by dates may be later.
     *
     * @throws ModelValidationException naming {@code asOf} if null
     */
    public Builder asOf(LocalDate asOf) {
      if (asOf == null) {
        throw new ModelValidationException("asOf", "must not be null");
      }
      this.asOf = asOf;
      return this;
    }

    /** Generates the population. */
    public SyntheticPcn build() {
      PcnGenerator.Layout layout = PcnGenerator.generate(seed, practices, coordinators, asOf);
      PatientGenerator generator = new PatientGenerator(seed, asOf, layout);
      SyntheticNhsNumbers numbers = new SyntheticNhsNumbers(seed);
      List<PatientCase> cases = new ArrayList<>(patients);
      for (int i = 0; i < patients; i++) {
        cases.add(generator.generate(i, numbers.next()));
      }
      return SyntheticPcn.builder().seed(seed).asOf(asOf).pcn(layout.pcn()).cases(cases).build();
    }

    private static int inRange(int value, int min, int max, String field) {
      if (value < min || value > max) {
        String problem = value < 0 ? "must not be negative, was " + value : "must be " + min + " to " + max + ", was " + value;
        throw new ModelValidationException(field, problem);
      }
      return value;
    }
  }
}
