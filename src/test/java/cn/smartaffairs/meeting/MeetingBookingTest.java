package cn.smartaffairs.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class MeetingBookingTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  String staff;
  LocalDate day;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    staff = api.tokenFor("staff");
    day = LocalDate.now(SHANGHAI).plusDays(7);
  }

  /** A fresh room in the staff account's region, open 08:00–21:00. */
  private long room(String name, int capacity, String... equipment) {
    return jdbc.sql("""
        insert into meeting_room (region_id, name, building, floor, capacity, equipment)
        select region_id, :name, '市行政中心1号楼', '5', :capacity, :equipment from user_account where username = 'staff'
        returning id""")
        .param("name", name + "-" + UUID.randomUUID().toString().substring(0, 8)).param("capacity", capacity)
        .param("equipment", equipment).query(Long.class).single();
  }

  private OffsetDateTime at(String time) {
    return day.atTime(LocalTime.parse(time)).atZone(SHANGHAI).toOffsetDateTime();
  }

  private ApiClient.Answer book(String token, long room, String from, String to, String subject, int attendees) {
    return book(token, room, at(from), at(to), subject, attendees);
  }

  private ApiClient.Answer book(String token, long room, OffsetDateTime from, OffsetDateTime to, String subject,
      int attendees) {
    return api.post("/api/v1/meeting-bookings", token, Map.of("roomId", room, "start", from.toString(),
        "end", to.toString(), "subject", subject, "attendees", attendees));
  }

  private long activeBookings(long room) {
    return jdbc.sql("select count(*) from meeting_booking where room_id = :room and status = 'ACTIVE'")
        .param("room", room).query(Long.class).single();
  }

  private static List<String> hours(JsonNode slots) {
    return StreamSupport.stream(slots.spliterator(), false)
        .map(slot -> OffsetDateTime.parse(slot.get("start").asText()).toLocalTime() + "–"
            + OffsetDateTime.parse(slot.get("end").asText()).toLocalTime())
        .toList();
  }

  @Test
  void twelveSimultaneousRequestsForOneSlotLeaveExactlyOneBooking() throws Exception {
    long room = room("第一会议室", 20);
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(12);
    List<Future<ApiClient.Answer>> answers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      String subject = "同时预订 " + i;
      Callable<ApiClient.Answer> booking = () -> {
        start.await();
        return book(staff, room, "14:00", "16:00", subject, 10);
      };
      answers.add(pool.submit(booking));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (var answer : answers) {
      statuses.add(answer.get().status());
    }
    pool.shutdown();
    assertThat(statuses).containsOnly(201, 409);
    assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
    assertThat(activeBookings(room)).isEqualTo(1);
  }

  @Test
  void theDatabaseRefusesAnOverlappingBookingWrittenAroundTheService() {
    long room = room("第二会议室", 20);
    assertThat(book(staff, room, "10:00", "11:00", "周例会", 8).status()).isEqualTo(201);
    assertThatThrownBy(() -> jdbc.sql("""
        insert into meeting_booking (room_id, subject, attendees, during, booked_by)
        select :room, '直接写库', 5, tstzrange(:from, :to), id from user_account where username = 'staff'""")
        .param("room", room).param("from", at("10:30")).param("to", at("11:30")).update())
        .isInstanceOf(DataIntegrityViolationException.class)
        .hasMessageContaining("meeting_booking_no_overlap");
    assertThat(activeBookings(room)).isEqualTo(1);
  }

  @Test
  void adjacentBookingsAreFine() {
    long room = room("第三会议室", 20);
    assertThat(book(staff, room, "10:00", "11:00", "上午会一", 8).status()).isEqualTo(201);
    assertThat(book(staff, room, "11:00", "12:00", "上午会二", 8).status()).isEqualTo(201);
    assertThat(activeBookings(room)).isEqualTo(2);
  }

  @Test
  void aCancelledBookingFreesTheSlotAndOnlyItsBookerOrAMeetingManagerMayCancel() {
    long room = room("第四会议室", 20);
    long first = book(staff, room, "09:00", "10:00", "被取消的会", 8).body().get("id").asLong();
    assertThat(api.delete("/api/v1/meeting-bookings/" + first, api.tokenFor("region.admin")).status()).isEqualTo(403);
    assertThat(api.delete("/api/v1/meeting-bookings/" + first, api.tokenFor("county.admin")).status()).isEqualTo(404);
    var cancelled = api.delete("/api/v1/meeting-bookings/" + first, staff);
    assertThat(cancelled.status()).isEqualTo(200);
    assertThat(cancelled.body().get("status").asText()).isEqualTo("CANCELLED");
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'meeting_booking' and entity_id = :id")
        .param("id", String.valueOf(first)).query(Long.class).single()).isEqualTo(2);

    long second = book(staff, room, "09:00", "10:00", "改期后的会", 8).body().get("id").asLong();
    assertThat(api.delete("/api/v1/meeting-bookings/" + second, api.tokenFor("meeting.manager")).status())
        .isEqualTo(200);
    assertThat(book(staff, room, "09:30", "10:30", "再订一次", 8).status()).isEqualTo(201);
  }

  @Test
  void eachBrokenRuleAnswers400WithAChineseMessage() {
    long room = room("第五会议室", 10);
    assertThat(book(staff, room, "11:00", "10:00", "倒过来", 5).body().get("detail").asText())
        .isEqualTo("结束时间须晚于开始时间");
    var same = book(staff, room, "10:00", "10:00", "零时长", 5);
    assertThat(same.status()).isEqualTo(400);
    assertThat(same.body().get("detail").asText()).isEqualTo("结束时间须晚于开始时间");
    var early = book(staff, room, "07:00", "09:00", "太早", 5);
    assertThat(early.status()).isEqualTo(400);
    assertThat(early.body().get("detail").asText()).contains("开放时间为 08:00–21:00");
    var late = book(staff, room, "20:00", "21:30", "太晚", 5);
    assertThat(late.status()).isEqualTo(400);
    var crowded = book(staff, room, "10:00", "11:00", "人太多", 11);
    assertThat(crowded.status()).isEqualTo(400);
    assertThat(crowded.body().get("detail").asText()).contains("参会人数 11 人超过").contains("座位数 10 个");
    OffsetDateTime yesterday = at("10:00").minusDays(8);
    var past = book(staff, room, yesterday, yesterday.plusHours(1), "昨天的会", 5);
    assertThat(past.status()).isEqualTo(400);
    assertThat(past.body().get("detail").asText()).isEqualTo("不能预订已经过去的时间");
    var unknown = book(staff, Long.MAX_VALUE, "10:00", "11:00", "没有的会议室", 5);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(book(api.tokenFor("county.admin"), room, "10:00", "11:00", "别的区县", 5).status()).isEqualTo(404);
    assertThat(activeBookings(room)).isZero();
  }

  @Test
  void theLoserOfACollisionLearnsTheMeetingInTheWayAndTheNearestFreeSlots() {
    long room = room("第六会议室", 20);
    assertThat(book(staff, room, "10:00", "12:00", "党组会", 12).status()).isEqualTo(201);
    var refused = book(staff, room, "11:00", "12:00", "碰头会", 6);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().get("detail").asText())
        .contains("党组会（10:00–12:00）").contains("09:00–10:00、12:00–13:00、12:30–13:30");
    assertThat(refused.body().get("colliding").get("subject").asText()).isEqualTo("党组会");
    assertThat(hours(refused.body().get("suggestions"))).containsExactly("09:00–10:00", "12:00–13:00", "12:30–13:30");
  }

  @Test
  void aRoomsDayShowsItsBookingsAndFreeSlotsWithinOpeningHours() {
    long room = room("第七会议室", 20);
    book(staff, room, "10:00", "11:00", "上午会", 8);
    long cancelled = book(staff, room, "15:00", "16:00", "取消了", 8).body().get("id").asLong();
    api.delete("/api/v1/meeting-bookings/" + cancelled, staff);
    var answer = api.get("/api/v1/meeting-rooms/" + room + "/availability?date=" + day, staff);
    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body().get("bookings")).hasSize(1);
    assertThat(answer.body().get("bookings").get(0).get("subject").asText()).isEqualTo("上午会");
    assertThat(hours(answer.body().get("free"))).containsExactly("08:00–10:00", "11:00–21:00");
  }

  @Test
  void theFinderPicksTheSmallestFreeRoomWithEnoughSeatsAndTheEquipment() {
    String tag = "找" + UUID.randomUUID().toString().substring(0, 6);
    long noVideo = room(tag + "无视频", 22, "PROJECTOR");
    long booked = room(tag + "已订", 24, "VIDEO_CONFERENCE");
    long small = room(tag + "小", 12, "VIDEO_CONFERENCE");
    long fitting = room(tag + "合适", 30, "VIDEO_CONFERENCE", "PROJECTOR");
    long large = room(tag + "大", 80, "VIDEO_CONFERENCE");
    assertThat(book(staff, booked, "13:00", "15:00", "占用", 10).status()).isEqualTo(201);
    String query = "/api/v1/meeting-rooms/finder?attendees=20&equipment=VIDEO_CONFERENCE&start="
        + URLEncoder.encode(at("14:00").toString(), StandardCharsets.UTF_8) + "&end="
        + URLEncoder.encode(at("16:00").toString(), StandardCharsets.UTF_8);
    var answer = api.get(query, staff);
    assertThat(answer.status()).isEqualTo(200);
    List<Long> mine = StreamSupport.stream(answer.body().spliterator(), false)
        .filter(found -> found.get("name").asText().startsWith(tag)).map(found -> found.get("id").asLong()).toList();
    assertThat(mine).containsExactly(fitting, large).doesNotContain(noVideo, booked, small);
    assertThat(api.get(query.replace("VIDEO_CONFERENCE", "HOLOGRAM"), staff).status()).isEqualTo(400);
  }

  @Test
  void theRoomListShowsOnlyTheCallersRegion() {
    long room = room("第八会议室", 20);
    var own = api.get("/api/v1/meeting-rooms", staff).body();
    var county = api.get("/api/v1/meeting-rooms", api.tokenFor("county.admin")).body();
    assertThat(StreamSupport.stream(own.spliterator(), false).map(r -> r.get("id").asLong())).contains(room);
    assertThat(StreamSupport.stream(county.spliterator(), false).map(r -> r.get("id").asLong())).doesNotContain(room);
  }

  @Test
  void aMeetingManagerRegistersARoomWhichIsAuditedAndOthersMayNot() {
    var manager = api.tokenFor("meeting.manager");
    String name = "新建会议室" + System.nanoTime() % 1_000_000;
    var created = api.post("/api/v1/meeting-rooms", manager, java.util.Map.of("name", name, "building", "市行政中心3号楼",
        "floor", "2", "capacity", 16, "equipment", java.util.List.of("PROJECTOR", "WHITEBOARD")));
    assertThat(created.status()).isEqualTo(201);
    assertThat(created.body().get("opensAt").asText()).startsWith("08:00");
    assertThat(api.post("/api/v1/meeting-rooms", manager, java.util.Map.of("name", name, "building", "市行政中心3号楼",
        "capacity", 16)).body().get("detail").asText()).contains(name);
    assertThat(api.post("/api/v1/meeting-rooms", api.tokenFor("staff"), java.util.Map.of("name", name + "乙",
        "building", "市行政中心3号楼", "capacity", 16)).status()).isEqualTo(403);
  }
}
