package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The costs of one vehicle (费用) on its page: the read side of the list and its export, searched by supplier, card
 * number or note. The caller has checked that the vehicle is in its scope.
 */
@Component
class VehicleCostList {

  static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("incurredOn", "c.incurred_on")
      .ascending("kind", "c.kind", "c.incurred_on")
      .descending("amount", "c.amount_fen")
      .descending("quantity", "c.quantity")
      .ascending("supplier", SortKeys.pinyin("c.supplier"))
      .byDefault("incurredOn").tieBreaker("c.id");

  private static final String WHERE = " where c.vehicle_id = :vehicle and (cast(:keyword as text) is null"
      + " or c.supplier ilike :keyword escape '\\' or c.card_no ilike :keyword escape '\\'"
      + " or c.note ilike :keyword escape '\\')";

  private final JdbcClient jdbc;

  VehicleCostList(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  Page<VehicleCosts.Cost> search(long vehicleId, ListQuery query) {
    long total = jdbc.sql("select count(*) from vehicle_cost c" + WHERE).param("vehicle", vehicleId)
        .param("keyword", query.likePattern()).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<VehicleCosts.Cost> items = jdbc
        .sql("select c.*, v.plate from vehicle_cost c join vehicle v on v.id = c.vehicle_id"
            + WHERE + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .param("vehicle", vehicleId).param("keyword", query.likePattern())
        .param("limit", shown.size()).param("offset", shown.offset())
        .query((rs, n) -> new VehicleCosts.Cost(rs.getLong("id"), rs.getLong("vehicle_id"), rs.getString("plate"),
            VehicleCosts.CostKind.valueOf(rs.getString("kind")), rs.getLong("amount_fen"),
            rs.getDate("incurred_on").toLocalDate(), rs.getBigDecimal("quantity"), rs.getString("supplier"),
            rs.getString("card_no"), (Long) rs.getObject("trip_id"), rs.getString("note")))
        .list();
    return shown.pageOf(items, total);
  }
}
