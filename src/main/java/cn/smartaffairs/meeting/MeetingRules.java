package cn.smartaffairs.meeting;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The meeting rule tables an administrator keeps: the check-in grace (签到时限) after which a booking is released,
 * and the fee caps per meeting class (会议费开支标准, RULES.md §7). A version takes effect on its date; a region's own
 * version overrides the national default.
 */
@Service
public class MeetingRules {

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  public MeetingRules(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** One version of the check-in grace; a null region is the national default. */
  public record GraceRule(long id, Long regionId, int graceMinutes, LocalDate effectiveFrom) {}

  /** One version of a class's fee cap, in fen per person and day. */
  public record FeeCapRule(long id, Long regionId, int meetingClass, long fenPerPersonDay, LocalDate effectiveFrom) {

    public String yuan() {
      return FeeCap.yuan(fenPerPersonDay);
    }
  }

  /** Minutes after its start by which a booking in the region must be checked in. */
  public int graceMinutes(long regionId, LocalDate day) {
    return jdbc.sql("""
        select grace_minutes from meeting_no_show_rule
         where (region_id is null or region_id = :region) and effective_from <= :day
         order by region_id nulls last, effective_from desc limit 1""")
        .param("region", regionId).param("day", Date.valueOf(day)).query(Integer.class).single();
  }

  /** The cap in fen per person and day for a meeting class in the region on a day. */
  public long feeCapFen(long regionId, int meetingClass, LocalDate day) {
    return jdbc.sql("""
        select fen_per_person_day from meeting_fee_cap
         where (region_id is null or region_id = :region) and meeting_class = :class and effective_from <= :day
         order by region_id nulls last, effective_from desc limit 1""")
        .param("region", regionId).param("class", meetingClass).param("day", Date.valueOf(day))
        .query(Long.class).single();
  }

  public List<GraceRule> graceRules(long regionId) {
    return jdbc.sql("""
        select * from meeting_no_show_rule where region_id is null or region_id = :region
         order by region_id nulls first, effective_from desc""")
        .param("region", regionId)
        .query((rs, n) -> new GraceRule(rs.getLong("id"), (Long) rs.getObject("region_id"), rs.getInt("grace_minutes"),
            rs.getDate("effective_from").toLocalDate()))
        .list();
  }

  public List<FeeCapRule> feeCapRules(long regionId) {
    return jdbc.sql("""
        select * from meeting_fee_cap where region_id is null or region_id = :region
         order by meeting_class, region_id nulls first, effective_from desc""")
        .param("region", regionId)
        .query((rs, n) -> new FeeCapRule(rs.getLong("id"), (Long) rs.getObject("region_id"), rs.getInt("meeting_class"),
            rs.getLong("fen_per_person_day"), rs.getDate("effective_from").toLocalDate()))
        .list();
  }

  /** A new version of the region's check-in grace, by its administrators. */
  @Transactional
  public long addGraceRule(long regionId, int graceMinutes, LocalDate effectiveFrom, CurrentUser by) {
    requireRuleKeeper(regionId, by);
    if (graceMinutes < 1 || graceMinutes > 240 || effectiveFrom == null) {
      throw new BusinessRuleException("meeting.graceInvalid");
    }
    requireNewVersion("meeting_no_show_rule", regionId, effectiveFrom, null);
    long id = jdbc.sql("""
        insert into meeting_no_show_rule (region_id, grace_minutes, effective_from) values (:region, :minutes, :from)
        returning id""")
        .param("region", regionId).param("minutes", graceMinutes).param("from", Date.valueOf(effectiveFrom))
        .query(Long.class).single();
    audit.record(AuditEntry.created("meeting_no_show_rule", id, regionId,
        Map.of("graceMinutes", graceMinutes, "effectiveFrom", effectiveFrom.toString())));
    return id;
  }

  /** A new version of a class's fee cap in the region, given in fen, by its administrators. */
  @Transactional
  public long addFeeCap(long regionId, int meetingClass, long fenPerPersonDay, LocalDate effectiveFrom,
      CurrentUser by) {
    requireRuleKeeper(regionId, by);
    BookingRules.checkMeetingClass(meetingClass);
    if (fenPerPersonDay <= 0 || effectiveFrom == null) {
      throw new BusinessRuleException("meeting.feeCapInvalid");
    }
    requireNewVersion("meeting_fee_cap", regionId, effectiveFrom, meetingClass);
    long id = jdbc.sql("""
        insert into meeting_fee_cap (region_id, meeting_class, fen_per_person_day, effective_from)
        values (:region, :class, :fen, :from) returning id""")
        .param("region", regionId).param("class", meetingClass).param("fen", fenPerPersonDay)
        .param("from", Date.valueOf(effectiveFrom)).query(Long.class).single();
    audit.record(AuditEntry.created("meeting_fee_cap", id, regionId, Map.of("meetingClass", meetingClass,
        "fenPerPersonDay", fenPerPersonDay, "effectiveFrom", effectiveFrom.toString())));
    return id;
  }

  private void requireNewVersion(String table, long regionId, LocalDate effectiveFrom, Integer meetingClass) {
    boolean exists = jdbc.sql("select count(*) from " + table + " where region_id = :region and effective_from = :from"
        + (meetingClass == null ? "" : " and meeting_class = :class"))
        .param("region", regionId).param("from", Date.valueOf(effectiveFrom))
        .param("class", meetingClass == null ? 0 : meetingClass).query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("meeting.ruleVersionExists", effectiveFrom);
    }
  }

  private static void requireRuleKeeper(long regionId, CurrentUser by) {
    if (!by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN).permits(regionId, null, null)) {
      throw new ForbiddenException();
    }
  }
}
