/**
 * For embedders: {@link uk.nhs.carecoord.rules.CareRules} is the one entry point. It compiles the
 * DRL rule sets once (built-in ones from the classpath, a rule author's from a directory) and
 * evaluates people ({@link uk.nhs.carecoord.rules.PatientEvaluation}) and care co-ordinators
 * ({@link uk.nhs.carecoord.rules.CoordinatorEvaluation}); a host stubs it in its own tests through
 * the {@link uk.nhs.carecoord.rules.Evaluator} interface it implements.
 *
 * <p>The decisions are in the DRL files; Java turns model values into facts, runs the rules and
 * shapes what they raised into {@link uk.nhs.carecoord.rules.Finding}s, each with its {@link
 * uk.nhs.carecoord.rules.DecisionRecord}s. Codes are read through the {@link
 * uk.nhs.carecoord.rules.OutputCatalogue}, which gives each a label and the part the library relies
 * on it for ({@link uk.nhs.carecoord.rules.OutputRole}). {@link uk.nhs.carecoord.rules.Priority},
 * {@link uk.nhs.carecoord.rules.FindingKind} and {@link uk.nhs.carecoord.rules.TrainingStatus} are
 * shared with the rules, which import them from here.
 *
 * <p>What DRL sees (facts, the outcome builder, thresholds) and the rule author's tools
 * (scenarios, coverage, the rule catalogue) are in {@link uk.nhs.carecoord.rules.authoring}. The
 * Drools plumbing is package-private in {@code uk.nhs.carecoord.rules.engine}.
 */
package uk.nhs.carecoord.rules;
