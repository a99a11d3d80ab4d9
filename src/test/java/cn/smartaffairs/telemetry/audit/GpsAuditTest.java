package cn.smartaffairs.telemetry.audit;

import static cn.smartaffairs.telemetry.audit.GeneratedDay.AIRPORT_HOTEL;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.ARCHIVE;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.BEIJING;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.CENTRE;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.HOSPITAL_FAR;
import static cn.smartaffairs.telemetry.audit.GeneratedDay.PARKING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import cn.smartaffairs.support.WebSession;
import cn.smartaffairs.telemetry.jt808.PositionReport;
import cn.smartaffairs.telemetry.store.PositionRecord;
import cn.smartaffairs.telemetry.store.PositionWriter;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The GPS audit end to end on a generated day of one car: positions stored through the gateway's writer, trips derived
 * and audited, each flag seen through the API, on the compliance page and in 单车核算, the driver's odometer compared
 * once they record their trip, and a second run changing nothing. The car belongs to a unit of its own; its driver
 * works 03:00–05:00, so the dispatch boards of other tests sharing the database never prefer them.
 */
@IntegrationTest
class GpsAuditTest {

  private static final Random RANDOM = new Random();

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired PositionWriter writer;
  @Autowired GpsAudit audit;
  ApiClient api;
  String manager;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void aGeneratedDayRaisesEachFlagOnceAndARunAgainChangesNothing() throws Exception {
    api = new ApiClient(port);
    manager = api.tokenFor("vehicle.manager");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long unit = unit(suffix);
    long car = car(unit);
    String plate = api.get("/api/v1/vehicles/" + car, manager).body().get("vehicle").get("plate").asText();
    Driver driver = driver(unit, suffix);
    LocalDate day = LocalDate.now(BEIJING).plusWeeks(14).with(DayOfWeek.THURSDAY);
    long request = approvedRequest(day.atTime(3, 0), day.atTime(5, 0));
    var dispatched = api.post("/api/v1/vehicle-dispatches", manager,
        Map.of("requestId", request, "vehicleId", car, "driverId", driver.id()));
    assertThat(dispatched.status()).as(String.valueOf(dispatched.body())).isEqualTo(201);
    long dispatch = dispatched.body().get("id").asLong();
    String sheetNo = dispatched.body().get("sheetNo").asText();
    assertThat(api.post("/api/v1/vehicles/" + car + "/seals", manager, Map.of("from", "2026-09-30", "to",
        "2026-10-08")).status()).isEqualTo(200);

    store(car, generatedDay(day));
    store(car, nationalDay());
    audit.run(car, instant(day.atTime(2, 0)), instant(day.plusDays(1).atTime(9, 0)));
    audit.run(car, instant(LocalDate.of(2026, 10, 1).atStartOfDay()),
        instant(LocalDate.of(2026, 10, 2).atStartOfDay()));

    String period = "?from=" + day + "&to=" + day.plusDays(2);
    Map<String, List<JsonNode>> byKind = byKind(flags(period, car));
    assertThat(byKind.keySet()).containsExactlyInAnyOrder("ROUTE_DEVIATION", "OUTSIDE_WINDOW", "NO_SHEET",
        "SPEEDING", "NIGHT_AWAY");
    assertThat(byKind.get("NO_SHEET")).as("the errand at 10:00, the evening drive, the drive home").hasSize(3);
    JsonNode deviation = byKind.get("ROUTE_DEVIATION").get(0);
    assertThat(deviation.get("sheetNo").asText()).isEqualTo(sheetNo);
    assertThat(deviation.get("lat").decimalValue()).isEqualByComparingTo("25.080000");
    assertThat(deviation.get("trackLink").asText()).startsWith("/vehicles/" + car + "/track?from=" + day + "T03:");
    assertThat(byKind.get("OUTSIDE_WINDOW").get(0).get("allowed").decimalValue()).isEqualByComparingTo("30");
    assertThat(byKind.get("SPEEDING").get(0).get("measured").decimalValue()).isEqualByComparingTo("130");
    assertThat(byKind.get("NIGHT_AWAY").get(0).get("at").asText()).startsWith(day.plusDays(1) + "T02:00");
    Map<String, List<JsonNode>> holiday = byKind(flags("?from=2026-10-01&to=2026-10-02", car));
    assertThat(holiday.keySet()).containsExactlyInAnyOrder("NO_SHEET", "SEALED_HOLIDAY_MOVE");

    // the driver records the trip with 4 km on the odometer; the GPS says some 13: compared when they end it
    clock.stopAt(instant(day.atTime(3, 4)));
    String driverToken = api.tokenFor(driver.username());
    long trip = api.post("/api/v1/vehicle-trips", driverToken, Map.of("dispatchId", dispatch, "odometerKm", 1000))
        .body().get("id").asLong();
    clock.stopAt(instant(day.atTime(3, 40)));
    assertThat(api.post("/api/v1/vehicle-trips/" + trip + "/end", driverToken, Map.of("odometerKm", 1004)).status())
        .isEqualTo(200);
    clock.resume();
    await().atMost(Duration.ofSeconds(20)).untilAsserted(
        () -> assertThat(byKind(flags(period, car))).containsKey("ODOMETER_MISMATCH"));
    JsonNode mismatch = byKind(flags(period, car)).get("ODOMETER_MISMATCH").get(0);
    assertThat(mismatch.get("basis").decimalValue()).isEqualByComparingTo("4");
    assertThat(mismatch.get("tripId").asLong()).isEqualTo(deviation.get("tripId").asLong());

    long trips = trips(car);
    long flagChanges = flagChanges(car);
    audit.run(car, instant(day.atTime(2, 0)), instant(day.plusDays(1).atTime(9, 0)));
    assertThat(trips(car)).isEqualTo(trips).isEqualTo(6);
    assertThat(flagChanges(car)).as("a run again stores and audits nothing new").isEqualTo(flagChanges)
        .isEqualTo(10);

    assertThat(api.get("/api/v1/vehicle-gps-flags" + period, api.tokenFor("qs.vehicle")).body().toString())
        .doesNotContain("\"vehicleId\":" + car + ",");
    assertThat(api.get("/api/v1/vehicle-gps-flags" + period, api.tokenFor("staff")).status()).isEqualTo(403);
    assertThat(api.get("/api/v1/vehicle-gps-flags?from=" + day + "&to=" + day.minusDays(1), manager).status())
        .isEqualTo(400);

    WebSession pages = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    String compliance = pages.get("/vehicles/compliance?vehicleId=" + car).body();
    assertThat(compliance).contains("定位：超速", "定位：夜间未停放在指定地点", "定位：封存车辆节假日行驶",
        "/vehicles/" + car + "/track?from=", "离派车单 " + sheetNo + " 的路线");
    // the evidence link opens the deviating trip's track, with its points, for the manager; staff see no track
    var evidence = pages.get(deviation.get("trackLink").asText());
    assertThat(evidence.status()).isEqualTo(200);
    assertThat(evidence.body()).contains("定位轨迹", plate, "id=\"track-map\"", "data-track=");
    assertThat(evidence.body()).doesNotContain("个定位点：0", "id=\"track-empty\"");
    assertThat(deviation.get("trackLink").asText()).endsWith("&mark=25.080000,102.690000");
    assertThat(evidence.body()).contains("id=\"track-mark-note\"", "预警位置", "data-mark-word=");
    assertThat(pages.get(deviation.get("trackLink").asText().replaceAll("mark=.*", "mark=north")).status())
        .isEqualTo(400);
    assertThat(pages.get("/vehicles/" + car + "/track?from=yesterday&to=now").status()).isEqualTo(400);
    String speedingDay = byKind.get("SPEEDING").get(0).get("at").asText().substring(0, 10);
    var handled = pages.post("/vehicles/compliance/handled", Map.of("vehicleId", String.valueOf(car), "kind",
        "GPS_SPEEDING", "day", speedingDay, "tripId", byKind.get("SPEEDING").get(0).get("tripId").asText(), "note",
        "已约谈驾驶员", "_csrf", pages.get("/vehicles/compliance").csrfToken()));
    assertThat(handled.status()).isEqualTo(302);
    assertThat(jdbc.sql("select count(*) from vehicle_flag_handled where vehicle_id = :v and kind = 'GPS_SPEEDING'")
        .param("v", car).query(Long.class).single()).isEqualTo(1);

    JsonNode report = api.get("/api/v1/vehicle-reports/costs?from=" + day + "&to=" + day.plusDays(1), manager).body();
    JsonNode row = null;
    for (JsonNode r : report.get("rows")) {
      if (r.get("key").asText().equals(String.valueOf(car))) {
        row = r;
      }
    }
    assertThat(row).as(plate + " in 单车核算").isNotNull();
    assertThat(row.get("km").asLong()).isEqualTo(4);
    assertThat(row.get("gpsKm").decimalValue()).isEqualByComparingTo(jdbc.sql(
        "select sum(gps_km) from telemetry_trip where vehicle_id = :v and ended_at >= :from and ended_at < :to")
        .param("v", car).param("from", java.sql.Timestamp.from(instant(day.atStartOfDay())))
        .param("to", java.sql.Timestamp.from(instant(day.plusDays(2).atStartOfDay()))).query(java.math.BigDecimal.class)
        .single());
    assertThat(pages.get("/vehicles/costs?from=" + day + "&to=" + day.plusDays(1)).body())
        .contains("class=\"gps-km\">" + row.get("gpsKm").decimalValue().toPlainString() + "<");
  }

