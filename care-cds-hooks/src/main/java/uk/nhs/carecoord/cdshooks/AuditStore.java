package uk.nhs.carecoord.cdshooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import uk.nhs.carecoord.model.Acknowledgement;
import uk.nhs.carecoord.model.AcknowledgementDecision;
import uk.nhs.carecoord.model.AcknowledgementReason;
import uk.nhs.carecoord.model.CareJson;

/**
 * The service's database: the audit trail of calls and cards, and feedback, through JDBC. The
 * schema is created and upgraded by Flyway migrations ({@code db/care-cds-hooks/V*.sql}) when the
 * store opens. Every write is one transaction of inserts only, so concurrent calls and feedback for
 * one patient never overwrite each other.
 */
final class AuditStore implements AutoCloseable {
  private static final ObjectMapper JSON = CareJson.mapper();

  private final DataSource dataSource;
  private final AutoCloseable owned;

  private AuditStore(DataSource dataSource, AutoCloseable owned) {
    this.dataSource = dataSource;
    this.owned = owned;
  }

  /** Opens a pool on a JDBC URL and migrates the schema. */
  static AuditStore open(String jdbcUrl, String user, String password, int poolSize) {
    HikariConfig config = new HikariConfig();
    config.setJdbcUrl(jdbcUrl);
    if (user != null) {
      config.setUsername(user);
    }
    if (password != null) {
      config.setPassword(password);
    }
    config.setMaximumPoolSize(poolSize);
    config.setPoolName("care-cds-hooks");
    HikariDataSource pool = new HikariDataSource(config);
    try {
      migrate(pool);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    return new AuditStore(pool, pool);
  }

  /** Uses a data source the host owns (and closes), after migrating the schema. */
  static AuditStore on(DataSource dataSource) {
    migrate(dataSource);
    return new AuditStore(dataSource, () -> { });
  }

  private static void migrate(DataSource dataSource) {
    Flyway.configure()
        .dataSource(dataSource)
        .locations("classpath:db/care-cds-hooks")
        .table("care_cds_schema_history")
        .load()
        .migrate();
  }

  /** A call, as the audit trail records it. */
  record Call(
      Instant receivedAt,
      String serviceId,
      String hook,
      String hookInstance,
      String clientIssuer,
      String patientRef,
      int status,
      String outcome,
      LocalDate asOf,
      String ruleVersions,
      String codeListVersion,
      Integer resourcesUsed,
      Integer resourcesIgnored) {}

  /** Records a call and its cards in one transaction; returns the call's id. */
  long recordCall(Call call, List<IssuedCard> cards) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        long id;
        try (PreparedStatement s = c.prepareStatement(
            "INSERT INTO cds_call (received_at, service_id, hook, hook_instance, client_issuer, patient_ref, status,"
                + " outcome, as_of, rule_versions, code_list_version, resources_used, resources_ignored)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
          s.setObject(1, OffsetDateTime.ofInstant(call.receivedAt(), ZoneOffset.UTC));
          s.setString(2, call.serviceId());
          s.setString(3, call.hook());
          s.setString(4, call.hookInstance());
          s.setString(5, call.clientIssuer());
          s.setString(6, call.patientRef());
          s.setInt(7, call.status());
          s.setString(8, call.outcome());
          s.setObject(9, call.asOf() == null ? null : Date.valueOf(call.asOf()), java.sql.Types.DATE);
          s.setString(10, call.ruleVersions());
          s.setString(11, call.codeListVersion());
          s.setObject(12, call.resourcesUsed(), java.sql.Types.INTEGER);
          s.setObject(13, call.resourcesIgnored(), java.sql.Types.INTEGER);
          s.executeUpdate();
          try (ResultSet keys = s.getGeneratedKeys()) {
            keys.next();
            id = keys.getLong(1);
          }
        }
        if (!cards.isEmpty()) {
          try (PreparedStatement s = c.prepareStatement(
              "INSERT INTO cds_card (call_id, card_uuid, shown, kind, code, subject, indicator, summary,"
                  + " facts_fingerprint, decisions) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (IssuedCard card : cards) {
              s.setLong(1, id);
              s.setString(2, card.uuid().toString());
              s.setBoolean(3, card.shown());
              s.setString(4, card.kind());
              s.setString(5, card.code());
              s.setString(6, card.subject());
              s.setString(7, card.indicator());
              s.setString(8, card.summary());
              s.setString(9, card.factsFingerprint());
              s.setString(10, JSON.writeValueAsString(card.decisions()));
              s.addBatch();
            }
            s.executeBatch();
          }
        }
        c.commit();
        return id;
      } catch (SQLException | JsonProcessingException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException | JsonProcessingException e) {
      throw new StoreException("could not record a call", e);
    }
  }

