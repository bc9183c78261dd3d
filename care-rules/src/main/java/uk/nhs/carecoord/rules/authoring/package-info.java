/**
 * For rule authors: everything a DRL file sees, and the tools to test and review rules. One
 * package, so a rule file needs one import line ({@code import uk.nhs.carecoord.rules.authoring.*;})
 * besides the shared enums; it replaces the former {@code …rules.facts}, whose name no longer fit
 * once the outcome builder and thresholds joined the facts.
 *
 * <ul>
 *   <li><b>Facts</b> DRL matches on: flat, read-only views of a patient case or a care co-ordinator,
 *       with values derived once (age on the reference date, counts by condition category, months
 *       since the latest PAM), e.g. {@link uk.nhs.carecoord.rules.authoring.PatientFacts}, {@link
 *       uk.nhs.carecoord.rules.authoring.CodedEntryFact}, {@link
 *       uk.nhs.carecoord.rules.authoring.TrainingFact}. They decide nothing; every threshold is
 *       applied in the DRL. The engine makes them; their constructors are public for rule tests.
 *   <li><b>Globals</b> the engine sets for each evaluation: {@code out} ({@link
 *       uk.nhs.carecoord.rules.authoring.Outcomes}, raising {@link
 *       uk.nhs.carecoord.rules.authoring.Outcome}s whose codes the output catalogue {@code
 *       outputs.json} declares; a code raised without a text takes the catalogue's), {@code
 *       thresholds} ({@link uk.nhs.carecoord.rules.authoring.Thresholds}, which an embedder also
 *       passes to {@code CareRules.builder().thresholds(…)}) and {@code asOf} (the reference date).
 *   <li><b>Tools</b>: data-only {@link uk.nhs.carecoord.rules.authoring.Scenario}s, {@link
 *       uk.nhs.carecoord.rules.authoring.ScenarioCoverage} of rules by scenarios, and the {@link
 *       uk.nhs.carecoord.rules.authoring.RuleCatalogue} for clinical review.
 * </ul>
 *
 * <p>{@code Priority}, {@code FindingKind} and {@code TrainingStatus} are shared with embedders and
 * stay in {@link uk.nhs.carecoord.rules}. The care-rules README is the guide.
 */
package uk.nhs.carecoord.rules.authoring;