  @Test
  void theRoundReadsEachCarFromItsWatermarkAndLeavesATripUnderWayForLater() throws Exception {
    api = new ApiClient(port);
    manager = api.tokenFor("vehicle.manager");
    long car = car(unit(UUID.randomUUID().toString().substring(0, 8)));
    LocalDate day = LocalDate.now(BEIJING).minusDays(2);
    GeneratedDay positions = GeneratedDay.from(day.atTime(9, 0), PARKING).parkedOff(Duration.ofMinutes(10))
        .standing(Duration.ofMinutes(1)).driveTo(ARCHIVE, 30).switchOff().parkedOffUntil(day.atTime(11, 0))
        .standing(Duration.ofMinutes(1)).driveTo(CENTRE, 30);
    List<Fix> morning = positions.fixes();
    store(car, morning);

    audit.runDue();

    assertThat(trips(car)).isEqualTo(1);
    assertThat(watermark(car)).as("the trip under way is read again next round")
        .isEqualTo(instant(day.atTime(11, 1)));

    List<Fix> rest = positions.driveTo(PARKING, 30).switchOff().parkedOff(Duration.ofMinutes(10)).fixes();
    store(car, rest.subList(morning.size(), rest.size()));
    audit.runDue();
    audit.runDue();

    assertThat(trips(car)).isEqualTo(2);
    assertThat(watermark(car)).isEqualTo(rest.get(rest.size() - 1).at());
    assertThat(jdbc.sql("""
        select count(*) from telemetry_trip_flag f join telemetry_trip t on t.id = f.trip_id
         where t.vehicle_id = :v and f.kind = 'NO_SHEET'""").param("v", car).query(Long.class).single())
        .isEqualTo(2);
  }

