package uk.nhs.carecoord.benchmarks;

import java.util.List;
import java.util.SortedMap;

/**
 * The hand-written counterpart of a {@code DecisionRecord}: which rule (by its DRL name) decided,
 * in which rule set, why in words, and on which facts. The evaluation's reference date and
 * code-list version are held once, on {@link HandEvaluation}.
 */
record HandRecord(String rule, String ruleSet, List<String> reasons, SortedMap<String, String> facts) {}
