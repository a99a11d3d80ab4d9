package cn.smartaffairs.audit;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.platform.PlatformConfiguration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 审计日志查询: the read side of the audit trail, for the admin page and its export. Newest events first; the
 * caller says what it may see with a {@link Visibility}, which this module applies in SQL.
 */
@Service
public class AuditLog {

  private static final String COLUMNS = """
      id, occurred_at, actor, client_address, action, entity_type, entity_id, region_id,
      before_state::text as before_state, after_state::text as after_state""";

  /** The audit list's columns that sort; newest first unless asked otherwise. */
  public static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("time", "id")
      .ascending("actor", "actor")
      .ascending("action", "action")
      .ascending("entityType", "entity_type")
      .byDefault("time").tieBreaker("id");

  private final NamedParameterJdbcTemplate jdbc;
  private final NamedParameterJdbcTemplate streaming;

  public AuditLog(DataSource dataSource) {
    this.jdbc = new NamedParameterJdbcTemplate(dataSource);
    // its own template for exports: PostgreSQL streams rows only with a fetch size inside a transaction
    var streamingTemplate = new JdbcTemplate(dataSource);
    streamingTemplate.setFetchSize(1000);
    this.streaming = new NamedParameterJdbcTemplate(streamingTemplate);
  }

  /** Filters of the list; any may be null. Dates are calendar days in China Standard Time, both inclusive. */
  public record Filter(String actor, String action, String entityType,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {

    public static final Filter NONE = new Filter(null, null, null, null, null);
  }

  /**
   * Which events a reader may see: all of them, or those of some regions plus the reader's own actions
   * (an event without a region, such as a failed sign-in, is then visible only to its actor).
   */
  public record Visibility(boolean all, Set<Long> regionIds, String actor) {

    public static Visibility everything() {
      return new Visibility(true, Set.of(), null);
    }

    public static Visibility regionsAndOwn(Set<Long> regionIds, String actor) {
      return new Visibility(false, Set.copyOf(regionIds), actor);
    }
  }

  /** One recorded event; the states are JSON text, null where there was none. */
  public record Event(long id, Instant occurredAt, String actor, String clientAddress, String action,
      String entityType, String entityId, Long regionId, String beforeState, String afterState) {}

  /** One page of the matching events in the list's order (newest first unless it asks otherwise). */
  @Transactional(readOnly = true)
  public Page<Event> search(Filter filter, ListQuery query, Visibility visibility) {
    var where = new Where(filter, visibility);
    long total = jdbc.queryForObject("select count(*) from audit_event where " + where.sql, where.parameters,
        Long.class);
    ListQuery shown = query.within(total);
    List<Event> items = jdbc.query("select " + COLUMNS + " from audit_event where " + where.sql
        + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset",
        where.parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()), AuditLog::event);
    return shown.pageOf(items, total);
  }

  /**
   * Hands every matching event in the list's order to {@code consumer}, read as it is consumed: an audit export
   * holds every event of its filter, however many.
   */
  @Transactional(readOnly = true)
  public void forEach(Filter filter, ListQuery order, Visibility visibility, Consumer<Stream<Event>> consumer) {
    var where = new Where(filter, visibility);
    try (Stream<Event> events = streaming.queryForStream(
        "select " + COLUMNS + " from audit_event where " + where.sql + SORT_KEYS.orderBy(order), where.parameters,
        AuditLog::event)) {
      consumer.accept(events);
    }
  }

  /** The actions recorded so far, for the filter's choices. */
  public List<String> actions() {
    return jdbc.getJdbcTemplate().queryForList("select distinct action from audit_event order by action", String.class);
  }

  /** The kinds of record changed so far, for the filter's choices. */
  public List<String> entityTypes() {
    return jdbc.getJdbcTemplate().queryForList("select distinct entity_type from audit_event order by entity_type",
        String.class);
  }

  /** The conditions of a query, built from fixed fragments; values only ever travel as parameters. */
  private static final class Where {
    final String sql;
    final MapSqlParameterSource parameters = new MapSqlParameterSource();

    Where(Filter filter, Visibility visibility) {
      List<String> conditions = new ArrayList<>();
      if (!visibility.all()) {
        conditions.add("(region_id = any(:regions) or actor = :self)");
        parameters.addValue("regions", visibility.regionIds().toArray(Long[]::new));
        parameters.addValue("self", visibility.actor() == null ? "" : visibility.actor());
      }
      if (hasText(filter.actor())) {
        conditions.add("actor ilike :actor escape '\\'");
        parameters.addValue("actor", "%" + likeEscaped(filter.actor().trim()) + "%");
      }
      if (hasText(filter.action())) {
        conditions.add("action = :action");
        parameters.addValue("action", filter.action().trim());
      }
      if (hasText(filter.entityType())) {
        conditions.add("entity_type = :entityType");
        parameters.addValue("entityType", filter.entityType().trim());
      }
      if (filter.from() != null) {
        conditions.add("occurred_at >= :from");
        parameters.addValue("from", startOf(filter.from()));
      }
      if (filter.to() != null) {
        conditions.add("occurred_at < :to");
        parameters.addValue("to", startOf(filter.to().plusDays(1)));
      }
      this.sql = conditions.isEmpty() ? "true" : String.join(" and ", conditions);
    }

    private static Timestamp startOf(LocalDate day) {
      return Timestamp.from(day.atStartOfDay(PlatformConfiguration.ZONE).toInstant());
    }

    private static boolean hasText(String value) {
      return value != null && !value.isBlank();
    }

    private static String likeEscaped(String value) {
      return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
  }

  private static Event event(ResultSet rs, int rowNumber) throws SQLException {
    return new Event(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(), rs.getString("actor"),
        rs.getString("client_address"), rs.getString("action"), rs.getString("entity_type"),
        rs.getString("entity_id"), (Long) rs.getObject("region_id"), rs.getString("before_state"),
        rs.getString("after_state"));
  }
}
