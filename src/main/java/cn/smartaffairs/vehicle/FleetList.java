package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.DataScope;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** 公务车辆 list: the read side of the fleet page and its export, searched by plate, brand, model or unit. */
@Component
class FleetList {

  static final SortKeys SORT_KEYS = SortKeys.builder()
      .ascending("unit", "v.region_id", "u.sort_order", "v.plate")
      .ascending("plate", "v.plate")
      .ascending("category", "v.category")
      .ascending("brand", SortKeys.pinyin("v.brand"), "v.model")
      .descending("seats", "v.seats")
      .descending("mileage", "v.odometer_km")
      .ascending("status", "v.status")
      .ascending("insuranceUntil", "v.insurance_until")
      .ascending("inspectionUntil", "v.inspection_until")
      .byDefault("unit").tieBreaker("v.id");

  private final JdbcClient jdbc;

  FleetList(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Page<Vehicle> search(ListQuery query, VehicleStatus status, DataScope scope) {
    String where = " where " + DataScope.sqlCondition("v.region_id", "v.unit_id", null)
        + " and (cast(:status as varchar) is null or v.status = :status)"
        + " and (cast(:keyword as text) is null or v.plate ilike :keyword escape '\\' or v.brand ilike :keyword escape '\\'"
        + " or v.model ilike :keyword escape '\\' or u.name ilike :keyword escape '\\')";
    var parameters = scope.bind(new MapSqlParameterSource())
        .addValue("status", status == null ? null : status.name()).addValue("keyword", query.likePattern());
    long total = jdbc.sql("select count(*) from vehicle v join org_unit u on u.id = v.unit_id" + where)
        .paramSource(parameters).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<Vehicle> items = jdbc.sql(Fleet.VEHICLE + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query(Fleet::vehicle).list();
    return shown.pageOf(items, total);
  }
}
