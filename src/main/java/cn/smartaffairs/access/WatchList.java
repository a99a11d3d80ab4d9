package cn.smartaffairs.access;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.crypto.FieldCipher;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 重点关注名单: people the region's security keeps from entering, found by the hash of the resident ID number; a
 * listed person can be neither announced nor checked in. Kept by the security managers; every entry and removal is
 * audited with its reason, the number only masked.
 */
@Service
public class WatchList {

  /** One entry; {@code removedAt} set once removed. */
  public record Entry(long id, long regionId, String idNumberMasked, String personName, String reason,
      Instant listedAt, Instant removedAt, String removalReason) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;
  private final FieldCipher cipher;

  WatchList(JdbcClient jdbc, AuditTrail audit, Clock clock, FieldCipher cipher) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
    this.cipher = cipher;
  }

  @Transactional
  public Entry add(String idNumber, String personName, String reason, CurrentUser by) {
    AccessRoles.managedBy(by);
    LocalDate today = LocalDate.now(clock.withZone(Visit.BEIJING));
    ResidentIdNumber number = ResidentIdNumber.parse(idNumber, today);
    String name = personName == null ? "" : personName.strip();
    if (name.isEmpty() || name.length() > 50) {
      throw new BusinessRuleException("access.watch.nameInvalid");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 500) {
      throw new BusinessRuleException("access.watch.reasonRequired");
    }
    long id;
    try {
      id = jdbc.sql("""
          insert into access_watch_entry (region_id, id_number_hash, id_number_masked, person_name, reason, listed_at,
                 listed_by)
          values (:region, :hash, :masked, :name, :reason, :now, :by) returning id""")
          .param("region", by.regionId()).param("hash", Visits.idHash(cipher, number)).param("masked", number.masked())
          .param("name", name).param("reason", why).param("now", Timestamp.from(clock.instant()))
          .param("by", by.userId()).query(Long.class).single();
    } catch (DataIntegrityViolationException e) {
      if (Violations.isUniqueViolation(e)) {
        throw new ConflictException("access.watch.alreadyListed");
      }
      throw e;
    }
    Entry entry = load(id);
    audit.record(AuditEntry.created("access_watch_entry", id, by.regionId(), shown(entry)));
    return entry;
  }

  @Transactional
  public Entry remove(long id, String reason, CurrentUser by) {
    DataScope managed = AccessRoles.managedBy(by);
    Entry entry = jdbc.sql("select * from access_watch_entry e where e.id = :id and "
        + DataScope.sqlCondition("e.region_id", null, null) + " for update")
        .paramSource(managed.bind(new MapSqlParameterSource("id", id))).query(WatchList::entry).optional()
        .orElseThrow(() -> new NotFoundException("watchEntry", id));
    if (entry.removedAt() != null) {
      throw new ConflictException("access.watch.alreadyRemoved");
    }
    String why = reason == null ? "" : reason.strip();
    if (why.isEmpty() || why.length() > 500) {
      throw new BusinessRuleException("access.watch.reasonRequired");
    }
    jdbc.sql("""
        update access_watch_entry set removed_at = :now, removed_by = :by, removal_reason = :reason where id = :id""")
        .param("now", Timestamp.from(clock.instant())).param("by", by.userId()).param("reason", why).param("id", id)
        .update();
    Entry removed = load(id);
    audit.record(new AuditEntry("DELETE", "access_watch_entry", id, entry.regionId(), shown(entry), shown(removed)));
    return removed;
  }

  /** The region's entries, those in force first, newest first. */
  public List<Entry> list(CurrentUser by) {
    DataScope managed = AccessRoles.managedBy(by);
    return jdbc.sql("select * from access_watch_entry e where " + DataScope.sqlCondition("e.region_id", null, null)
        + " order by (e.removed_at is null) desc, e.listed_at desc, e.id desc limit 500")
        .paramSource(managed.bind(new MapSqlParameterSource())).query(WatchList::entry).list();
  }

  /** Refuses a listed person (by the ID number's hash) in a region: at registration and at check-in. */
  void requireNotListed(long regionId, String idNumberHash) {
    boolean listed = jdbc.sql("""
        select exists (select 1 from access_watch_entry where region_id = :region and id_number_hash = :hash
                          and removed_at is null)""")
        .param("region", regionId).param("hash", idNumberHash).query(Boolean.class).single();
    if (listed) {
      throw new BusinessRuleException("access.watch.refused");
    }
  }

  private Entry load(long id) {
    return jdbc.sql("select * from access_watch_entry where id = :id").param("id", id).query(WatchList::entry)
        .single();
  }

  private static Map<String, Object> shown(Entry entry) {
    Map<String, Object> shown = new LinkedHashMap<>();
    shown.put("idNumber", entry.idNumberMasked());
    shown.put("name", entry.personName());
    shown.put("reason", entry.reason());
    if (entry.removedAt() != null) {
      shown.put("removalReason", entry.removalReason());
    }
    return shown;
  }

  private static Entry entry(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    Timestamp removed = rs.getTimestamp("removed_at");
    return new Entry(rs.getLong("id"), rs.getLong("region_id"), rs.getString("id_number_masked"),
        rs.getString("person_name"), rs.getString("reason"), rs.getTimestamp("listed_at").toInstant(),
        removed == null ? null : removed.toInstant(), rs.getString("removal_reason"));
  }
}
