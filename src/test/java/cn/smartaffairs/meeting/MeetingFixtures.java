package cn.smartaffairs.meeting;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Fresh rooms in the staff account's region (the demo city), named uniquely so tests never meet each other's data. */
final class MeetingFixtures {

  static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private MeetingFixtures() {}

  static long room(JdbcClient jdbc, String name, int capacity, boolean needsApproval) {
    return jdbc.sql("""
        insert into meeting_room (region_id, name, building, floor, capacity, needs_approval)
        select region_id, :name, '市行政中心1号楼', '6', :capacity, :approval from user_account where username = 'staff'
        returning id""")
        .param("name", name + "-" + UUID.randomUUID().toString().substring(0, 8)).param("capacity", capacity)
        .param("approval", needsApproval).query(Long.class).single();
  }

  static OffsetDateTime at(LocalDate day, String time) {
    return day.atTime(LocalTime.parse(time)).atZone(SHANGHAI).toOffsetDateTime();
  }

  /** A Monday some weeks ahead, far enough that other tests' days never meet it. */
  static LocalDate mondayInWeeks(int weeks) {
    LocalDate day = LocalDate.now(SHANGHAI).plusWeeks(weeks);
    return day.minusDays(day.getDayOfWeek().getValue() - 1L);
  }
}
