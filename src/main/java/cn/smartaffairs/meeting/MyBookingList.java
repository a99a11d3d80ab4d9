package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 我的预订: the read side of the caller's bookings from a week ago on, searched by subject or room, the soonest first
 * unless asked otherwise.
 */
@Component
class MyBookingList {

  static final SortKeys SORT_KEYS = SortKeys.builder()
      .ascending("start", "lower(b.during)")
      .ascending("subject", SortKeys.pinyin("b.subject"))
      .ascending("room", SortKeys.pinyin("r.name"))
      .ascending("status", "b.status")
      .byDefault("start").tieBreaker("b.id");

  private static final String FROM = " from meeting_booking b join meeting_room r on r.id = b.room_id"
      + " where b.booked_by = :me and upper(b.during) >= :since"
      + " and (cast(:keyword as text) is null or b.subject ilike :keyword escape '\\' or r.name ilike :keyword escape '\\')";

  private final JdbcClient jdbc;
  private final Clock clock;

  MyBookingList(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Page<MeetingBooking> search(ListQuery query, CurrentUser viewer) {
    var parameters = new MapSqlParameterSource("me", viewer.userId())
        .addValue("since", Timestamp.from(clock.instant().minusSeconds(7 * 86400)))
        .addValue("keyword", query.likePattern());
    long total = jdbc.sql("select count(*)" + FROM).paramSource(parameters).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<MeetingBooking> items = jdbc.sql("select b.*, lower(b.during) as starts_at, upper(b.during) as ends_at" + FROM
        + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query(MeetingRooms::booking).list();
    return shown.pageOf(items, total);
  }
}