  @Test
  void positionsThatArriveBehindTheWatermarkAreDerivedInTheNextRound() throws Exception {
    api = new ApiClient(port);
    manager = api.tokenFor("vehicle.manager");
    long car = car(unit(UUID.randomUUID().toString().substring(0, 8)));
    LocalDate day = LocalDate.now(BEIJING).minusDays(3);
    List<Fix> wholeDay = GeneratedDay.from(day.atTime(7, 0), PARKING).parkedOff(Duration.ofMinutes(10))
        .standing(Duration.ofMinutes(1)).driveTo(ARCHIVE, 30).driveTo(PARKING, 30).switchOff()
        .parkedOffUntil(day.atTime(9, 0)).standing(Duration.ofMinutes(1)).driveTo(ARCHIVE, 30).driveTo(CENTRE, 30)
        .driveTo(PARKING, 30).switchOff().parkedOff(Duration.ofMinutes(10)).fixes();
    Instant nine = instant(day.atTime(9, 0));
    store(car, wholeDay.stream().filter(f -> !f.at().isBefore(nine)).toList());
    audit.runDue();
    assertThat(trips(car)).isEqualTo(1);

    // the terminal was out of coverage in the morning: its blind-area batch arrives after the round read past it
    store(car, wholeDay.stream().filter(f -> f.at().isBefore(nine)).toList());
    assertThat(late(car)).isEqualTo(1);
    audit.runDue();

    assertThat(trips(car)).isEqualTo(2);
    assertThat(late(car)).as("read, and forgotten").isZero();
    assertThat(watermark(car)).isEqualTo(wholeDay.get(wholeDay.size() - 1).at());
    long flagChanges = flagChanges(car);
    audit.runDue();
    assertThat(trips(car)).isEqualTo(2);
    assertThat(flagChanges(car)).isEqualTo(flagChanges).isEqualTo(2);
  }

