package cn.smartaffairs.reception;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 接待规则: the versioned, region-specific reception rule tables — single values ({@code reception_rule}), the room
 * standard by rank grade ({@code reception_room_standard}), the banned items ({@code reception_banned_item}) — and the
 * region's designated hotels. A region's own version overrides the national default from its effective date; national
 * versions are the platform administrator's, a region's its administrator's.
 */
@Service
public class ReceptionRuleTables {

  /** The single values an administrator may set. */
  public enum Key {
    WORKING_MEALS_PER_RECEPTION, SMALL_GROUP_MAX_GUESTS, SMALL_GROUP_MAX_ACCOMPANYING, LARGE_GROUP_GUESTS_PER_ACCOMPANYING, BREAKFAST_CAP_FEN, LUNCH_CAP_FEN, DINNER_CAP_FEN;

    /** Whether the value is an amount of money (typed and shown in yuan, stored in fen). */
    public boolean money() {
      return name().endsWith("_FEN");
    }
  }

  public record RuleValue(long id, Long regionId, Key key, long value, LocalDate effectiveFrom, String source) {}

  public record RoomRule(long id, Long regionId, RankGrade grade, RoomKind roomKind, long priceCapFen,
      LocalDate effectiveFrom, String source) {}

  public record BannedItem(long id, Long regionId, String word, boolean banned, LocalDate effectiveFrom) {}

