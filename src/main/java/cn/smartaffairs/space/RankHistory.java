package cn.smartaffairs.space;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffMember;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 职级变动: a staff member's rank changes on a date. The organisation register keeps only the rank of today; the
 * area check reads the rank in force on the day it checks.
 */
@Service
public class RankHistory {

  private final JdbcClient jdbc;
  private final StaffDirectory staff;
  private final OrganisationDirectory organisation;
  private final AuditTrail audit;
  private final Clock clock;

  public RankHistory(JdbcClient jdbc, StaffDirectory staff, OrganisationDirectory organisation, AuditTrail audit,
      Clock clock) {
    this.jdbc = jdbc;
    this.staff = staff;
    this.organisation = organisation;
    this.audit = audit;
    this.clock = clock;
  }

  /** A rank change in force from a date. */
  public record RankChange(long id, long staffId, LocalDate effectiveFrom, String previousRankCode, String rankCode,
      String recordedBy) {}

  /** Records that a staff member holds a new rank from a date: space managers and staff-register keepers may. */
  @Transactional
  public RankChange record(long staffId, String rankCode, LocalDate effectiveFrom, CurrentUser by) {
    StaffMember member = staff.get(staffId, DataScope.everything());
    // a person outside the caller's scope is not found (404), so staff ids cannot be probed
    if (!by.dataScope().permits(member.regionId(), member.unitId(), member.id())) {
      throw new NotFoundException("staff", staffId);
    }
    boolean permitted = SpaceRegister.editScope(by).permits(member.regionId(), null, null)
        || StaffDirectory.editScope(by).permits(member.regionId(), member.unitId(), null);
    if (!permitted) {
      throw new ForbiddenException();
    }
    if (effectiveFrom == null) {
      throw new BusinessRuleException("space.rankDateRequired");
    }
    if (organisation.ranks().stream().noneMatch(rank -> rank.code().equals(rankCode))) {
      throw new BusinessRuleException("space.rankUnknown", rankCode);
    }
    String previous = rankOn(staffId, effectiveFrom.minusDays(1));
    if (previous.equals(rankCode)) {
      throw new BusinessRuleException("space.rankUnchanged");
    }
    if (jdbc.sql("select count(*) from space_rank_change where staff_id = :s and effective_from = :d")
        .param("s", staffId).param("d", effectiveFrom).query(Long.class).single() > 0) {
      throw new BusinessRuleException("space.rankChangeExists", effectiveFrom);
    }
    long id = jdbc
        .sql(
            """
                insert into space_rank_change (staff_id, effective_from, previous_rank_code, rank_code, recorded_by, recorded_at)
                values (:s, :d, :previous, :rank, :by, :at) returning id""")
        .param("s", staffId).param("d", effectiveFrom).param("previous", previous).param("rank", rankCode)
        .param("by", by.username()).param("at", Timestamp.from(clock.instant())).query(Long.class).single();
    audit.record(AuditEntry.created("space_rank_change", id, member.regionId(), Map.of("staffId", staffId,
        "effectiveFrom", effectiveFrom.toString(), "previousRank", previous, "rank", rankCode)));
    return new RankChange(id, staffId, effectiveFrom, previous, rankCode, by.username());
  }

  /** The rank code in force on a day. */
  public String rankOn(long staffId, LocalDate on) {
    return jdbc.sql("select " + AreaCompliance.RANK_ON + " from org_person s where s.id = :id")
        .param("id", staffId).param("on", on).query(String.class).single();
  }

  public List<RankChange> changes(long staffId) {
    return jdbc.sql("select * from space_rank_change where staff_id = :s order by effective_from")
        .param("s", staffId)
        .query((rs, n) -> new RankChange(rs.getLong("id"), rs.getLong("staff_id"),
            rs.getDate("effective_from").toLocalDate(), rs.getString("previous_rank_code"), rs.getString("rank_code"),
            rs.getString("recorded_by")))
        .list();
  }
}