  @Test
  void aSheetWrittenAfterTheTripClearsItsNoSheetFlagAndCancellingTheSheetBringsItBack() throws Exception {
    api = new ApiClient(port);
    manager = api.tokenFor("vehicle.manager");
    String suffix = UUID.randomUUID().toString().substring(0, 8);
    long unit = unit(suffix);
    long car = car(unit);
    Driver driver = driver(unit, suffix);
    LocalDate day = LocalDate.now(BEIJING).plusWeeks(16).with(DayOfWeek.TUESDAY);
    store(car, GeneratedDay.from(day.atTime(3, 0), PARKING).parkedOff(Duration.ofMinutes(5))
        .standing(Duration.ofMinutes(1)).driveTo(CENTRE, 40).driveTo(ARCHIVE, 40).driveTo(CENTRE, 40)
        .driveTo(PARKING, 40).switchOff().parkedOff(Duration.ofMinutes(10)).fixes());
    audit.run(car, instant(day.atTime(2, 0)), instant(day.atTime(6, 0)));
    String period = "?from=" + day + "&to=" + day.plusDays(1);
    assertThat(byKind(flags(period, car)).keySet()).containsExactly("NO_SHEET");

    // the sheet is written after the drive (补派车单): the trip is checked against it again, and is in order
    long request = approvedRequest(day.atTime(3, 0), day.atTime(5, 0));
    var dispatched = api.post("/api/v1/vehicle-dispatches", manager,
        Map.of("requestId", request, "vehicleId", car, "driverId", driver.id()));
    assertThat(dispatched.status()).as(String.valueOf(dispatched.body())).isEqualTo(201);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(flags(period, car)).isEmpty());