  public record Hotel(long id, long regionId, String name, String address, boolean active) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ReceptionRuleTables(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** Every rule in force for a region on a day. */
  public ReceptionRuleSet inForce(long regionId, LocalDate day) {
    Map<Key, Long> values = new EnumMap<>(Key.class);
    jdbc.sql("""
        select distinct on (rule_key) rule_key, value from reception_rule
         where (region_id = :region or region_id is null) and effective_from <= :day
         order by rule_key, (region_id is null), effective_from desc""")
        .param("region", regionId).param("day", Date.valueOf(day))
        .query((rs, row) -> values.put(Key.valueOf(rs.getString("rule_key")), rs.getLong("value"))).list();
    for (Key key : Key.values()) {
      if (!values.containsKey(key)) {
        throw new BusinessRuleException("reception.ruleMissing", key.name());
      }
    }
    Map<RankGrade, ReceptionRuleSet.RoomStandard> rooms = new EnumMap<>(RankGrade.class);
    jdbc.sql("""
        select distinct on (grade) grade, room_kind, price_cap_fen from reception_room_standard
         where (region_id = :region or region_id is null) and effective_from <= :day
         order by grade, (region_id is null), effective_from desc""")
        .param("region", regionId).param("day", Date.valueOf(day))
        .query((rs, row) -> rooms.put(RankGrade.valueOf(rs.getString("grade")),
            new ReceptionRuleSet.RoomStandard(RoomKind.valueOf(rs.getString("room_kind")),
                rs.getLong("price_cap_fen"))))
        .list();
    if (!rooms.containsKey(RankGrade.STAFF)) {
      throw new BusinessRuleException("reception.ruleMissing", "STAFF");
    }
    Set<String> banned = new TreeSet<>(jdbc.sql("""
        select word from (
          select distinct on (word) word, banned from reception_banned_item
           where (region_id = :region or region_id is null) and effective_from <= :day
           order by word, (region_id is null), effective_from desc) current where banned""")
        .param("region", regionId).param("day", Date.valueOf(day)).query(String.class).list());
    Map<MealKind, Long> caps = Map.of(MealKind.BREAKFAST, values.get(Key.BREAKFAST_CAP_FEN), MealKind.LUNCH,
        values.get(Key.LUNCH_CAP_FEN), MealKind.DINNER, values.get(Key.DINNER_CAP_FEN));
    return new ReceptionRuleSet(values.get(Key.WORKING_MEALS_PER_RECEPTION).intValue(),
        values.get(Key.SMALL_GROUP_MAX_GUESTS).intValue(), values.get(Key.SMALL_GROUP_MAX_ACCOMPANYING).intValue(),
        values.get(Key.LARGE_GROUP_GUESTS_PER_ACCOMPANYING).intValue(), caps, rooms, banned);
  }

  public List<RuleValue> values(long regionId) {
    return jdbc.sql("""
        select * from reception_rule where region_id = :region or region_id is null
         order by rule_key, effective_from desc, region_id nulls last""")
        .param("region", regionId)
        .query((rs, row) -> new RuleValue(rs.getLong("id"), rs.getObject("region_id", Long.class),
            Key.valueOf(rs.getString("rule_key")), rs.getLong("value"), rs.getDate("effective_from").toLocalDate(),
            rs.getString("source")))
        .list();
  }

  public List<RoomRule> roomStandards(long regionId) {
    return jdbc.sql("""
        select * from reception_room_standard where region_id = :region or region_id is null
         order by array_position(array['PROVINCIAL_HEAD','PROVINCIAL_DEPUTY','BUREAU_HEAD','BUREAU_DEPUTY',
                  'DIVISION_HEAD','DIVISION_DEPUTY','SECTION_HEAD','SECTION_DEPUTY','STAFF']::varchar[], grade),
                  effective_from desc, region_id nulls last""")
        .param("region", regionId)
        .query((rs, row) -> new RoomRule(rs.getLong("id"), rs.getObject("region_id", Long.class),
            RankGrade.valueOf(rs.getString("grade")), RoomKind.valueOf(rs.getString("room_kind")),
            rs.getLong("price_cap_fen"), rs.getDate("effective_from").toLocalDate(), rs.getString("source")))
        .list();
  }

  public List<BannedItem> bannedItems(long regionId) {
    return jdbc.sql("""
        select * from reception_banned_item where region_id = :region or region_id is null
         order by word, effective_from desc, region_id nulls last""")
        .param("region", regionId)
        .query((rs, row) -> new BannedItem(rs.getLong("id"), rs.getObject("region_id", Long.class),
            rs.getString("word"), rs.getBoolean("banned"), rs.getDate("effective_from").toLocalDate()))
        .list();
  }

  /** The region's designated hotels; {@code activeOnly} for the plan's choice. */
  public List<Hotel> hotels(long regionId, boolean activeOnly) {
    return jdbc.sql("select * from reception_hotel where region_id = :region and (active or not :activeOnly)"
        + " order by name, id")
        .param("region", regionId).param("activeOnly", activeOnly)
        .query((rs, row) -> new Hotel(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"),
            rs.getString("address"), rs.getBoolean("active")))
        .list();
  }

  @Transactional
  public long addValue(Key key, long value, LocalDate effectiveFrom, boolean national, String source, CurrentUser by) {
    Long regionId = regionFor(national, by);
    if (key == null || value < 0 || effectiveFrom == null) {
      throw new BusinessRuleException("reception.ruleInvalid");
    }
    if (key == Key.LARGE_GROUP_GUESTS_PER_ACCOMPANYING && value < 1) {
      throw new BusinessRuleException("reception.ruleInvalid");
    }
    long id = insertVersion(() -> jdbc.sql("""
        insert into reception_rule (region_id, rule_key, value, effective_from, source, created_by)
        values (:region, :key, :value, :from, :source, :by) returning id""")
        .param("region", regionId).param("key", key.name()).param("value", value)
        .param("from", Date.valueOf(effectiveFrom)).param("source", trimmed(source)).param("by", by.userId())
        .query(Long.class).single(), effectiveFrom);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("key", key.name());
    after.put("value", value);
    after.put("effectiveFrom", effectiveFrom.toString());
    audit.record(AuditEntry.created("reception_rule", id, regionId, after));
    return id;
  }

  @Transactional
  public long addRoomStandard(RankGrade grade, RoomKind roomKind, long priceCapFen, LocalDate effectiveFrom,
      boolean national, String source, CurrentUser by) {
    Long regionId = regionFor(national, by);
    if (grade == null || roomKind == null || priceCapFen < 0 || effectiveFrom == null) {
      throw new BusinessRuleException("reception.ruleInvalid");
    }
    long id = insertVersion(() -> jdbc.sql("""
        insert into reception_room_standard (region_id, grade, room_kind, price_cap_fen, effective_from, source,
                                             created_by)
        values (:region, :grade, :kind, :cap, :from, :source, :by) returning id""")
        .param("region", regionId).param("grade", grade.name()).param("kind", roomKind.name())
        .param("cap", priceCapFen).param("from", Date.valueOf(effectiveFrom)).param("source", trimmed(source))
        .param("by", by.userId()).query(Long.class).single(), effectiveFrom);
    audit.record(AuditEntry.created("reception_room_standard", id, regionId, Map.of("grade", grade.name(),
        "roomKind", roomKind.name(), "priceCapFen", priceCapFen, "effectiveFrom", effectiveFrom.toString())));
    return id;
  }

  /** Bans a word from a day on, or ({@code banned} false) lifts the ban from that day. */
  @Transactional
  public long addBannedItem(String word, boolean banned, LocalDate effectiveFrom, boolean national, CurrentUser by) {
    Long regionId = regionFor(national, by);
    String text = trimmed(word);
    if (text == null || text.length() > 40 || effectiveFrom == null) {
      throw new BusinessRuleException("reception.ruleInvalid");
    }
    long id = insertVersion(() -> jdbc.sql("""
        insert into reception_banned_item (region_id, word, banned, effective_from, created_by)
        values (:region, :word, :banned, :from, :by) returning id""")
        .param("region", regionId).param("word", text).param("banned", banned)
        .param("from", Date.valueOf(effectiveFrom)).param("by", by.userId()).query(Long.class).single(),
        effectiveFrom);
    audit.record(AuditEntry.created("reception_banned_item", id, regionId,
        Map.of("word", text, "banned", banned, "effectiveFrom", effectiveFrom.toString())));
    return id;
  }

  @Transactional
  public long addHotel(String name, String address, CurrentUser by) {
    Long regionId = regionFor(false, by);
    String text = trimmed(name);
    if (text == null || text.length() > 100 || (address != null && address.strip().length() > 200)) {
      throw new BusinessRuleException("reception.hotelInvalid");
    }
    boolean exists = jdbc.sql("select count(*) from reception_hotel where region_id = :region and name = :name")
        .param("region", regionId).param("name", text).query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("reception.hotelExists", text);
    }
    long id = jdbc.sql("""
        insert into reception_hotel (region_id, name, address) values (:region, :name, :address) returning id""")
        .param("region", regionId).param("name", text).param("address", trimmed(address)).query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", text);
    after.put("address", trimmed(address));
    audit.record(AuditEntry.created("reception_hotel", id, regionId, after));
    return id;
  }

  /** Whether a hotel is one of the region's designated hotels in use. */
  boolean isDesignated(long hotelId, long regionId) {
    return jdbc.sql("select count(*) from reception_hotel where id = :id and region_id = :region and active")
        .param("id", hotelId).param("region", regionId).query(Long.class).single() > 0;
  }

  private Long regionFor(boolean national, CurrentUser by) {
    boolean allowed = national
        ? by.has(Role.PLATFORM_ADMIN)
        : by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN).permits(by.regionId(), null, null);
    if (!allowed) {
      throw new ForbiddenException();
    }
    return national ? null : by.regionId();
  }

  /** Runs an insert of a version; the table's unique key refuses a second version of the same day. */
  private long insertVersion(java.util.function.LongSupplier insert, LocalDate from) {
    try {
      return insert.getAsLong();
    } catch (org.springframework.dao.DuplicateKeyException e) {
      throw new BusinessRuleException("reception.ruleVersionExists", from);
    }
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
