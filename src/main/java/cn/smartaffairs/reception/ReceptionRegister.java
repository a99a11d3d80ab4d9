package cn.smartaffairs.reception;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 接待登记簿 and 接待统计: the receptions a viewer may see, one page at a time, and the receptions, guests and cost per
 * host unit of a period (a month for the statistics, a year for the publication; closed receptions only, cost from
 * their consumption lists).
 */
@Service
public class ReceptionRegister {

  /** A row of the register. */
  public record Row(long id, String letterNo, String guestUnit, String hostUnitName, LocalDate arrival,
      LocalDate departure, int guests, ReceptionStatus status, long estimatedCostFen, long consumptionFen) {}

  /** One host unit's receptions in a period. */
  public record UnitTotal(long unitId, String unitName, int receptions, int guests, long costFen) {}

  static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("arrival", "r.arrival")
      .ascending("letterNo", "r.letter_no")
      .ascending("guestUnit", SortKeys.pinyin("r.guest_unit"))
      .ascending("hostUnit", SortKeys.pinyin("u.name"))
      .ascending("status", "r.status")
      .byDefault("arrival").tieBreaker("r.id");

  private final JdbcClient jdbc;

  ReceptionRegister(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public Page<Row> search(CurrentUser viewer, ReceptionStatus status, ListQuery query) {
    DataScope scope = viewer.dataScopeAs(Receptions.READERS);
    String where = " from reception r join org_unit u on u.id = r.host_unit_id where "
        + DataScope.sqlCondition("r.region_id", "r.host_unit_id", null)
        + " and (cast(:status as text) is null or r.status = :status)"
        + " and (cast(:like as text) is null or r.letter_no ilike :like or r.guest_unit ilike :like"
        + " or u.name ilike :like or r.purpose ilike :like)";
    MapSqlParameterSource parameters = scope.bind(new MapSqlParameterSource())
        .addValue("status", status == null ? null : status.name()).addValue("like", query.likePattern());
    long total = jdbc.sql("select count(*)" + where).paramSource(parameters).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<Row> rows = jdbc.sql("""
        select r.id, r.letter_no, r.guest_unit, u.name as host_unit_name, r.arrival, r.departure, r.status,
               r.estimated_cost_fen,
               (select count(*) from reception_guest g where g.reception_id = r.id) as guests,
               (select coalesce(sum(c.amount_fen), 0) from reception_consumption c where c.reception_id = r.id)
                 as consumption_fen""" + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("letter_no"), rs.getString("guest_unit"),
            rs.getString("host_unit_name"), rs.getDate("arrival").toLocalDate(),
            rs.getDate("departure").toLocalDate(), rs.getInt("guests"), ReceptionStatus.valueOf(rs.getString("status")),
            rs.getLong("estimated_cost_fen"), rs.getLong("consumption_fen")))
        .list();
    return shown.pageOf(rows, total);
  }

  /**
   * Closed receptions that began within [from, to), per host unit in the viewer's scope: how many, how many guests,
   * what they cost (the consumption lists).
   */
  public List<UnitTotal> totals(CurrentUser viewer, LocalDate from, LocalDate to) {
    DataScope scope = viewer.dataScopeAs(Receptions.READERS);
    return jdbc.sql("""
        select u.id as unit_id, u.name as unit_name, count(*) as receptions,
               coalesce(sum((select count(*) from reception_guest g where g.reception_id = r.id)), 0) as guests,
               coalesce(sum((select coalesce(sum(c.amount_fen), 0) from reception_consumption c
                              where c.reception_id = r.id)), 0) as cost_fen
          from reception r join org_unit u on u.id = r.host_unit_id
         where r.status = 'CLOSED' and r.arrival >= :from and r.arrival < :to and """
        + DataScope.sqlCondition("r.region_id", "r.host_unit_id", null) + """

            group by u.id, u.name, u.sort_order order by u.sort_order, u.id""")
        .paramSource(scope.bind(new MapSqlParameterSource()).addValue("from", Date.valueOf(from))
            .addValue("to", Date.valueOf(to)))
        .query((rs, n) -> new UnitTotal(rs.getLong("unit_id"), rs.getString("unit_name"), rs.getInt("receptions"),
            rs.getInt("guests"), rs.getLong("cost_fen")))
        .list();
  }
}
