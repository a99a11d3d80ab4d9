package cn.smartaffairs.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Walks the whole audit chain and says whether it is intact, or where it first breaks. */
@Service
public class AuditChainVerifier {

  private final JdbcTemplate jdbc;
  private final AuditTrail trail;

  public AuditChainVerifier(DataSource dataSource, AuditTrail trail) {
    // its own template: streaming the whole chain needs a fetch size that other queries should not inherit
    this.jdbc = new JdbcTemplate(dataSource);
    this.jdbc.setFetchSize(1000);
    this.trail = trail;
  }

  /** Result of a verification; {@code brokenAtEventId} is null where the chain is intact. */
  public record Verification(long eventsChecked, Long brokenAtEventId, Breach breach) {
    public boolean intact() {
      return breach == null;
    }
  }

  /** How a chain can break. */
  public enum Breach {
    /** an event's content no longer matches its hash: it was altered */
    CONTENT_ALTERED,
    /** an event does not follow the one before it: events were removed or inserted in between */
    LINK_BROKEN,
    /** the chain ends before the head says it should: the newest events were removed */
    TAIL_REMOVED
  }

  @Transactional(readOnly = true)
  public Verification verify() {
    var walker = new Walker();
    jdbc.query("""
        select id, occurred_at, actor, client_address, action, entity_type, entity_id, region_id,
               before_state::text as before_state, after_state::text as after_state, previous_hash, hash
        from audit_event order by id""", walker::check);
    var head = jdbc.queryForMap("select event_count, last_hash from audit_chain_head");
    if (walker.breach == null
        && (walker.count != ((Number) head.get("event_count")).longValue()
            || !walker.previous.equals(head.get("last_hash")))) {
      return new Verification(walker.count, walker.lastId, Breach.TAIL_REMOVED);
    }
    return new Verification(walker.count, walker.brokenAt, walker.breach);
  }

  private final class Walker {
    String previous = AuditTrail.GENESIS_HASH;
    long count;
    Long lastId;
    Long brokenAt;
    Breach breach;

    void check(ResultSet row) throws SQLException {
      if (breach != null) {
        return;
      }
      long id = row.getLong("id");
      count++;
      String storedPrevious = row.getString("previous_hash");
      String regionText = row.getString("region_id");
      String recomputed = AuditHash.of(storedPrevious, row.getTimestamp("occurred_at").toInstant(),
          row.getString("actor"),
          row.getString("client_address"), row.getString("action"), row.getString("entity_type"),
          row.getString("entity_id"), regionText == null ? null : Long.valueOf(regionText),
          trail.canonical(row.getString("before_state")), trail.canonical(row.getString("after_state")));
      if (!recomputed.equals(row.getString("hash"))) {
        brokenAt = id;
        breach = Breach.CONTENT_ALTERED;
      } else if (!storedPrevious.equals(previous)) {
        brokenAt = id;
        breach = Breach.LINK_BROKEN;
      }
      previous = row.getString("hash");
      lastId = id;
    }
  }
}
