package uk.nhs.carecoord.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.nhs.carecoord.model.Acknowledgement;
import uk.nhs.carecoord.model.AcknowledgementDecision;
import uk.nhs.carecoord.model.AcknowledgementReason;
import uk.nhs.carecoord.model.ImmutablePatientCase;
import uk.nhs.carecoord.model.ModelValidationException;
import uk.nhs.carecoord.model.PatientCase;
import uk.nhs.carecoord.rules.CareRules;
import uk.nhs.carecoord.rules.FindingKind;
import uk.nhs.carecoord.rules.PatientEvaluation;

/**
 * The CDS Hooks 2.0 handler: discovery, {@code patient-view} calls and feedback, free of any HTTP
 * server. {@link CdsHooksServer} serves it over HTTP with authentication; a host with its own
 * server calls it directly, after authenticating the client itself.
 *
 * <pre>{@code
 * CdsHooksService cds = CdsHooksService.builder()
 *     .rules(CareRules.builder().build())
 *     .prefetchReader(reader)
 *     .jdbcUrl("jdbc:h2:file:./care-cds-data/care-cds")
 *     .build();
 * CdsResponse r = cds.call("care-coordination", requestJson, "https://ehr.example.org");
 * }</pre>
 *
 * <p>Safe to share between threads. Calls evaluate the person with {@link CareRules} as of today
 * (the injected clock), giving the rules the acknowledgements stored from earlier feedback for that
 * patient, so a declined recommendation stays held back exactly as the rules decide. Every call is
 * recorded in the audit trail with the cards returned; feedback is stored and never overwritten.
 */
public final class CdsHooksService implements AutoCloseable {
  /** The id of the {@code patient-view} service in the discovery document. */
  public static final String PATIENT_VIEW_SERVICE = "care-coordination";

  /**
   * Prefetch templates of the {@code patient-view} service: the resources the FHIR import reads.
   * Each is fetched from the client's FHIR server when the client did not prefetch it.
   */
  public static final Map<String, String> PREFETCH = prefetchTemplates();

