package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 我的用车: the read side of a requester's list of their own trip requests, searched by purpose; the rows come from
 * {@link VehicleRequests} with their stops, the page's order from here.
 */
@Component
class MyTripRequestList {

  static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("start", "r.starts_at")
      .ascending("purpose", SortKeys.pinyin("r.purpose"))
      .ascending("status", "r.status")
      .byDefault("start").tieBreaker("r.id");

  private static final String WHERE = " where r.requester_id = :me"
      + " and (cast(:keyword as text) is null or r.purpose ilike :keyword escape '\\')";

  private final JdbcClient jdbc;
  private final VehicleRequests requests;

  MyTripRequestList(JdbcClient jdbc, VehicleRequests requests) {
    this.jdbc = jdbc;
    this.requests = requests;
  }

  Page<TripRequest> search(ListQuery query, CurrentUser me) {
    long total = jdbc.sql("select count(*) from vehicle_request r" + WHERE)
        .param("me", me.userId()).param("keyword", query.likePattern()).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<Long> ids = jdbc.sql("select r.id from vehicle_request r" + WHERE + SORT_KEYS.orderBy(shown)
        + " limit :limit offset :offset")
        .param("me", me.userId()).param("keyword", query.likePattern())
        .param("limit", shown.size()).param("offset", shown.offset()).query(Long.class).list();
    Map<Long, TripRequest> byId = requests.get(ids);
    return shown.pageOf(ids.stream().map(byId::get).filter(Objects::nonNull).toList(), total);
  }
}
