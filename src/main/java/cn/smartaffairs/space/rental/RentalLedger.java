package cn.smartaffairs.space.rental;

import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.space.RentIncome;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 租金台账: the rent roll and the income collected by period, for the rentals pages, the .xlsx export and the space
 * dashboard. Every query is limited to the scope it is given.
 */
@Service
public class RentalLedger implements RentIncome {

  private final JdbcClient jdbc;

  public RentalLedger(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** Rent collected in one month (by the day it was paid). */
  public record MonthlyIncome(YearMonth month, long collectedFen) {}

  /** One lease in the rent roll on a day: what it owes, what fell due by then, what was paid, what is in arrears. */
  public record RollEntry(long leaseId, String contractNo, String lettableName, String tenantName, String creditCode,
      LocalDate startDate, LocalDate endDate, String frequency, long annualRentFen,
      LeaseStatus status, long totalFen, long dueFen, long paidFen, long arrearsFen) {}

  /**
   * Rent collected between two days (both included), month by month, in the regions of the scope; months without
   * payments are left out. For the space dashboard: pass the viewer's region scope.
   */
  public List<MonthlyIncome> collectedBetween(DataScope regionScope, LocalDate from, LocalDate to) {
    return jdbc.sql("""
        select date_trunc('month', p.paid_on)::date as month, sum(p.amount_fen) as collected
          from space_rent_payment p join space_rent_instalment i on i.id = p.instalment_id
          join space_lease l on l.id = i.lease_id
         where p.paid_on between :from and :to and """ + DataScope.sqlCondition("l.region_id", null, null)
        + " group by 1 order by 1")
        .paramSource(regionScope.bind(new MapSqlParameterSource("from", Date.valueOf(from))
            .addValue("to", Date.valueOf(to))))
        .query((rs, n) -> new MonthlyIncome(YearMonth.from(rs.getDate("month").toLocalDate()), rs.getLong("collected")))
        .list();
  }

  /** The space dashboard's 租金收入: rent collected in the region during the calendar year. */
  @Override
  public long collectedFen(long regionId, int year) {
    return totalCollectedBetween(DataScope.region(regionId), LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
  }

  /** The total collected between two days (both included) in the scope's regions. */
  public long totalCollectedBetween(DataScope regionScope, LocalDate from, LocalDate to) {
    return collectedBetween(regionScope, from, to).stream().mapToLong(MonthlyIncome::collectedFen).sum();
  }

  /** 租金台账 on a day: every lease of the scope with its totals. */
  public List<RollEntry> rentRoll(DataScope regionScope, LocalDate asOf) {
    return jdbc.sql("""
        select l.id, l.contract_no, s.name as lettable_name, t.name as tenant_name, t.credit_code, l.start_date,
               l.end_date, l.frequency, l.annual_rent_fen, l.status,
               coalesce(sum(i.amount_fen), 0) as total_fen,
               coalesce(sum(i.amount_fen) filter (where i.due_date <= :asOf), 0) as due_fen,
               coalesce(sum(i.paid_fen), 0) as paid_fen,
               coalesce(sum(i.amount_fen - i.paid_fen) filter (where i.due_date < :asOf), 0) as arrears_fen
          from space_lease l join space_lettable s on s.id = l.lettable_id join space_tenant t on t.id = l.tenant_id
          left join space_rent_instalment i on i.lease_id = l.id
         where """ + DataScope.sqlCondition("l.region_id", null, null)
        + " group by l.id, s.name, t.name, t.credit_code order by s.name, l.start_date")
        .paramSource(regionScope.bind(new MapSqlParameterSource("asOf", Date.valueOf(asOf))))
        .query((rs, n) -> new RollEntry(rs.getLong("id"), rs.getString("contract_no"), rs.getString("lettable_name"),
            rs.getString("tenant_name"), rs.getString("credit_code"), rs.getDate("start_date").toLocalDate(),
            rs.getDate("end_date").toLocalDate(), rs.getString("frequency"), rs.getLong("annual_rent_fen"),
            LeaseStatus.valueOf(rs.getString("status")), rs.getLong("total_fen"), rs.getLong("due_fen"),
            rs.getLong("paid_fen"),
            rs.getLong("arrears_fen")))
        .list();
  }
}