  private static final Logger LOG = LoggerFactory.getLogger(CdsHooksService.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  // FHIR id: [A-Za-z0-9\-\.]{1,64}
  private static final Pattern FHIR_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");
  private static final int MAX_FEEDBACK_ITEMS = 100;

  private final CareRules rules;
  private final PrefetchReader reader;
  private final FhirFetcher fetcher;
  private final List<String> allowedFhirServers;
  private final AuditStore store;
  private final Clock clock;
  private final CardFactory cards;
  private final String discovery;

  private CdsHooksService(Builder b, AuditStore store) {
    this.rules = b.rules;
    this.reader = b.reader;
    this.fetcher = b.fetcher;
    this.allowedFhirServers = List.copyOf(b.allowedFhirServers);
    this.store = store;
    this.clock = b.clock;
    // Labels from the rules' output catalogue, looked up per call so a rules reload brings new ones.
    this.cards = new CardFactory(b.labels != null ? b.labels
        : code -> b.rules.outputs().entry(code).map(uk.nhs.carecoord.rules.OutputEntry::label).orElse(null));
    this.discovery = discoveryDocument();
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  private static Map<String, String> prefetchTemplates() {
    Map<String, String> t = new LinkedHashMap<>();
    t.put("patient", "Patient/{{context.patientId}}");
    // Every other resource the FHIR import reads, searched by the patient in context.
    String[][] searches = {
        {"conditions", "Condition"}, {"observations", "Observation"}, {"carePlans", "CarePlan"},
        {"goals", "Goal"}, {"careTeams", "CareTeam"}, {"relatedPersons", "RelatedPerson"},
        {"encounters", "Encounter"}, {"medicationRequests", "MedicationRequest"},
        {"medicationStatements", "MedicationStatement"}, {"flags", "Flag"},
        {"serviceRequests", "ServiceRequest"}, {"consents", "Consent"}};
    for (String[] s : searches) {
      t.put(s[0], s[1] + "?patient={{context.patientId}}");
    }
    return java.util.Collections.unmodifiableMap(t);
  }

  private static String discoveryDocument() {
    ObjectNode root = JSON.createObjectNode();
    ObjectNode service = root.putArray("services").addObject();
    service.put("hook", "patient-view");
    service.put("id", PATIENT_VIEW_SERVICE);
    service.put("title", "Care co-ordination");
    service.put("description",
        "Care co-ordination prompts for the person in context: the cohorts they belong to, safeguarding"
            + " obligations and personalised next steps (PAM, care and support plan, carers, referrals),"
            + " each with its reasons and decision record.");
    ObjectNode prefetch = service.putObject("prefetch");
    PREFETCH.forEach(prefetch::put);
    return root.toString();
  }

  /** {@code GET /cds-services}: the discovery document. */
  public CdsResponse discovery() {
    return new CdsResponse(200, discovery);
  }

  /**
   * {@code POST /cds-services/{id}}: evaluates the patient in context and answers with cards.
   *
   * @param serviceId the service called
   * @param requestJson the CDS Hooks request body
   * @param client the authenticated client (its JWT issuer); stored acknowledgements and cards are
   *     kept apart per client
   * @return 200 with cards; 400 naming the field at fault; 404 for an unknown service; 412 when
   *     neither prefetch nor a FHIR server gives the data
   */
  public CdsResponse call(String serviceId, String requestJson, String client) {
    Objects.requireNonNull(client, "client");
    Instant received = clock.instant();
    CallAudit audit = new CallAudit(received, serviceId, client);
    try {
      CdsResponse r = evaluateCall(serviceId, requestJson, client, audit);
      audit.status = r.status();
      store.recordCall(audit.toCall(), audit.cards);
      return r;
    } catch (RequestException e) {
      audit.status = e.status();
      audit.outcome = "refused: " + e.status();
      store.recordCall(audit.toCall(), List.of());
      return error(e.status(), e.getMessage());
    }
  }

  private CdsResponse evaluateCall(String serviceId, String requestJson, String client, CallAudit audit) {
    if (!PATIENT_VIEW_SERVICE.equals(serviceId)) {
      throw new RequestException(404, "no CDS service with this id");
    }
    JsonNode request = parse(requestJson);
    String hook = text(request, "hook", true);
    audit.hook = shortened(hook);
    if (!"patient-view".equals(hook)) {
      throw new RequestException(400, "hook: this service answers patient-view");
    }
    String hookInstance = text(request, "hookInstance", true);
    audit.hookInstance = shortened(hookInstance);
    JsonNode context = request.get("context");
    if (context == null || !context.isObject()) {
      throw new RequestException(400, "context: required object");
    }
    String patientId = text(context, "patientId", true, "context");
    if (!FHIR_ID.matcher(patientId).matches()) {
      throw new RequestException(400, "context.patientId: not a FHIR id");
    }
    String patientRef = patientRef(client, patientId);
    audit.patientRef = patientRef;

    Map<String, JsonNode> prefetch = prefetch(request, patientId);
    LocalDate today = today();
    PrefetchImport imported;
    try {
      imported = reader.read(patientId, prefetch, today);
    } catch (PrefetchException e) {
      throw new RequestException(400, "prefetch: " + e.getMessage());
    } catch (ModelValidationException e) {
      throw new RequestException(400, "prefetch: " + e.getMessage());
    }
    audit.used = imported.used();
    audit.ignored = imported.ignored();

    List<Acknowledgement> stored = store.acknowledgements(patientRef);
    PatientCase patientCase = imported.patientCase();
    if (!stored.isEmpty()) {
      List<Acknowledgement> all = new ArrayList<>(patientCase.acknowledgements());
      all.addAll(stored);
      patientCase = ImmutablePatientCase.copyOf(patientCase).withAcknowledgements(all);
    }
    audit.asOf = today;
    audit.ruleVersions = JSON.valueToTree(rules.ruleSetVersions()).toString();
    PatientEvaluation evaluation;
    try {
      evaluation = rules.asOf(today).evaluate(patientCase);
    } catch (ModelValidationException e) {
      throw new RequestException(400, "prefetch: " + e.getMessage());
    }
    audit.codeListVersion = evaluation.codeListVersion();
    CardFactory.Cards made = cards.cards(patientRef, evaluation);
    ObjectNode body = JSON.createObjectNode();
    ArrayNode out = body.putArray("cards");
    for (CardFactory.Card card : made.shown()) {
      out.add(card.json());
      audit.cards.add(card.issued());
    }
    audit.cards.addAll(made.heldBack());
    audit.outcome = made.shown().size() + " cards, " + made.heldBack().size() + " held back";
    return new CdsResponse(200, body.toString());
  }

  /** The prefetch the client sent, completed from its FHIR server where it left keys out. */
  private Map<String, JsonNode> prefetch(JsonNode request, String patientId) {
    JsonNode sent = request.get("prefetch");
    if (sent != null && !sent.isNull() && !sent.isObject()) {
      throw new RequestException(400, "prefetch: must be an object");
    }
    Map<String, JsonNode> prefetch = new LinkedHashMap<>();
    Map<String, String> missing = new LinkedHashMap<>();
    for (Map.Entry<String, String> t : PREFETCH.entrySet()) {
      JsonNode value = sent == null ? null : sent.get(t.getKey());
      if (value == null || value.isNull()) {
        missing.put(t.getKey(), t.getValue().replace("{{context.patientId}}", patientId));
      } else if (!value.isObject()) {
        throw new RequestException(400, "prefetch." + t.getKey() + ": must be a FHIR resource");
      } else {
        prefetch.put(t.getKey(), value);
      }
    }
    if (missing.isEmpty()) {
      return prefetch;
    }
    String fhirServer = request.path("fhirServer").asText(null);
    String token = request.path("fhirAuthorization").path("access_token").asText(null);
    if (fhirServer == null || token == null || fetcher == null) {
      // CDS Hooks 2.0: no prefetch and no way to fetch → 412 Precondition Failed.
      throw new RequestException(412, "prefetch: " + String.join(", ", missing.keySet())
          + " missing, and no fhirServer with fhirAuthorization to fetch them from");
    }
    URI server;
    try {
      server = URI.create(fhirServer);
    } catch (IllegalArgumentException e) {
      throw new RequestException(400, "fhirServer: not a URL");
    }
    if (!allowed(server)) {
      // Never fetch from a server nobody configured: the service must not be a proxy to anywhere.
      throw new RequestException(412, "fhirServer: not a FHIR server this service is configured to use");
    }
    Map<String, JsonNode> fetched;
    try {
      fetched = fetcher.fetch(server, token, missing);
    } catch (PrefetchException e) {
      throw new RequestException(412, "fhirServer: " + e.getMessage());
    }
    for (String key : missing.keySet()) {
      JsonNode value = fetched.get(key);
      if (value == null || !value.isObject()) {
        throw new RequestException(412, "fhirServer: no answer for " + key);
      }
      prefetch.put(key, value);
    }
    return prefetch;
  }

  private boolean allowed(URI server) {
    String s = server.toString();
    String scheme = server.getScheme();
    if (scheme == null || !(scheme.equals("https") || scheme.equals("http"))) {
      return false;
    }
    for (String prefix : allowedFhirServers) {
      if (s.equals(prefix) || s.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
        return true;
      }
    }
    return false;
  }

  /**
   * {@code POST /cds-services/{id}/feedback}: stores what the clinician did with cards. An
   * {@code accepted} recommendation is recorded as an accepted acknowledgement, an
   * {@code overridden} one as declined with the coded reason given (OTHER when none); the rules
   * read them on the next call for the patient. Feedback on other cards is kept for audit only.
   *
   * @return 200 when every item is stored; 400 naming the first item at fault, storing none
   */
  public CdsResponse feedback(String serviceId, String feedbackJson, String client) {
    Objects.requireNonNull(client, "client");
    try {
      if (!PATIENT_VIEW_SERVICE.equals(serviceId)) {
        throw new RequestException(404, "no CDS service with this id");
      }
      JsonNode request = parse(feedbackJson);
      JsonNode items = request.get("feedback");
      if (items == null || !items.isArray() || items.isEmpty()) {
        throw new RequestException(400, "feedback: required non-empty array");
      }
      if (items.size() > MAX_FEEDBACK_ITEMS) {
        throw new RequestException(400, "feedback: at most " + MAX_FEEDBACK_ITEMS + " items");
      }
      Instant received = clock.instant();
      LocalDate today = today();
      List<AuditStore.Feedback> resolved = new ArrayList<>();
      for (int i = 0; i < items.size(); i++) {
        resolved.add(resolve(items.get(i), "feedback[" + i + "]", client, serviceId, received, today));
      }
      store.recordFeedback(resolved);
      return new CdsResponse(200, "{}");
    } catch (RequestException e) {
      return error(e.status(), e.getMessage());
    }
  }

  private AuditStore.Feedback resolve(JsonNode item, String at, String client, String serviceId, Instant received, LocalDate today) {
    if (!item.isObject()) {
      throw new RequestException(400, at + ": must be an object");
    }
    String cardId = text(item, "card", true, at);
    UUID uuid;
    try {
      uuid = UUID.fromString(cardId);
    } catch (IllegalArgumentException e) {
      throw new RequestException(400, at + ".card: not a card this service issued");
    }
    AuditStore.CardRef card = store.findCard(uuid)
        .filter(c -> c.clientIssuer().equals(client))
        .orElseThrow(() -> new RequestException(400, at + ".card: not a card this service issued"));
    String outcome = text(item, "outcome", true, at);
    AcknowledgementReason reason;
    AcknowledgementDecision decision;
    switch (outcome) {
      case "accepted" -> {
        decision = AcknowledgementDecision.ACCEPTED;
        reason = AcknowledgementReason.WILL_ACT;
      }
      case "overridden" -> {
        decision = AcknowledgementDecision.DECLINED;
        reason = overrideReason(item.get("overrideReason"), at);
      }
      default -> throw new RequestException(400, at + ".outcome: accepted or overridden");
    }
    Instant outcomeAt = null;
    LocalDate recordedOn = today;
    String timestamp = text(item, "outcomeTimestamp", false, at);
    if (timestamp != null) {
      try {
        outcomeAt = java.time.OffsetDateTime.parse(timestamp).toInstant();
      } catch (DateTimeParseException e) {
        throw new RequestException(400, at + ".outcomeTimestamp: not an ISO 8601 date-time with offset");
      }
      recordedOn = LocalDate.ofInstant(outcomeAt, clock.getZone());
      if (recordedOn.isAfter(today)) {
        throw new RequestException(400, at + ".outcomeTimestamp: after today");
      }
    }
    boolean acknowledges = FindingKind.RECOMMENDATION.name().equals(card.kind());
    return new AuditStore.Feedback(received, serviceId, card, outcome,
        acknowledges ? decision : null, acknowledges ? reason : null, recordedOn, outcomeAt);
  }

  private static AcknowledgementReason overrideReason(JsonNode overrideReason, String at) {
    if (overrideReason == null || overrideReason.isNull()) {
      return AcknowledgementReason.OTHER;
    }
    JsonNode coding = overrideReason.get("reason");
    if (coding == null || !coding.isObject()) {
      throw new RequestException(400, at + ".overrideReason.reason: required Coding");
    }
    String system = coding.path("system").asText(null);
    if (system != null && !system.equals(CardFactory.OVERRIDE_REASON_SYSTEM)) {
      throw new RequestException(400, at + ".overrideReason.reason.system: not one of this service's override reasons");
    }
    String code = coding.path("code").asText("");
    for (AcknowledgementReason r : AcknowledgementReason.values()) {
      if (r != AcknowledgementReason.WILL_ACT && r.name().equals(code)) {
        return r;
      }
    }
    throw new RequestException(400, at + ".overrideReason.reason.code: not one of this service's override reasons");
  }

  /** The rules in use (for reloading and readiness). */
  public CareRules rules() {
    return rules;
  }

  /** Whether the database answers. */
  public boolean ready() {
    return store.ready();
  }

  /** The reference date of calls now. */
  public LocalDate today() {
    return LocalDate.now(clock);
  }

  /** Row counts of the audit tables (tests, operations). */
  long count(String table) {
    return store.count(table);
  }

  @Override
  public void close() {
    store.close();
  }

  /** How the service keys a patient: per client, so two record systems' ids never mix. */
  static String patientRef(String client, String patientId) {
    return client + "|Patient/" + patientId;
  }

  private static JsonNode parse(String json) {
    if (json == null || json.isBlank()) {
      throw new RequestException(400, "request body: required");
    }
    try {
      JsonNode node = JSON.readTree(json);
      if (node == null || !node.isObject()) {
        throw new RequestException(400, "request body: must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw new RequestException(400, "request body: not JSON (line " + e.getLocation().getLineNr()
          + ", column " + e.getLocation().getColumnNr() + ")");
    }
  }

  private static String text(JsonNode node, String field, boolean required) {
    return text(node, field, required, null);
  }

  private static String text(JsonNode node, String field, boolean required, String at) {
    String name = at == null ? field : at + "." + field;
    JsonNode v = node.get(field);
    if (v == null || v.isNull()) {
      if (required) {
        throw new RequestException(400, name + ": required");
      }
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new RequestException(400, name + ": must be a non-blank string");
    }
    return v.asText();
  }

  private static String shortened(String s) {
    return s == null || s.length() <= 100 ? s : s.substring(0, 100);
  }

  private static CdsResponse error(int status, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("error", message);
    return new CdsResponse(status, body.toString());
  }

  /** What the audit trail learns about a call as it goes. */
  private static final class CallAudit {
    final Instant received;
    final String serviceId;
    final String client;
    String hook;
    String hookInstance;
    String patientRef;
    int status;
    String outcome = "";
    LocalDate asOf;
    String ruleVersions;
    String codeListVersion;
    Integer used;
    Integer ignored;
    final List<IssuedCard> cards = new ArrayList<>();

    CallAudit(Instant received, String serviceId, String client) {
      this.received = received;
      this.serviceId = serviceId;
      this.client = client;
    }

    AuditStore.Call toCall() {
      return new AuditStore.Call(received, shortened(serviceId), hook, hookInstance, client, patientRef, status,
          outcome, asOf, ruleVersions, codeListVersion, used, ignored);
    }
  }

  /** Builds a {@link CdsHooksService}. */
  public static final class Builder {
    private CareRules rules;
    private PrefetchReader reader;
    private FhirFetcher fetcher;
    private final List<String> allowedFhirServers = new ArrayList<>();
    private String jdbcUrl;
    private String user;
    private String password;
    private DataSource dataSource;
    private int poolSize = 10;
    private Clock clock = Clock.system(ZoneId.of("Europe/London"));
    private Function<String, String> labels;

    private Builder() {}

    /** The rules to evaluate with (required); shared, and reloadable in place. */
    public Builder rules(CareRules rules) {
      this.rules = Objects.requireNonNull(rules, "rules");
      return this;
    }

    /** Reads prefetched FHIR resources into a case (default: {@link FhirPrefetchReader} on care-fhir). */
    public Builder prefetchReader(PrefetchReader reader) {
      this.reader = Objects.requireNonNull(reader, "reader");
      return this;
    }

    /** Fetches from the client's FHIR server when prefetch is missing (default: never fetch). */
    public Builder fhirFetcher(FhirFetcher fetcher) {
      this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
      return this;
    }

    /**
     * A FHIR server base URL this service may fetch from; any other {@code fhirServer} a client
     * names is refused with 412, so the service never fetches from an unvetted address.
     */
    public Builder allowFhirServer(String baseUrl) {
      Objects.requireNonNull(baseUrl, "baseUrl");
      allowedFhirServers.add(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
      return this;
    }

    /** The database, by JDBC URL (H2 file, PostgreSQL…); the schema is migrated on build. */
    public Builder jdbcUrl(String url, String user, String password) {
      this.jdbcUrl = Objects.requireNonNull(url, "url");
      this.user = user;
      this.password = password;
      return this;
    }

    /** The database, by JDBC URL without credentials. */
    public Builder jdbcUrl(String url) {
      return jdbcUrl(url, null, null);
    }

    /** The database, as a data source the host owns and closes; the schema is migrated on build. */
    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /** Connections in the pool opened for {@link #jdbcUrl} (default 10). */
    public Builder poolSize(int size) {
      if (size < 1) {
        throw new IllegalArgumentException("poolSize: at least 1");
      }
      this.poolSize = size;
      return this;
    }

    /** The clock whose date (in its zone) is the reference date (default: Europe/London). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** Person-readable labels of output codes for cards; null for a code without one. */
    public Builder labels(Function<String, String> labels) {
      this.labels = Objects.requireNonNull(labels, "labels");
      return this;
    }

    /**
     * Opens the database (migrating its schema) and makes the service.
     *
     * @throws IllegalStateException naming what is missing
     */
    public CdsHooksService build() {
      if (rules == null) {
        throw new IllegalStateException("rules: required");
      }
      if (reader == null) {
        reader = new FhirPrefetchReader(uk.nhs.carecoord.fhir.CareFhir.builder().clock(clock).build());
      }
      if (jdbcUrl == null && dataSource == null) {
        throw new IllegalStateException("jdbcUrl or dataSource: required");
      }
      AuditStore store = dataSource != null ? AuditStore.on(dataSource) : AuditStore.open(jdbcUrl, user, password, poolSize);
      LOG.info("care-cds-hooks: database ready, rule sets {}", rules.ruleSetVersions().keySet());
      return new CdsHooksService(this, store);
    }
  }
}