  /** A card issued earlier, as feedback refers to it. */
  record CardRef(UUID uuid, String clientIssuer, String patientRef, String kind, String code, String subject, String factsFingerprint) {}

  /** The card with this UUID, if this service issued it. */
  Optional<CardRef> findCard(UUID uuid) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT k.client_issuer, k.patient_ref, c.kind, c.code, c.subject, c.facts_fingerprint"
                + " FROM cds_card c JOIN cds_call k ON c.call_id = k.id"
                + " WHERE c.card_uuid = ? AND c.shown = TRUE ORDER BY k.id DESC FETCH FIRST 1 ROWS ONLY")) {
      s.setString(1, uuid.toString());
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          return Optional.empty();
        }
        return Optional.of(new CardRef(uuid, r.getString(1), r.getString(2), r.getString(3), r.getString(4), r.getString(5), r.getString(6)));
      }
    } catch (SQLException e) {
      throw new StoreException("could not look up a card", e);
    }
  }

  /** One feedback item, resolved against the card it answers. */
  record Feedback(
      Instant receivedAt,
      String serviceId,
      CardRef card,
      String outcome,
      AcknowledgementDecision decision,
      AcknowledgementReason reason,
      LocalDate recordedOn,
      Instant outcomeTimestamp) {}

  /** Records feedback items in one transaction: all or none. */
  void recordFeedback(List<Feedback> items) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try (PreparedStatement s = c.prepareStatement(
          "INSERT INTO cds_feedback (received_at, service_id, client_issuer, patient_ref, card_uuid, kind, code, subject,"
              + " facts_fingerprint, outcome, decision, reason, recorded_on, outcome_timestamp)"
              + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
        for (Feedback f : items) {
          CardRef card = f.card();
          s.setObject(1, OffsetDateTime.ofInstant(f.receivedAt(), ZoneOffset.UTC));
          s.setString(2, f.serviceId());
          s.setString(3, card.clientIssuer());
          s.setString(4, card.patientRef());
          s.setString(5, card.uuid().toString());
          s.setString(6, card.kind());
          s.setString(7, card.code());
          s.setString(8, card.subject());
          s.setString(9, card.factsFingerprint());
          s.setString(10, f.outcome());
          s.setString(11, f.decision() == null ? null : f.decision().name());
          s.setString(12, f.reason() == null ? null : f.reason().name());
          s.setObject(13, Date.valueOf(f.recordedOn()), java.sql.Types.DATE);
          s.setObject(14, f.outcomeTimestamp() == null ? null : OffsetDateTime.ofInstant(f.outcomeTimestamp(), ZoneOffset.UTC),
              java.sql.Types.TIMESTAMP_WITH_TIMEZONE);
          s.addBatch();
        }
        s.executeBatch();
        c.commit();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new StoreException("could not record feedback", e);
    }
  }

  /** The acknowledgements recorded for a patient's recommendations, oldest first. */
  List<Acknowledgement> acknowledgements(String patientRef) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement s = c.prepareStatement(
            "SELECT code, decision, reason, recorded_on, facts_fingerprint FROM cds_feedback"
                + " WHERE patient_ref = ? AND decision IS NOT NULL ORDER BY id")) {
      s.setString(1, patientRef);
      List<Acknowledgement> acks = new ArrayList<>();
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          acks.add(Acknowledgement.builder()
              .recommendationCode(r.getString(1))
              .decision(AcknowledgementDecision.valueOf(r.getString(2)))
              .reason(AcknowledgementReason.valueOf(r.getString(3)))
              .recordedOn(r.getObject(4, LocalDate.class))
              .factsFingerprint(r.getString(5))
              .build());
        }
      }
      return acks;
    } catch (SQLException e) {
      throw new StoreException("could not read acknowledgements", e);
    }
  }

  /** Counts rows of a table (tests and readiness). */
  long count(String table) {
    if (!table.matches("cds_(call|card|feedback)")) {
      throw new IllegalArgumentException("unknown table " + table);
    }
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      r.next();
      return r.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("could not count " + table, e);
    }
  }

  /** Whether the database answers. */
  boolean ready() {
    try (Connection c = dataSource.getConnection()) {
      return c.isValid(2);
    } catch (SQLException e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      owned.close();
    } catch (Exception e) {
      throw new StoreException("could not close the database", e);
    }
  }

  /** The database failed; the message names the operation, never data. */
  static final class StoreException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StoreException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
