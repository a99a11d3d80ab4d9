package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Data scope of the fleet: a county admin (青山县) does not see or change a city vehicle or dispatch — 404, never 403,
 * and nothing changes — and a city driver cannot start a trip on a county vehicle without a dispatch sheet.
 */
@IntegrationTest
class VehicleScopeTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  ApiClient api;
  VehicleFixtures fixtures;
  String manager;
  String countyAdmin;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new VehicleFixtures(api, jdbc, accounts);
    manager = api.tokenFor("vehicle.manager");
    countyAdmin = api.tokenFor("county.admin");
  }

  private long cityCar() {
    long unit = fixtures.unit("YX", "市人力资源和社会保障局");
    fixtures.roomInQuota(manager, unit, "OTHER", 1);
    return fixtures.register(manager, VehicleFixtures.vehicle(unit, "OTHER")).get("id").asLong();
  }

  private String status(long vehicle) {
    return jdbc.sql("select status from vehicle where id = :id").param("id", vehicle).query(String.class).single();
  }

  @Test
  void aCountyAdminNeitherReadsNorChangesACityVehicle() {
    long car = cityCar();

    assertThat(api.get("/api/v1/vehicles/" + car, countyAdmin).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/vehicles/" + car + "/costs", countyAdmin).status()).isEqualTo(404);
    assertThat(api.put("/api/v1/vehicles/" + car + "/status", countyAdmin, Map.of("status", "SEALED")).status())
        .isEqualTo(404);
    assertThat(api.post("/api/v1/vehicles/" + car + "/disposal", countyAdmin, Map.of("disposedOn",
        LocalDate.now(VehicleFixtures.SHANGHAI).toString(), "method", "SCRAP", "reason", "报废", "proceedsFen", 0))
        .status()).isEqualTo(404);
    assertThat(api.post("/api/v1/vehicle-costs", countyAdmin, Map.of("vehicleId", car, "kind", "FUEL",
        "amountFen", 10_000, "incurredOn", LocalDate.now(VehicleFixtures.SHANGHAI).toString())).status())
        .isEqualTo(404);

    assertThat(status(car)).isEqualTo("IN_SERVICE");
    assertThat(jdbc.sql("select count(*) from vehicle_cost where vehicle_id = :id").param("id", car)
        .query(Long.class).single()).isZero();
  }

  @Test
  void aCountyAdminCannotSeePrintOrCancelACityDispatch() {
    long car = cityCar();
    var driver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    LocalDate day = VehicleFixtures.weekday(9, 4);
    long request = fixtures.approvedRequest("送审计材料", 1, "OTHER", day.atTime(9, 0), day.atTime(10, 0),
        List.of("市档案馆"));
    ApiClient.Answer dispatched = api.post("/api/v1/vehicle-dispatches", manager, Map.of("requestId", request,
        "vehicleId", car, "driverId", driver.driverId()));
    assertThat(dispatched.status()).as(String.valueOf(dispatched.body())).isEqualTo(201);
    long dispatch = dispatched.body().get("id").asLong();

    assertThat(api.get("/api/v1/vehicle-dispatches/" + dispatch, countyAdmin).status()).isEqualTo(404);
    assertThat(api.get("/api/v1/vehicle-dispatches/" + dispatch + "/sheet.pdf", countyAdmin).status()).isEqualTo(404);
    assertThat(api.delete("/api/v1/vehicle-dispatches/" + dispatch, countyAdmin).status()).isEqualTo(404);

    assertThat(jdbc.sql("select status from vehicle_dispatch where id = :id").param("id", dispatch)
        .query(String.class).single()).isEqualTo("ACTIVE");
    // the city's manager still cancels it
    JsonNode cancelled = api.delete("/api/v1/vehicle-dispatches/" + dispatch, manager).body();
    assertThat(cancelled.get("status").asText()).isEqualTo("CANCELLED");
  }

  @Test
  void aCountyVehicleManagerCannotTellACityUnitOrStaffMemberFromAnUnknownOne() {
    String countyManager = api.tokenFor("qs.vehicle");
    long cityUnit = fixtures.unit("YX", "市人力资源和社会保障局");
    long unknownUnit = unknown("unit");
    List<Integer> quotasBefore = quotas(cityUnit);
    long auditBefore = auditRows();

    ApiClient.Answer city = api.put("/api/v1/vehicle-quotas", countyManager,
        Map.of("unitId", cityUnit, "category", "OTHER", "quota", 50));
    ApiClient.Answer unknown = api.put("/api/v1/vehicle-quotas", countyManager,
        Map.of("unitId", unknownUnit, "category", "OTHER", "quota", 50));
    assertThat(city.status()).as(String.valueOf(city.body())).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(withoutIds(city)).isEqualTo(withoutIds(unknown));
    assertThat(api.post("/api/v1/vehicles", countyManager, VehicleFixtures.vehicle(cityUnit, "OTHER")).status())
        .isEqualTo(404);

    WebSession page = new WebSession(port).signedInAs("qs.vehicle", ApiClient.DEMO_PASSWORD);
    assertThat(page.submit("/vehicles/quotas", Map.of("unitId", String.valueOf(cityUnit), "category", "OTHER",
        "quota", "50")).status()).isEqualTo(404);
    assertThat(page.submit("/vehicles/quotas", Map.of("unitId", String.valueOf(unknownUnit), "category", "OTHER",
        "quota", "50")).status()).isEqualTo(404);

    long cityStaff = jdbc.sql("""
        select s.id from staff s join region r on r.id = s.region_id
         where r.code = 'YX' and s.status = 'ACTIVE'
           and not exists (select 1 from vehicle_driver d where d.staff_id = s.id) order by s.id limit 1""")
        .query(Long.class).single();
    Map<String, Object> licence = Map.of("licenceClass", "B1",
        "licenceExpires", LocalDate.now(VehicleFixtures.SHANGHAI).plusYears(3).toString());
    var cityDriver = new java.util.HashMap<>(licence);
    cityDriver.put("staffId", cityStaff);
    var unknownDriver = new java.util.HashMap<>(licence);
    unknownDriver.put("staffId", unknown("staff"));
    assertThat(api.post("/api/v1/vehicle-drivers", countyManager, cityDriver).status()).isEqualTo(404);
    assertThat(api.post("/api/v1/vehicle-drivers", countyManager, unknownDriver).status()).isEqualTo(404);

    assertThat(quotas(cityUnit)).isEqualTo(quotasBefore);
    assertThat(jdbc.sql("select count(*) from vehicle_driver where staff_id = :id").param("id", cityStaff)
        .query(Long.class).single()).isZero();
    assertThat(auditRows()).isEqualTo(auditBefore);
    // someone with no manager role is refused whatever the id, so the answer tells nothing either
    assertThat(api.put("/api/v1/vehicle-quotas", api.tokenFor("staff"),
        Map.of("unitId", unknownUnit, "category", "OTHER", "quota", 50)).status()).isEqualTo(403);
  }

  @Test
  void aCountyDispatcherCannotTellACityRequestThatAskedNoAidFromAnUnknownOne() {
    String countyManager = api.tokenFor("qs.vehicle");
    LocalDate day = VehicleFixtures.weekday(11, 3);
    long request = fixtures.approvedRequest("送人事档案", 1, "OTHER", day.atTime(9, 0), day.atTime(10, 0),
        List.of("市档案馆"));
    long countyCar = api.get("/api/v1/vehicles?status=IN_SERVICE", countyManager).body().get(0).get("id").asLong();
    long countyDriver = api.get("/api/v1/vehicle-drivers", countyManager).body().get(0).get("id").asLong();
    long dispatchesBefore = jdbc.sql("select count(*) from vehicle_dispatch").query(Long.class).single();

    ApiClient.Answer city = api.post("/api/v1/vehicle-dispatches", countyManager,
        Map.of("requestId", request, "vehicleId", countyCar, "driverId", countyDriver));
    long unknownRequest = unknown("vehicle_request");
    ApiClient.Answer unknown = api.post("/api/v1/vehicle-dispatches", countyManager,
        Map.of("requestId", unknownRequest, "vehicleId", countyCar, "driverId", countyDriver));

    assertThat(city.status()).as(String.valueOf(city.body())).isEqualTo(404);
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(withoutIds(city)).doesNotContain("同意").isEqualTo(withoutIds(unknown));
    assertThat(jdbc.sql("select status from vehicle_request where id = :id").param("id", request)
        .query(String.class).single()).isEqualTo("APPROVED");
    assertThat(jdbc.sql("select count(*) from vehicle_dispatch").query(Long.class).single())
        .isEqualTo(dispatchesBefore);
    assertThat(jdbc.sql("select count(*) from vehicle_aid_consent where request_id = :id").param("id", request)
        .query(Long.class).single()).isZero();
  }

  /** The problem's detail with the id left out: the only thing that may differ between the two answers. */
  private static String withoutIds(ApiClient.Answer answer) {
    return answer.body().get("detail").asText().replaceAll("[0-9,]+", "#");
  }

  private long unknown(String table) {
    return jdbc.sql("select coalesce(max(id), 0) + 100000 from " + table).query(Long.class).single();
  }

  private List<Integer> quotas(long unit) {
    return jdbc.sql("select quota from vehicle_quota where unit_id = :u order by category").param("u", unit)
        .query(Integer.class).list();
  }

  private long auditRows() {
    return jdbc.sql("""
        select count(*) from audit_event
         where actor = 'qs.vehicle' and entity_type in ('vehicle_quota', 'vehicle', 'vehicle_driver')""")
        .query(Long.class).single();
  }

  @Test
  void aCityDriverCannotStartATripOnACountyVehicleWithoutADispatch() {
    var driver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    var county = jdbc.sql("""
        select v.id, v.odometer_km from vehicle v join region r on r.id = v.region_id
         where r.code = 'QS' and v.status = 'IN_SERVICE'
           and not exists (select 1 from vehicle_trip t where t.vehicle_id = v.id and t.ended_at is null)
         order by v.id limit 1""")
        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();

    ApiClient.Answer started = api.post("/api/v1/vehicle-trips", fixtures.tokenOfFresh(driver.username()),
        Map.of("vehicleId", county[0], "odometerKm", county[1] + 5, "purpose", "临时取件"));

    assertThat(started.status()).isEqualTo(404);
    assertThat(jdbc.sql("select count(*) from vehicle_trip where vehicle_id = :v and driver_id = :d")
        .param("v", county[0]).param("d", driver.driverId()).query(Long.class).single()).isZero();
  }

  @Test
  void aCityDriverStillStartsATripOnACityVehicleWithoutADispatch() {
    long car = cityCar();
    var driver = fixtures.driver(manager, LocalTime.of(7, 0), LocalTime.of(19, 0));
    int odometer = jdbc.sql("select odometer_km from vehicle where id = :id").param("id", car)
        .query(Integer.class).single();

    ApiClient.Answer started = api.post("/api/v1/vehicle-trips", fixtures.tokenOfFresh(driver.username()),
        Map.of("vehicleId", car, "odometerKm", odometer + 1, "purpose", "临时取件"));

    assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(201);
  }
}
