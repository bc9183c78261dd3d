package uk.nhs.carecoord.cdshooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import uk.nhs.carecoord.model.AcknowledgementReason;
import uk.nhs.carecoord.rules.DecisionRecord;
import uk.nhs.carecoord.rules.Finding;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.PatientEvaluation;
import uk.nhs.carecoord.rules.Priority;

/**
 * Turns one evaluation into CDS Hooks cards: one card per obligation and per recommendation, and
 * one card listing the cohorts. It presents what the rules decided and never re-decides: the
 * indicator follows the finding's priority (the safeguarding rules raise an overdue discussion as
 * {@code URGENT}, hence critical), the text and reasons are the rules' own.
 */
final class CardFactory {
  /** The code system of the coded decline reasons offered as {@code overrideReasons}. */
  static final String OVERRIDE_REASON_SYSTEM = "urn:uk-nhs-carecoord:acknowledgement-reason";

  /** The code system of the rules' output codes, given as each card's {@code source.topic}. */
  static final String OUTPUT_CODE_SYSTEM = "urn:uk-nhs-carecoord:output";

  static final int SUMMARY_LIMIT = 140;

  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final Map<AcknowledgementReason, String> REASON_DISPLAY = Map.of(
      AcknowledgementReason.PERSON_DECLINED, "The person does not want this",
      AcknowledgementReason.NOT_APPROPRIATE, "Not appropriate for this person now",
      AcknowledgementReason.ALREADY_IN_PLACE, "Already arranged elsewhere",
      AcknowledgementReason.CLINICAL_JUDGEMENT, "A clinician judged otherwise",
      AcknowledgementReason.OTHER, "Another reason");

  private final Function<String, String> labels;
  private final Properties links;

  /**
   * @param labels the person-readable label of an output code, or null when there is none
   */
  CardFactory(Function<String, String> labels) {
    this.labels = labels;
    this.links = loadLinks();
  }

  /** A card and what the audit trail keeps of it. */
  record Card(IssuedCard issued, ObjectNode json) {}

  /** The cards for one evaluation, most urgent first, and the recommendations held back. */
  record Cards(List<Card> shown, List<IssuedCard> heldBack) {}

  Cards cards(String patientRef, PatientEvaluation evaluation) {
    List<Finding> actionable = new ArrayList<>(evaluation.obligations());
    actionable.addAll(evaluation.recommendations());
    actionable.sort(Finding.ORDER);
    List<Card> shown = new ArrayList<>();
    for (Finding f : actionable) {
      shown.add(card(patientRef, f));
    }
    if (!evaluation.cohorts().isEmpty()) {
      shown.add(cohortCard(patientRef, evaluation.cohorts()));
    }
    List<IssuedCard> heldBack = new ArrayList<>();
    for (Finding f : evaluation.suppressed()) {
      UUID id = CardIds.of(patientRef, f.kind().name(), f.code(), f.subject(), f.factsFingerprint());
      heldBack.add(new IssuedCard(id, f.kind().name(), f.code(), f.subject(), indicator(f.priority()),
          summary(f), f.factsFingerprint(), f.decisions(), false));
    }
    return new Cards(shown, heldBack);
  }

  /** info / warning / critical from the finding's priority. */
  static String indicator(Priority priority) {
    return switch (priority) {
      case URGENT -> "critical";
      case HIGH -> "warning";
      case MEDIUM, LOW -> "info";
    };
  }

  /** Text within {@value #SUMMARY_LIMIT} characters, cut at a word with an ellipsis if longer. */
  static String shorten(String text) {
    String flat = text.replaceAll("\\s+", " ").strip();
    if (flat.length() <= SUMMARY_LIMIT) {
      return flat;
    }
    String cut = flat.substring(0, SUMMARY_LIMIT - 1);
    int space = cut.lastIndexOf(' ');
    if (space > SUMMARY_LIMIT / 2) {
      cut = cut.substring(0, space);
    }
    return cut.stripTrailing() + "\u2026";
  }

  /** The output's label from the catalogue (with the due date) where it has one, else the rule's text. */
  private String summary(Finding f) {
    String label = labels.apply(f.code());
    if (label == null) {
      return shorten(f.text());
    }
    return shorten(label + f.dueOn().map(d -> " (due " + d + ")").orElse(""));
  }

  private Card card(String patientRef, Finding f) {
    UUID id = CardIds.of(patientRef, f.kind().name(), f.code(), f.subject(), f.factsFingerprint());
    String indicator = indicator(f.priority());
    String summary = summary(f);
    ObjectNode card = JSON.objectNode();
    card.put("uuid", id.toString());
    card.put("summary", summary);
    card.put("indicator", indicator);
    card.put("detail", detail(f));
    card.set("source", source(f.code(), f.decisions()));
    if (f.kind() == FindingKind.RECOMMENDATION) {
      // Only recommendations can be declined and held back (acknowledgements.drl).
      ArrayNode reasons = card.putArray("overrideReasons");
      for (AcknowledgementReason r : AcknowledgementReason.values()) {
        if (r != AcknowledgementReason.WILL_ACT) {
          reasons.add(coding(OVERRIDE_REASON_SYSTEM, r.name(), REASON_DISPLAY.get(r)));
        }
      }
      // Accepting a card is choosing a suggestion (CDS Hooks feedback); this one has no actions.
      ArrayNode suggestions = card.putArray("suggestions");
      ObjectNode willAct = suggestions.addObject();
      willAct.put("label", "I will act on this");
      willAct.put("uuid", UUID.nameUUIDFromBytes((id + "/will-act").getBytes(StandardCharsets.UTF_8)).toString());
      willAct.put("isRecommended", true);
      card.put("selectionBehavior", "at-most-one");
    }
    addLinks(card, f.code());
    IssuedCard issued = new IssuedCard(id, f.kind().name(), f.code(), f.subject(), indicator, summary,
        f.factsFingerprint(), f.decisions(), true);
    return new Card(issued, card);
  }

