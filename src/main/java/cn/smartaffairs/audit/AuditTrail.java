package cn.smartaffairs.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServletRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * 审计日志: records who changed what, when and from where, append-only and chained by SM3 hash. Call it in
 * the same transaction as the change it describes, so that a change and its record commit or fail together.
 */
@Service
public class AuditTrail {

  static final String GENESIS_HASH = "0".repeat(64);

  private final JdbcTemplate jdbc;
  private final ObjectMapper canonicalJson;
  private final Clock clock;

  public AuditTrail(JdbcTemplate jdbc, ObjectMapper objectMapper, Clock clock) {
    this.jdbc = jdbc;
    this.canonicalJson = canonicalCopyOf(objectMapper);
    this.clock = clock;
  }

  /** Records one change by the signed-in user (or "system" when none). */
  @Transactional
  public void record(AuditEntry entry) {
    recordAll(List.of(entry));
  }

  /** Records many changes in one go, in order; used by imports. */
  @Transactional
  public void recordAll(List<AuditEntry> entries) {
    recordAs(currentActor(), entries);
  }

  /** Records events whose actor is not the signed-in user, such as a failed sign-in for a user name. */
  @Transactional
  public void recordAs(String actor, List<AuditEntry> entries) {
    if (entries.isEmpty()) {
      return;
    }
    String address = currentClientAddress();
    var head = jdbc.queryForMap("select event_count, last_hash from audit_chain_head for update");
    String previous = (String) head.get("last_hash");
    Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
    List<Object[]> rows = new ArrayList<>(entries.size());
    for (AuditEntry entry : entries) {
      String before = canonical(entry.before());
      String after = canonical(entry.after());
      String entityId = entry.entityId() == null ? null : entry.entityId().toString();
      String hash = AuditHash.of(previous, now, actor, address, entry.action(), entry.entityType(), entityId,
          entry.regionId(), before, after);
      rows.add(new Object[] {Timestamp.from(now), actor, address, entry.action(), entry.entityType(), entityId,
          entry.regionId(), before, after, previous, hash});
      previous = hash;
    }
    jdbc.batchUpdate("""
        insert into audit_event (occurred_at, actor, client_address, action, entity_type, entity_id, region_id,
                                 before_state, after_state, previous_hash, hash)
        values (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?::jsonb, ?, ?)""", rows);
    jdbc.update("update audit_chain_head set event_count = event_count + ?, last_hash = ?", entries.size(), previous);
  }

  /** The JSON form that is hashed: keys sorted, no white space, so that it reads back from jsonb identically. */
  String canonical(Object state) {
    if (state == null) {
      return null;
    }
    try {
      String json = state instanceof String s ? s : canonicalJson.writeValueAsString(state);
      return canonicalJson.writeValueAsString(canonicalJson.readValue(json, Object.class));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("audit state is not serialisable: " + e.getOriginalMessage(), e);
    }
  }

  private static ObjectMapper canonicalCopyOf(ObjectMapper objectMapper) {
    return objectMapper.copy()
        .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
        .configure(com.fasterxml.jackson.databind.MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
        .configure(SerializationFeature.INDENT_OUTPUT, false);
  }

  private static String currentActor() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication == null || !authentication.isAuthenticated() ? "system" : authentication.getName();
  }

  private static String currentClientAddress() {
    if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
      HttpServletRequest request = attributes.getRequest();
      return request.getRemoteAddr();
    }
    return null;
  }
}
