/**
 * A deterministic, seeded generator of <em>synthetic</em> primary care network populations, for
 * examples, tests and benchmarks.
 *
 * <p><strong>Every value generated here is synthetic.</strong> No record describes a real person:
 * NHS numbers come only from the never-issued range 999 000 0000 – 999 999 9999 (with valid
 * Modulus 11 check digits), practice ODS codes are made up ({@code Y9xxxx}, PCN {@code U99999}),
 * co-ordinator and GP names are obviously invented, and telephone numbers come from Ofcom's range
 * reserved for drama ({@code 01632 960xxx}). Prevalences are rough figures for a GP list in England,
 * good enough to give rules and reports realistic work; they are not statistics.
 *
 * <p>Records speak the language of GP systems: SNOMED CT coded entries ({@code
 * patient.codedEntries}) drawn from the built-in code clusters as published — mostly a condition's
 * usual concept, sometimes a more specific one of its cluster, sometimes coded twice, some episodes
 * resolved — and care-home, housebound (and no longer housebound), carer (and no longer a carer),
 * frailty and palliative-care codes beside or instead of the host's flags. A few conditions GP
 * systems record are in no built-in cluster (anxiety, osteoarthritis, hypothyroidism, obesity,
 * hearing and sight loss, dependence); they stay on the record, count towards nothing, and are what
 * the evaluations' coding part and the coding-coverage report list.
 *
 * <p>Start from {@link uk.nhs.carecoord.synthetic.SyntheticPopulation#builder()}:
 *
 * <pre>{@code
 * SyntheticPcn pcn = SyntheticPopulation.builder()
 *     .seed(42).patients(5000).practices(4).coordinators(5)
 *     .asOf(LocalDate.of(2026, 11, 24))
 *     .build();
 * }</pre>
 *
 * <p>The same parameters always give the same population (equal values, identical JSON), and the
 * first <i>k</i> cases of a population of <i>n</i> &gt; <i>k</i> are the cases of the population of
 * <i>k</i>. Every generated case passes {@link uk.nhs.carecoord.model.PatientCase#checkAsOf} for the
 * reference date: only due, review, target and decide-by dates lie after it.
 */
@Value.Style(
    throwForInvalidImmutableState = ModelValidationException.class,
    throwForNullPointer = ModelValidationException.class,
    jdkOnly = true,
    visibility = Value.Style.ImplementationVisibility.PUBLIC,
    defaults = @Value.Immutable(copy = true))
package uk.nhs.carecoord.synthetic;

import org.immutables.value.Value;
import uk.nhs.carecoord.model.ModelValidationException;