  private Card cohortCard(String patientRef, List<Finding> cohorts) {
    String codes = cohorts.stream().map(Finding::code).sorted().collect(Collectors.joining(","));
    String fingerprints = cohorts.stream()
        .sorted(Comparator.comparing(Finding::code).thenComparing(Finding::subject))
        .map(Finding::factsFingerprint)
        .collect(Collectors.joining(","));
    UUID id = CardIds.of(patientRef, IssuedCard.COHORTS, codes, "", fingerprints);
    Priority top = cohorts.stream().map(Finding::priority).min(Comparator.naturalOrder()).orElseThrow();
    String names = cohorts.stream().map(f -> label(f.code(), f.text())).collect(Collectors.joining("; "));
    String summary = shorten("Care co-ordination cohorts: " + names);
    StringBuilder md = new StringBuilder();
    md.append("This person is in ").append(cohorts.size() == 1 ? "a cohort" : cohorts.size() + " cohorts")
        .append(" who benefit most from care co-ordination.\n\n");
    List<DecisionRecord> records = new ArrayList<>();
    for (Finding f : cohorts) {
      md.append("**").append(Markdown.escape(label(f.code(), f.text()))).append("**\n\n");
      for (String reason : f.reasons()) {
        md.append("- ").append(Markdown.escape(reason)).append('\n');
      }
      md.append('\n');
      records.addAll(f.decisions());
    }
    appendDecisionRecords(md, records);
    ObjectNode card = JSON.objectNode();
    card.put("uuid", id.toString());
    card.put("summary", summary);
    // Cohort membership informs; it asks nothing of the clinician, so it never alarms.
    card.put("indicator", "info");
    card.put("detail", md.toString());
    card.set("source", source("COHORTS", records));
    addLinks(card, "COHORTS");
    IssuedCard issued = new IssuedCard(id, IssuedCard.COHORTS, codes, "", "info", summary, fingerprints, records, true);
    return new Card(issued, card);
  }

  private String label(String code, String fallback) {
    String label = labels.apply(code);
    return label != null ? label : fallback;
  }

  private String detail(Finding f) {
    StringBuilder md = new StringBuilder();
    md.append("**").append(Markdown.escape(f.text())).append("**\n\n");
    f.dueOn().ifPresent(d -> md.append("Due by ").append(d).append(".\n\n"));
    List<String> reasons = f.reasons();
    if (!reasons.isEmpty()) {
      md.append("Why:\n\n");
      for (String reason : reasons) {
        md.append("- ").append(Markdown.escape(reason)).append('\n');
      }
      md.append('\n');
    }
    appendDecisionRecords(md, f.decisions());
    return md.toString();
  }

  private static void appendDecisionRecords(StringBuilder md, List<DecisionRecord> records) {
    md.append("Decision record:\n\n");
    md.append("| rule | rule set | version | as of | code list | facts |\n");
    md.append("| --- | --- | --- | --- | --- | --- |\n");
    for (DecisionRecord r : records) {
      String facts = r.facts().entrySet().stream()
          .map(e -> Markdown.escape(e.getKey()) + " = " + Markdown.escape(e.getValue()))
          .collect(Collectors.joining("; "));
      md.append("| ").append(Markdown.escape(r.rule()))
          .append(" | ").append(Markdown.escape(r.ruleSet()))
          .append(" | ").append(Markdown.escape(r.ruleSetVersion())).append(" (").append(Markdown.escape(r.ruleSetDigest())).append(')')
          .append(" | ").append(r.asOf())
          .append(" | ").append(Markdown.escape(r.codeListVersion()))
          .append(" | ").append(facts).append(" |\n");
    }
  }

  private ObjectNode source(String code, List<DecisionRecord> records) {
    String ruleSets = records.stream()
        .map(r -> r.ruleSet() + " " + r.ruleSetVersion())
        .distinct()
        .collect(Collectors.joining(", "));
    ObjectNode source = JSON.objectNode();
    source.put("label", "Care co-ordination rules: " + ruleSets);
    String display = labels.apply(code);
    source.set("topic", coding(OUTPUT_CODE_SYSTEM, code, display != null ? display : code));
    return source;
  }

  private void addLinks(ObjectNode card, String code) {
    // Longest matching prefix wins: PAM_LEVEL_1 before PAM_.
    String best = null;
    for (String key : links.stringPropertyNames()) {
      if (key.endsWith(".url")) {
        String prefix = key.substring(0, key.length() - 4);
        if (code.startsWith(prefix) && (best == null || prefix.length() > best.length())) {
          best = prefix;
        }
      }
    }
    if (best != null) {
      ObjectNode link = card.putArray("links").addObject();
      link.put("label", links.getProperty(best + ".label", "Guidance"));
      link.put("url", links.getProperty(best + ".url"));
      link.put("type", "absolute");
    }
  }

  private static ObjectNode coding(String system, String code, String display) {
    ObjectNode coding = JSON.objectNode();
    coding.put("system", system);
    coding.put("code", code);
    coding.put("display", display);
    return coding;
  }

  private static Properties loadLinks() {
    Properties p = new Properties();
    try (InputStream in = CardFactory.class.getResourceAsStream("card-links.properties")) {
      if (in != null) {
        p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }
}
