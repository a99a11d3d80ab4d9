package cn.smartaffairs.space.rental;

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
 * 出租期限规则: the longest lease a region may sign and how many days before a rent instalment falls due its space
 * managers are reminded (租金到期提醒), versioned by effective date; a region's own version overrides the national
 * default. No version may exceed ten years or a 60-day lead (the database refuses both too).
 */
@Service
public class LeaseTermRules {

  static final int CEILING_MONTHS = 120;
  static final int MAX_REMINDER_LEAD_DAYS = 60;

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  public LeaseTermRules(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  /** One version of the rule; a null region is the national default. */
  public record TermRule(long id, Long regionId, String name, int maxTermMonths, int reminderLeadDays,
      LocalDate effectiveFrom) {}

  /** The version in force for a region on a day: its own, else the national one. */
  public TermRule inForce(long regionId, LocalDate day) {
    return jdbc.sql("""
        select id, region_id, name, max_term_months, reminder_lead_days, effective_from from space_lease_term_rule
         where (region_id is null or region_id = :region) and effective_from <= :day
         order by region_id nulls last, effective_from desc limit 1""")
        .param("region", regionId).param("day", Date.valueOf(day))
        .query(LeaseTermRules::map).optional()
        .orElseThrow(() -> new BusinessRuleException("space.rental.noTermRule", day));
  }

  /** Every version that concerns a region, newest first. */
  public List<TermRule> versions(long regionId) {
    return jdbc.sql("""
        select id, region_id, name, max_term_months, reminder_lead_days, effective_from from space_lease_term_rule
         where region_id is null or region_id = :region order by effective_from desc, region_id nulls last""")
        .param("region", regionId).query(LeaseTermRules::map).list();
  }

  /** Adds a version; national versions are the platform admin's, a region's its admin's. */
  @Transactional
  public long add(Long regionId, String name, int maxTermMonths, int reminderLeadDays, LocalDate effectiveFrom,
      CurrentUser by) {
    boolean allowed = regionId == null
        ? by.has(Role.PLATFORM_ADMIN)
        : by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN).permits(regionId, null, null);
    if (!allowed) {
      throw new ForbiddenException();
    }
    if (name == null || name.isBlank() || name.strip().length() > 100 || effectiveFrom == null) {
      throw new BusinessRuleException("space.rental.termRuleInvalid");
    }
    if (maxTermMonths < 1 || maxTermMonths > CEILING_MONTHS) {
      throw new BusinessRuleException("space.rental.termRuleCeiling", CEILING_MONTHS);
    }
    if (reminderLeadDays < 1 || reminderLeadDays > MAX_REMINDER_LEAD_DAYS) {
      throw new BusinessRuleException("space.rental.reminderLeadRange", MAX_REMINDER_LEAD_DAYS);
    }
    boolean exists = jdbc.sql(
        """
            select count(*) from space_lease_term_rule where region_id is not distinct from :region and effective_from = :from""")
        .param("region", regionId).param("from", Date.valueOf(effectiveFrom)).query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("space.rental.termRuleExists", effectiveFrom);
    }
    long id = jdbc.sql("""
        insert into space_lease_term_rule (region_id, name, max_term_months, reminder_lead_days, effective_from)
        values (:region, :name, :max, :lead, :from) returning id""")
        .param("region", regionId).param("name", name.strip()).param("max", maxTermMonths)
        .param("lead", reminderLeadDays).param("from", Date.valueOf(effectiveFrom)).query(Long.class).single();
    audit.record(AuditEntry.created("space_lease_term_rule", id, regionId,
        Map.of("name", name.strip(), "maxTermMonths", maxTermMonths, "reminderLeadDays", reminderLeadDays,
            "effectiveFrom", effectiveFrom.toString())));
    return id;
  }

  private static TermRule map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
    return new TermRule(rs.getLong("id"), (Long) rs.getObject("region_id"), rs.getString("name"),
        rs.getInt("max_term_months"), rs.getInt("reminder_lead_days"), rs.getDate("effective_from").toLocalDate());
  }
}
