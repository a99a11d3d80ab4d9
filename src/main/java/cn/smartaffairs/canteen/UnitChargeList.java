package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 单位挂账 list: the unit charges a canteen manager or region administrator sees, filtered by month (Beijing time) and
 * unit, with the total of everything the filter keeps — the monthly statement a unit settles. The search matches the
 * charge number, the reference or the description.
 */
@Component
class UnitChargeList {

  static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("chargedAt", "c.charged_at")
      .ascending("chargeNo", "c.charge_no")
      .ascending("unit", SortKeys.pinyin("u.name"))
      .descending("amount", "c.amount_fen")
      .byDefault("chargedAt").tieBreaker("c.id");

  /** One page of the filtered charges and the total of all of them. */
  record Result(Page<UnitCharge> page, long totalFen) {}

  private final JdbcClient jdbc;

  UnitChargeList(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Result search(ListQuery query, YearMonth month, Long unitId, CurrentUser viewer) {
    String where = " where " + DataScope.sqlCondition("c.region_id", null, null)
        + " and (cast(:unit as bigint) is null or c.unit_id = :unit)"
        + " and (cast(:from as timestamptz) is null or (c.charged_at >= :from and c.charged_at < :to))"
        + " and (cast(:keyword as text) is null or c.charge_no = :keyword or c.reference = :keyword"
        + " or c.description like :like escape '\\')";
    var parameters = CanteenAccounts.managing(viewer).bind(new MapSqlParameterSource())
        .addValue("unit", unitId).addValue("keyword", query.search()).addValue("like", query.likePattern())
        .addValue("from", month == null
            ? null
            : Timestamp.from(month.atDay(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant()))
        .addValue("to", month == null
            ? null
            : Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant()));
    String from = " from canteen_unit_charge c join org_unit u on u.id = c.unit_id";
    var totals = jdbc.sql("select count(*) as n, coalesce(sum(c.amount_fen), 0) as fen" + from + where)
        .paramSource(parameters).query((rs, row) -> new long[] {rs.getLong("n"), rs.getLong("fen")}).single();
    ListQuery shown = query.within(totals[0]);
    List<UnitCharge> items = jdbc.sql(UnitCharges.SELECT + where + SORT_KEYS.orderBy(shown)
        + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query(UnitCharges::row).list();
    return new Result(shown.pageOf(items, totals[0]), totals[1]);
  }

  /** The units of the regions the viewer manages, for the filter. */
  List<Unit> units(CurrentUser viewer) {
    return jdbc.sql("select u.id, u.name from org_unit u where " + DataScope.sqlCondition("u.region_id", null, null)
        + " order by u.region_id, u.sort_order, u.id")
        .paramSource(CanteenAccounts.managing(viewer).bind(new MapSqlParameterSource()))
        .query((rs, row) -> new Unit(rs.getLong("id"), rs.getString("name"))).list();
  }

  record Unit(long id, String name) {}
}
