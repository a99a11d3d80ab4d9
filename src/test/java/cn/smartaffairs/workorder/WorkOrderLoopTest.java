package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class WorkOrderLoopTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired WorkOrders workOrders;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
  }

  private long userId(String username) {
    return jdbc.sql("select id from user_account where username = :u").param("u", username).query(Long.class).single();
  }

  private long regionId(String code) {
    return jdbc.sql("select id from region where code = :c").param("c", code).query(Long.class).single();
  }

  private long category(String code) {
    return jdbc.sql("select id from work_order_category where code = :c").param("c", code).query(Long.class).single();
  }

  private JsonNode reportLeakingTap(String token) {
    var answer = api.post("/api/v1/work-orders", token, Map.of("category", "REPAIR_PLUMBING",
        "description", "三楼卫生间水龙头漏水", "priority", "URGENT",
        "location", Map.of("building", "市行政中心1号楼", "floor", "3", "room", "305")));
    assertThat(answer.status()).isEqualTo(201);
    return answer.body();
  }

  private ApiClient.Answer move(String token, long id, Map<String, ?> transition) {
    return api.post("/api/v1/work-orders/" + id + "/transitions", token, transition);
  }

  @Test
  void aLeakingTapGoesThroughTheWholeClosedLoop() {
    String staff = api.tokenFor("staff");
    String dispatcher = api.tokenFor("repair.manager");
    String worker = api.tokenFor("worker");
    JsonNode created = reportLeakingTap(staff);
    long id = created.get("id").asLong();
    assertThat(created.get("status").asText()).isEqualTo("RECEIVED");
    assertThat(created.get("orderNo").asText()).matches("WO\\d{8}-\\d{6}");

    assertThat(move(dispatcher, id, Map.of("action", "dispatch", "assigneeUserId", userId("worker"))).status())
        .isEqualTo(200);
    assertThat(move(worker, id, Map.of("action", "accept")).status()).isEqualTo(200);
    assertThat(move(worker, id, Map.of("action", "arrive")).status()).isEqualTo(200);
    assertThat(move(worker, id, Map.of("action", "resolve", "comment", "更换阀芯")).status()).isEqualTo(200);
    assertThat(move(staff, id, Map.of("action", "confirm")).status()).isEqualTo(200);
    assertThat(move(dispatcher, id, Map.of("action", "visit", "satisfaction", "SATISFIED", "comment", "很及时")).status())
        .isEqualTo(200);
    JsonNode closed = move(dispatcher, id, Map.of("action", "close")).body();

    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(closed.get("satisfaction").asText()).isEqualTo("SATISFIED");
    List<String> actions = new ArrayList<>();
    closed.get("history").forEach(step -> actions.add(step.get("action").asText()));
    assertThat(actions).containsExactly("CREATE", "DISPATCH", "ACCEPT", "ARRIVE", "RESOLVE", "CONFIRM", "VISIT",
        "CLOSE");
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'work_order' and entity_id = :id")
        .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(8);
    assertThat(jdbc.sql("select count(*) from todo_item where link = :link and done_at is null")
        .param("link", "/work-orders/" + id).query(Long.class).single()).as("the worker's to-do is done").isZero();
  }

  @Test
  void anActionTheStateDoesNotAllowAnswers409InChineseAndChangesNothing() {
    long id = reportLeakingTap(api.tokenFor("staff")).get("id").asLong();
    var answer = move(api.tokenFor("repair.manager"), id, Map.of("action", "close"));
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body().get("detail").asText()).contains("已受理").contains("销号");
    var unchanged = api.get("/api/v1/work-orders/" + id, api.tokenFor("repair.manager")).body();
    assertThat(unchanged.get("status").asText()).isEqualTo("RECEIVED");
    assertThat(unchanged.get("version").asInt()).isZero();
  }

  @Test
  void twoDispatchersAtOnceOneWinsAndTheOtherIsToldSo() throws Exception {
    long id = reportLeakingTap(api.tokenFor("staff")).get("id").asLong();
    String first = api.tokenFor("repair.manager");
    String second = api.tokenFor("region.admin");
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(2);
    List<Future<ApiClient.Answer>> answers = new ArrayList<>();
    for (String token : List.of(first, second)) {
      Callable<ApiClient.Answer> dispatch = () -> {
        start.await();
        return move(token, id, Map.of("action", "dispatch", "assigneeUserId", userId("worker"), "expectedVersion", 0));
      };
      answers.add(pool.submit(dispatch));
    }
    start.countDown();
    List<Integer> statuses = new ArrayList<>();
    for (var answer : answers) {
      statuses.add(answer.get().status());
    }
    pool.shutdown();
    assertThat(statuses).containsExactlyInAnyOrder(200, 409);
    assertThat(jdbc.sql("select count(*) from work_order_event where work_order_id = :id and action = 'DISPATCH'")
        .param("id", id).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void anUnsatisfiedVisitThroughTheHandlersFaultReopensTheOrder() {
    String staff = api.tokenFor("staff");
    String dispatcher = api.tokenFor("repair.manager");
    String worker = api.tokenFor("worker");
    long id = reportLeakingTap(staff).get("id").asLong();
    move(dispatcher, id, Map.of("action", "dispatch", "assigneeUserId", userId("worker")));
    move(worker, id, Map.of("action", "accept"));
    move(worker, id, Map.of("action", "resolve"));
    move(staff, id, Map.of("action", "confirm"));

    JsonNode reopened = move(dispatcher, id, Map.of("action", "visit", "satisfaction", "UNSATISFIED",
        "handlerAtFault", true, "comment", "仍在滴水")).body();

    assertThat(reopened.get("status").asText()).isEqualTo("DISPATCHED");
    assertThat(reopened.get("reopenCount").asInt()).isEqualTo(1);
    assertThat(reopened.get("assigneeUserId").asLong()).isEqualTo(userId("worker"));
  }

  @Test
  void strangersDoNotSeeAnOrderAndCannotMoveIt() {
    long id = reportLeakingTap(api.tokenFor("staff")).get("id").asLong();
    assertThat(api.get("/api/v1/work-orders/" + id, api.tokenFor("liaison")).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/work-orders/" + id, api.tokenFor("county.admin")).status()).isEqualTo(404);
    assertThat(
        move(api.tokenFor("driver"), id, Map.of("action", "dispatch", "assigneeUserId", userId("worker"))).status())
        .isEqualTo(404);
  }

  @Test
  void badInputGetsAClearMessage() {
    var answer = api.post("/api/v1/work-orders", api.tokenFor("staff"),
        Map.of("category", "NO_SUCH", "description", "x"));
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").asText()).contains("NO_SUCH");
    assertThat(api.post("/api/v1/work-orders", api.tokenFor("staff"), Map.of("category", "REPAIR_PLUMBING",
        "description", " ")).status()).isEqualTo(400);
  }

  @Test
  void anUrgentReportOnASaturdayNightIsAnsweredThatNightAndResolvedOnTheMakeUpSunday() {
    // 2026-09-19 is a Saturday; Sunday 09-20 is a make-up working day before National Day
    Instant saturdayNight = ZonedDateTime.of(2026, 9, 19, 21, 0, 0, 0, SHANGHAI).toInstant();
    var deadlines = workOrders.deadlines(regionId("YX"), category("REPAIR_PLUMBING"), WorkOrderPriority.URGENT,
        saturdayNight);
    assertThat(deadlines.respond()).isEqualTo(ZonedDateTime.of(2026, 9, 19, 21, 30, 0, 0, SHANGHAI).toInstant());
    assertThat(deadlines.resolve()).isEqualTo(ZonedDateTime.of(2026, 9, 20, 17, 30, 0, 0, SHANGHAI).toInstant());
  }

  @Test
  void anOrdinaryRequestOnTheEveOfNationalDayIsDueOnTheMakeUpSaturday() {
    Instant eve = ZonedDateTime.of(2026, 9, 30, 16, 0, 0, 0, SHANGHAI).toInstant();
    var deadlines = workOrders.deadlines(regionId("YX"), category("HOTLINE_REQUEST"), WorkOrderPriority.NORMAL, eve);
    assertThat(deadlines.respond()).as("two office hours: 1.5 h that day, 0.5 h after the holiday")
        .isEqualTo(ZonedDateTime.of(2026, 10, 8, 9, 0, 0, 0, SHANGHAI).toInstant());
    assertThat(deadlines.resolve()).isEqualTo(ZonedDateTime.of(2026, 10, 10, 17, 30, 0, 0, SHANGHAI).toInstant());
    var complaint = workOrders.deadlines(regionId("YX"), category("HOTLINE_COMPLAINT"), WorkOrderPriority.NORMAL, eve);
    assertThat(complaint.resolve()).as("13 working days")
        .isEqualTo(ZonedDateTime.of(2026, 10, 23, 17, 30, 0, 0, SHANGHAI).toInstant());
  }
}
