/**
 * Internal: the Drools plumbing behind {@link uk.nhs.carecoord.rules.CareRules}. Everything here is
 * package-private except {@link uk.nhs.carecoord.rules.engine.Engine}, which is public only so that
 * {@code CareRules} can reach it; it is not API and may change in any release.
 *
 * <p>The DRL compiler and its problem mapper (Drools messages to file and line), the one DRL reader
 * every check and description uses, the rule base (sessions, globals, the build-time precompiled
 * rules), fact and finding assembly, the output catalogue check, and the engine's implementations of
 * the rule author's {@code Outcomes} and {@code Outcome}.
 */
package uk.nhs.carecoord.rules.engine;
