/**
 * For rule authors: the facts DRL matches on. Flat, read-only views of a patient case or a care
 * co-ordinator, with values derived once (age on the reference date, counts by condition category,
 * months since the latest PAM). They decide nothing; every threshold is applied in the DRL.
 *
 * <p>The rest of what DRL sees: the globals {@code out} ({@link uk.nhs.carecoord.rules.Outcomes},
 * raising {@link uk.nhs.carecoord.rules.Outcome}s whose codes the output catalogue {@code
 * outputs.json} declares), {@code thresholds} ({@link uk.nhs.carecoord.rules.Thresholds}) and
 * {@code asOf}; the vocabulary {@link uk.nhs.carecoord.rules.Priority}, {@link
 * uk.nhs.carecoord.rules.FindingKind} and {@link uk.nhs.carecoord.rules.TrainingStatus}. A rule
 * author tests rules with data-only {@link uk.nhs.carecoord.rules.Scenario}s, measures which rules
 * they exercise with {@link uk.nhs.carecoord.rules.ScenarioCoverage} and produces the document for
 * clinical review with {@link uk.nhs.carecoord.rules.RuleCatalogue}; the care-rules README is the
 * guide. Those types keep their package so that every DRL import line stays as written.
 */
package uk.nhs.carecoord.rules.facts;