    assertThat(api.delete("/api/v1/vehicle-dispatches/" + dispatched.body().get("id").asLong(), manager).status())
        .isEqualTo(200);
    await().atMost(Duration.ofSeconds(20)).untilAsserted(
        () -> assertThat(byKind(flags(period, car)).keySet()).containsExactly("NO_SHEET"));
  }

  // ---- the generated days --------------------------------------------------------------------------------------

  /**
   * 03:05 the dispatched trip with a detour by the hospital (route deviation; the odometer says 4 km); 04:40 an
   * errand that runs on an hour past the approved window; 10:00 a drive to the airport at 130 km/h without a sheet;
   * 19:20 to the airport hotel, a night there, home at 07:30 — both without a sheet.
   */
  private static List<Fix> generatedDay(LocalDate day) {
    GeneratedDay positions = GeneratedDay.from(day.atTime(2, 50), PARKING).parkedOff(Duration.ofMinutes(14))
        .standing(Duration.ofMinutes(1)).driveTo(CENTRE, 40).driveTo(HOSPITAL_FAR, 40).driveTo(ARCHIVE, 40)
        .driveTo(CENTRE, 40).driveTo(PARKING, 40).switchOff().parkedOffUntil(day.atTime(4, 40))
        .standing(Duration.ofMinutes(1)).driveTo(CENTRE, 20);
    for (int errand = 0; errand < 6; errand++) {
      positions.driveTo(ARCHIVE, 20).standing(Duration.ofMinutes(4)).driveTo(CENTRE, 20)
          .standing(Duration.ofMinutes(4));
    }
    return positions.driveTo(PARKING, 20).switchOff().parkedOffUntil(day.atTime(10, 0))
        .standing(Duration.ofMinutes(1)).driveTo(CENTRE, 40).driveTo(AIRPORT_HOTEL, 130).driveTo(PARKING, 90)
        .switchOff().parkedOffUntil(day.atTime(19, 20)).standing(Duration.ofMinutes(1)).driveTo(AIRPORT_HOTEL, 60)
        .switchOff().parkedOffUntil(day.plusDays(1).atTime(7, 30)).standing(Duration.ofMinutes(1))
        .driveTo(PARKING, 60).switchOff().parkedOff(Duration.ofMinutes(10)).fixes();
  }

  /** 国庆节: the sealed car out to the archive and back. */
  private static List<Fix> nationalDay() {
    return GeneratedDay.from(LocalDateTime.of(2026, 10, 1, 9, 50), PARKING).parkedOff(Duration.ofMinutes(10))
        .standing(Duration.ofMinutes(1)).driveTo(ARCHIVE, 30).driveTo(PARKING, 30).switchOff()
        .parkedOff(Duration.ofMinutes(10)).fixes();
  }

  /** Stores the positions as the gateway does: through the writer, acknowledged after their commit. */
  private void store(long car, List<Fix> fixes) throws InterruptedException {
    List<List<PositionRecord>> batches = new ArrayList<>();
    for (int i = 0; i < fixes.size(); i += 500) {
      batches.add(fixes.subList(i, Math.min(fixes.size(), i + 500)).stream()
          .map(f -> new PositionRecord(car, new PositionReport(f.alarmFlags(), f.statusFlags(), f.latitude(),
              f.longitude(), 1900, f.speedDkmh(), 90, LocalDateTime.ofInstant(f.at(), ZoneOffset.ofHours(8)), null,
              null, null), Instant.now()))
          .toList());
    }
    CountDownLatch stored = new CountDownLatch(batches.size());
    AtomicBoolean failed = new AtomicBoolean();
    batches.forEach(batch -> writer.submit(batch, ok -> {
      failed.compareAndSet(false, !ok);
      stored.countDown();
    }));
    assertThat(stored.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(failed).isFalse();
  }

  // ---- the car, its unit, its driver and its sheet ---------------------------------------------------------------

  private long unit(String suffix) {
    long city = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    return jdbc.sql("""
        insert into unit (region_id, code, name, government_level, nature, approved_headcount, sort_order)
        values (:region, :code, :name, 'CITY', 'PARTY_GOVERNMENT', 5, 9999) returning id""")
        .param("region", city).param("code", "GPS-" + suffix).param("name", "定位核查测试单位" + suffix)
        .query(Long.class).single();
  }

  private long car(long unit) {
    assertThat(api.put("/api/v1/vehicle-quotas", manager, Map.of("unitId", unit, "category", "OTHER", "quota", 1))
        .status()).isEqualTo(200);
    LocalDate today = LocalDate.now(BEIJING);
    for (int attempt = 0;; attempt++) {
      Map<String, Object> draft = new HashMap<>();
      draft.put("unitId", unit);
      draft.put("plate", "云" + "BCEFGHJKLMNPQRSTUVWXY".charAt(RANDOM.nextInt(21))
          + String.format("%05d", RANDOM.nextInt(100_000)));
      draft.put("category", "OTHER");
      draft.put("brand", "红旗");
      draft.put("model", "H5 1.5T");
      draft.put("domestic", true);
      draft.put("newEnergy", false);
      draft.put("displacementMl", 1498);
      draft.put("priceFen", 11_000_000L);
      draft.put("seats", 5);
      draft.put("purchasedOn", today.minusMonths(1).toString());
      draft.put("odometerKm", 1000);
      draft.put("parkingPlace", "市机关车队停车场");
      draft.put("parkingLat", PARKING[0]);
      draft.put("parkingLon", PARKING[1]);
      draft.put("insuranceUntil", today.plusYears(1).toString());
      draft.put("inspectionUntil", today.plusYears(1).toString());
      var answer = api.post("/api/v1/vehicles", manager, draft);
      if (answer.status() == 409 && attempt < 5) {
        continue; // the random plate was taken
      }
      assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
      return answer.body().get("id").asLong();
    }
  }

  record Driver(long id, String username) {}

  private Driver driver(long unit, String suffix) {
    long city = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    String rank = jdbc.sql("select code from staff_rank order by sort_order desc limit 1").query(String.class).single();
    long staffId = jdbc.sql("""
        insert into staff (region_id, unit_id, staff_no, name, rank_code, within_establishment, status, post_title)
        values (:region, :unit, :no, :name, :rank, false, 'ACTIVE', '驾驶员') returning id""")
        .param("region", city).param("unit", unit).param("no", "GPS-" + suffix).param("name", "核查驾驶员" + suffix)
        .param("rank", rank).query(Long.class).single();
    String username = "gdriver." + suffix;
    accounts.create(new Accounts.NewAccount(username, ApiClient.DEMO_PASSWORD, "核查驾驶员", staffId, city, unit,
        List.of(new RoleGrant(Role.DRIVER, city, null), new RoleGrant(Role.STAFF, city, null))));
    var registered = api.post("/api/v1/vehicle-drivers", manager, Map.of("staffId", staffId, "licenceClass", "B1",
        "licenceExpires", LocalDate.now(BEIJING).plusYears(3).toString(), "shiftStart", "03:00", "shiftEnd", "05:00"));
    assertThat(registered.status()).as(String.valueOf(registered.body())).isEqualTo(201);
    return new Driver(registered.body().get("id").asLong(), username);
  }

  /** A request 市行政中心 → 市档案馆 → back, submitted by the demo staff member and approved in both steps. */
  private long approvedRequest(LocalDateTime start, LocalDateTime end) {
    long origin = place("市行政中心");
    var submitted = api.post("/api/v1/vehicle-requests", api.tokenFor("staff"), Map.of("purpose", "凌晨送档案",
        "passengers", 1, "category", "OTHER", "originPlaceId", origin, "stopPlaceIds", List.of(place("市档案馆")),
        "start", start.toString(), "end", end.toString(), "returnsToOrigin", true));
    assertThat(submitted.status()).as(String.valueOf(submitted.body())).isEqualTo(201);
    long id = submitted.body().get("id").asLong();
    long approvalId = api.get("/api/v1/vehicle-requests/" + id, api.tokenFor("staff")).body()
        .get("approvalRequestId").asLong();
    for (String approver : List.of("unit.head", "vehicle.manager")) {
      String token = api.tokenFor(approver);
      for (JsonNode task : api.get("/api/v1/approvals/tasks", token).body()) {
        if (task.get("requestId").asLong() == approvalId) {
          assertThat(api.post("/api/v1/approvals/tasks/" + task.get("taskId").asLong() + "/approve", token,
              Map.of("comment", "同意")).status()).isEqualTo(200);
        }
      }
    }
    await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(jdbc.sql(
        "select status from vehicle_request where id = :id").param("id", id).query(String.class).single())
        .isEqualTo("APPROVED"));
    return id;
  }

  private long place(String name) {
    return jdbc.sql("select id from vehicle_place where name = :name").param("name", name).query(Long.class).single();
  }

  // ---- reading back ---------------------------------------------------------------------------------------------

  private List<JsonNode> flags(String period, long car) {
    var answer = api.get("/api/v1/vehicle-gps-flags" + period, manager);
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(200);
    List<JsonNode> flags = new ArrayList<>();
    answer.body().forEach(f -> {
      if (f.get("vehicleId").asLong() == car) {
        flags.add(f);
      }
    });
    return flags;
  }

  private static Map<String, List<JsonNode>> byKind(List<JsonNode> flags) {
    Map<String, List<JsonNode>> byKind = new HashMap<>();
    flags.forEach(f -> byKind.computeIfAbsent(f.get("kind").asText(), k -> new ArrayList<>()).add(f));
    return byKind;
  }

  private long trips(long car) {
    return jdbc.sql("select count(*) from telemetry_trip where vehicle_id = :v").param("v", car).query(Long.class)
        .single();
  }

  /** Changes to the car's flags in the audit trail. */
  private long flagChanges(long car) {
    return jdbc.sql("""
        select count(*) from audit_event where entity_type = 'telemetry_trip_flag'
           and coalesce(after_state, before_state) ->> 'tripId' in
               (select cast(id as text) from telemetry_trip where vehicle_id = :v)""")
        .param("v", car).query(Long.class).single();
  }

  /** Whether positions that arrived behind the car's watermark are waiting to be read. */
  private long late(long car) {
    return jdbc.sql("select count(*) from telemetry_trip_late where vehicle_id = :v").param("v", car)
        .query(Long.class).single();
  }

  private Instant watermark(long car) {
    return jdbc.sql("select derived_until from telemetry_trip_watermark where vehicle_id = :v").param("v", car)
        .query((rs, n) -> rs.getObject(1, java.time.OffsetDateTime.class).toInstant()).single();
  }

  private static Instant instant(LocalDateTime local) {
    return local.atZone(BEIJING).toInstant();
  }
}
