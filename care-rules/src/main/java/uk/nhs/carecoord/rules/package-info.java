/**
 * The rules engine. {@link uk.nhs.carecoord.rules.CareRules} is the façade: it compiles the DRL
 * rule sets once (built-in ones from the classpath, a rule author's from a directory), and
 * evaluates people ({@link uk.nhs.carecoord.rules.PatientEvaluation}) and care co-ordinators
 * ({@link uk.nhs.carecoord.rules.CoordinatorEvaluation}) in stateless sessions.
 *
 * <p>The decisions are in the DRL files; Java turns model values into facts, runs the rules and
 * shapes what they raised into {@link uk.nhs.carecoord.rules.Finding}s, each with its
 * {@link uk.nhs.carecoord.rules.DecisionRecord}s. {@link uk.nhs.carecoord.rules.Outcomes} and
 * {@link uk.nhs.carecoord.rules.Outcome} are the vocabulary rules write against; {@link uk.nhs.carecoord.rules.Scenario} runs a rule author's
 * data-only test.
 *
 * <p>By audience: an embedder needs {@code CareRules} (or the {@code Evaluator} interface it
 * implements, to stub the engine in a host's tests), {@code Thresholds}, the evaluations and
 * {@code Finding}s, {@code OutputCatalogue} for labels, and {@code RuleCompilationException}. A
 * rule author's types are listed in {@link uk.nhs.carecoord.rules.facts}. Everything else here (the
 * compiler, the precompiled rule base, the one DRL reader, fact and finding assembly) is
 * package-private engine plumbing.
 */
package uk.nhs.carecoord.rules;
