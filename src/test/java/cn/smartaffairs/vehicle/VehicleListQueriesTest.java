package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.StatementCounter;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The pages that list many rows read them set-based: the board, the drivers page and a plan proposal cost the same
 * number of statements for a few rows as for many, so thirty dispatchers opening the board cannot starve the pool.
 */
@IntegrationTest
class VehicleListQueriesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired Dispatching dispatching;
  ApiClient api;
  VehicleFixtures fixtures;
  String manager;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new VehicleFixtures(api, jdbc, accounts);
    manager = api.tokenFor("vehicle.manager");
  }

  @Test
  void theDispatchBoardReadsItsRequestsInAFixedNumberOfQueries() {
    long unit = fixtures.unit("YX", "市卫生健康委员会");
    fixtures.roomInQuota(manager, unit, "OTHER", 3);
    List<Long> cars = List.of(
        fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER")).get("id").asLong(),
        fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER")).get("id").asLong(),
        fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER")).get("id").asLong());
    List<Long> crew = List.of(
        fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0)).driverId(),
        fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0)).driverId(),
        fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0)).driverId());
    // a quiet day: one request waiting, one dispatched
    LocalDate quiet = VehicleFixtures.weekday(13, 2);
    fixtures.approvedRequest("查询计数·少", 2, "OTHER", quiet.atTime(8, 0), quiet.atTime(9, 0), List.of("市档案馆"));
    dispatch(fixtures.approvedRequest("查询计数·少", 2, "OTHER", quiet.atTime(10, 0), quiet.atTime(11, 0),
        List.of("市档案馆")), cars.get(0), crew.get(0));
    // a busy day: five waiting, three dispatched
    LocalDate busy = VehicleFixtures.weekday(13, 3);
    for (int hour = 8; hour < 13; hour++) {
      fixtures.approvedRequest("查询计数·多", 2, "OTHER", busy.atTime(hour, 0), busy.atTime(hour, 30),
          List.of("市档案馆", "市人民医院"));
    }
    for (int i = 0; i < 3; i++) {
      dispatch(fixtures.approvedRequest("查询计数·多", 2, "OTHER", busy.atTime(14, 0), busy.atTime(15, 0),
          List.of("市档案馆")), cars.get(i), crew.get(i));
    }
    WebSession page = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);

    int fewRows = statementsOf(page, "/vehicles/board?date=" + quiet);
    int manyRows = statementsOf(page, "/vehicles/board?date=" + busy);

    assertThat(fewRows).isPositive();
    assertThat(manyRows).as("statements for 8 requests against %s for 2", manyRows, fewRows)
        .isLessThanOrEqualTo(fewRows);
  }

  @Test
  void theDriversPageReadsItsDriversInAFixedNumberOfQueries() {
    // one candidate to begin with, so both counts read the candidates' staff records
    unregisteredDriverAccount();
    WebSession page = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    int before = statementsOf(page, "/vehicles/drivers");

    // more drivers, each with a training record, and more accounts holding the driver role not yet registered
    for (int i = 0; i < 3; i++) {
      long driver = fixtures.driver(manager, LocalTime.of(8, 0), LocalTime.of(18, 0)).driverId();
      var added = page.post("/vehicles/drivers/" + driver + "/records", Map.of("_csrf",
          page.get("/vehicles/drivers").csrfToken(), "kind", "TRAINING", "heldOn", VehicleFixtures.today().toString(),
          "topic", "安全驾驶培训", "result", "合格"));
      assertThat(added.status()).isEqualTo(302);
      unregisteredDriverAccount();
    }
    int after = statementsOf(page, "/vehicles/drivers");

    assertThat(page.get("/vehicles/drivers").body()).contains("安全驾驶培训");
    assertThat(after).as("statements after adding 3 drivers and 3 candidates, against %s before", after, before)
        .isLessThanOrEqualTo(before);
  }

  @Test
  void aPlanProposalReadsItsTripsVehiclesAndDriversTogether() {
    long unit = fixtures.unit("YX", "市卫生健康委员会");
    fixtures.roomInQuota(manager, unit, "OTHER", 2);
    fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER"));
    fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER"));
    fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    LocalDate day = VehicleFixtures.weekday(13, 4);
    for (int hour = 8; hour < 12; hour++) {
      fixtures.approvedRequest("查询计数·排班", 2, "OTHER", day.atTime(hour, 0), day.atTime(hour, 40),
          List.of("市档案馆"));
    }
    var by = accounts.loadUserByUsername("vehicle.manager");
    Dispatching.Proposal planned = dispatching.planDay(day, java.time.Duration.ofSeconds(2), by);
    assertThat(planned.rows().size() + planned.unassigned().size()).isGreaterThanOrEqualTo(4);

    var read = StatementCounter.counted(() -> dispatching.proposal(planned.id(), by));

    assertThat(read.answer().rows()).isEqualTo(planned.rows());
    // the proposal's row, then its requests, their stops, vehicles and drivers (and the barred vehicles and their
    // seals when a trip found none): never one query per trip
    assertThat(read.statements()).isLessThanOrEqualTo(7);
  }

  private int statementsOf(WebSession page, String path) {
    String token = UUID.randomUUID().toString();
    WebSession.Page answer = page.get(path, StatementCounter.HEADER, token);
    assertThat(answer.status()).isEqualTo(200);
    Integer statements = StatementCounter.countedFor(token);
    assertThat(statements).as("statements counted for " + path).isNotNull();
    return statements;
  }

  private void dispatch(long request, long vehicle, long driver) {
    var answer = api.post("/api/v1/vehicle-dispatches", manager, Map.of("requestId", request, "vehicleId", vehicle,
        "driverId", driver));
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
  }

  /** A member of staff with a driver's account whom nobody has registered as driver yet: a candidate on the page. */
  private void unregisteredDriverAccount() {
    long city = fixtures.region("YX");
    long affairs = fixtures.unit("YX", "市机关事务管理局");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    String rank = jdbc.sql("select code from staff_rank order by sort_order desc limit 1").query(String.class).single();
    long staffId = jdbc.sql("""
        insert into staff (region_id, unit_id, staff_no, name, rank_code, within_establishment, status, post_title)
        values (:region, :unit, :no, :name, :rank, false, 'ACTIVE', '驾驶员') returning id""")
        .param("region", city).param("unit", affairs).param("no", "CND-" + suffix).param("name", "候选驾驶员" + suffix)
        .param("rank", rank).query(Long.class).single();
    accounts.create(new Accounts.NewAccount("candidate." + suffix, ApiClient.DEMO_PASSWORD, "候选驾驶员" + suffix,
        staffId, city, affairs, List.of(new RoleGrant(Role.DRIVER, city, null))));
  }
}
