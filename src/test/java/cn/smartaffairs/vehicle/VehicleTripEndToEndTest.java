package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.RecordedEvents;
import cn.smartaffairs.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One trip through the whole loop over the API: a member of staff asks, unit head and vehicle manager approve, the
 * optimiser plans the day and the dispatcher confirms, the dispatch sheet prints with its QR code, the driver starts
 * and ends the trip, the requester confirms, and the trip's costs show in 单车核算 and the published register.
 */
@IntegrationTest
class VehicleTripEndToEndTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired TestClock clock;
  @Autowired ApplicationContext context;

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void aRequestIsApprovedPlannedPrintedDrivenConfirmedAndAccounted() throws Exception {
    ApiClient api = new ApiClient(port);
    VehicleFixtures fixtures = new VehicleFixtures(api, jdbc, accounts);
    String manager = api.tokenFor("vehicle.manager");
    String staff = api.tokenFor("staff");
    // the demo drivers' shifts end at 19:00: only evening drivers (this one, or another test's) can take the trip
    fixtures.driver(manager, LocalTime.of(19, 0), LocalTime.of(23, 30));
    LocalDate day = VehicleFixtures.weekday(5, 3);

    long requestId = fixtures.submit("晚间接送评审专家", 3, "OTHER", day.atTime(20, 0), day.atTime(21, 30),
        List.of("市人民医院"));
    assertThat(api.get("/api/v1/vehicle-requests/" + requestId, staff).body().get("status").asText())
        .isEqualTo("PENDING");
    fixtures.approve(requestId);
    JsonNode approved = api.get("/api/v1/vehicle-requests/" + requestId, staff).body();
    assertThat(approved.get("status").asText()).isEqualTo("APPROVED");
    assertThat(approved.get("plannedKm").asDouble()).isBetween(3.0, 6.0);
    assertThat(ids(api.get("/api/v1/vehicle-board?date=" + day, manager).body())).contains(requestId);

    var planned = api.post("/api/v1/vehicle-plans", manager, Map.of("day", day.toString(), "seconds", 2));
    assertThat(planned.status()).as(String.valueOf(planned.body())).isEqualTo(201);
    JsonNode row = StreamSupport.stream(planned.body().get("rows").spliterator(), false)
        .filter(r -> r.get("requestId").asLong() == requestId).findFirst().orElseThrow();
    long plannedDriver = row.get("driverId").asLong();
    var shift = jdbc.sql("select shift_start, shift_end from vehicle_driver where id = :id").param("id", plannedDriver)
        .query((rs, n) -> new LocalTime[] {rs.getTime(1).toLocalTime(), rs.getTime(2).toLocalTime()}).single();
    assertThat(shift[0]).isBeforeOrEqualTo(LocalTime.of(20, 0));
    assertThat(shift[1]).isAfterOrEqualTo(LocalTime.of(21, 30));
    String driverAccount = jdbc.sql("select a.username from vehicle_driver d join user_account a on a.id = d.user_id"
        + " where d.id = :id").param("id", plannedDriver).query(String.class).single();
    long proposalId = planned.body().get("id").asLong();

    var confirmed = api.post("/api/v1/vehicle-plans/" + proposalId + "/confirmation", manager, Map.of());
    assertThat(confirmed.status()).isEqualTo(200);
    JsonNode dispatch = StreamSupport.stream(confirmed.body().spliterator(), false)
        .filter(d -> d.get("requestId").asLong() == requestId).findFirst().orElseThrow();
    assertThat(dispatch.get("mode").asText()).isEqualTo("OPTIMISED");
    assertThat(dispatch.get("vehicleId").asLong()).isEqualTo(row.get("vehicleId").asLong());
    assertThat(api.get("/api/v1/vehicle-requests/" + requestId, staff).body().get("status").asText())
        .isEqualTo("DISPATCHED");
    assertThat(api.post("/api/v1/vehicle-plans/" + proposalId + "/confirmation", manager, Map.of()).status())
        .isEqualTo(409);
    long dispatchId = dispatch.get("id").asLong();
    String plate = dispatch.get("plate").asText();

    byte[] sheet = pdf("/api/v1/vehicle-dispatches/" + dispatchId + "/sheet.pdf", staff);
    try (PDDocument document = Loader.loadPDF(sheet)) {
      assertThat(new PDFTextStripper().getText(document)).contains("公务用车派车单", "晚间接送评审专家", plate,
          "市行政中心 → 市人民医院 → 市行政中心", "驾驶员签字");
      // the whole page is scanned for the code, so the reader is told to look hard (the code's size varies with the sheet)
      String qr = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(
          new PDFRenderer(document).renderImageWithDPI(0, 300)))),
          Map.of(DecodeHintType.CHARACTER_SET, "UTF-8", DecodeHintType.TRY_HARDER, Boolean.TRUE))
          .getText();
      assertThat(qr).contains("派车单:PC", "单位:市财政局", "事由:晚间接送评审专家", "路线:市行政中心 → 市人民医院",
          "车辆:" + plate, "出车:" + day + " 20:00", "返回:" + day + " 21:30", "驾驶员:测试驾驶员", "里程表:/", "通行费:");
    }
    assertThat(api.get("/api/v1/vehicle-dispatches/" + dispatchId + "/sheet.pdf", api.tokenFor("qs.vehicle")).status())
        .isEqualTo(404);

    int odometer = api.get("/api/v1/vehicles/" + dispatch.get("vehicleId").asLong(), manager).body()
        .get("vehicle").get("odometerKm").asInt();
    clock.stopAt(day.atTime(19, 55).atZone(VehicleFixtures.SHANGHAI).toInstant());
    // tokens live 8 hours on the clock, which has just moved weeks ahead
    String driver = fixtures.tokenOfFresh(driverAccount);
    staff = api.tokenFor("staff");
    manager = api.tokenFor("vehicle.manager");
    var started = api.post("/api/v1/vehicle-trips", driver, Map.of("dispatchId", dispatchId, "odometerKm", odometer));
    assertThat(started.status()).as(String.valueOf(started.body())).isEqualTo(201);
    long tripId = started.body().get("id").asLong();
    assertThat(api.post("/api/v1/vehicle-trips/" + tripId + "/confirmation", staff, Map.of()).status()).isEqualTo(409);
    clock.stopAt(day.atTime(21, 20).atZone(VehicleFixtures.SHANGHAI).toInstant());
    ApiClient.Answer ended;
    try (var tripsEnded = RecordedEvents.of(context, TripEnded.class)) {
      ended = api.post("/api/v1/vehicle-trips/" + tripId + "/end", driver, Map.of("odometerKm", odometer + 5,
          "tollsFen", 1500, "parkingFen", 1000, "fuelLitres", 0.8, "energyCostFen", 600));
      // other modules hear of it: 5 km, tolls + parking + fuel
      assertThat(tripsEnded.list()).filteredOn(e -> e.tripId() == tripId).singleElement()
          .satisfies(e -> assertThat(e.distanceKm()).isEqualTo(5))
          .satisfies(e -> assertThat(e.costFen()).isEqualTo(1500 + 1000 + 600))
          .satisfies(e -> assertThat(e.dispatchId()).isEqualTo(dispatchId));
    }
    assertThat(ended.status()).as(String.valueOf(ended.body())).isEqualTo(200);
    assertThat(api.post("/api/v1/vehicle-trips/" + tripId + "/confirmation", manager, Map.of()).status())
        .isEqualTo(400);
    var confirmedTrip = api.post("/api/v1/vehicle-trips/" + tripId + "/confirmation", staff, Map.of());
    assertThat(confirmedTrip.status()).isEqualTo(200);
    assertThat(confirmedTrip.body().get("confirmedAt").isNull()).isFalse();
    assertThat(api.get("/api/v1/vehicle-requests/" + requestId, staff).body().get("status").asText())
        .isEqualTo("COMPLETED");
    assertThat(api.get("/api/v1/vehicles/" + dispatch.get("vehicleId").asLong(), manager).body().get("vehicle")
        .get("odometerKm").asInt()).isEqualTo(odometer + 5);

    JsonNode report = api.get("/api/v1/vehicle-reports/costs?from=" + day + "&to=" + day + "&groupBy=VEHICLE", manager)
        .body();
    JsonNode line = StreamSupport.stream(report.get("rows").spliterator(), false)
        .filter(r -> r.get("label").asText().startsWith(plate)).findFirst().orElseThrow();
    assertThat(line.get("km").asLong()).isEqualTo(5);
    assertThat(line.get("costsFen").get("TOLL").asLong()).isEqualTo(1500);
    assertThat(line.get("costsFen").get("PARKING").asLong()).isEqualTo(1000);
    assertThat(line.get("costsFen").get("FUEL").asLong()).isEqualTo(600);
    assertThat(line.get("totalFen").asLong()).isEqualTo(3100);
    assertThat(line.get("costPerKmFen").asDouble()).isEqualTo(620.0);
    assertThat(line.get("litresPer100Km").asDouble()).isEqualTo(16.0);
    assertThat(report.get("fleet").get("km").asLong()).isGreaterThanOrEqualTo(5);
    JsonNode byUnit = api.get("/api/v1/vehicle-reports/costs?from=" + day + "&to=" + day + "&groupBy=CATEGORY", manager)
        .body();
    assertThat(StreamSupport.stream(byUnit.get("rows").spliterator(), false).map(r -> r.get("label").asText()))
        .contains("其他按规定配备");

    JsonNode register = api.get("/api/v1/vehicle-reports/trip-register?from=" + day + "&to=" + day, manager).body();
    JsonNode published = StreamSupport.stream(register.spliterator(), false)
        .filter(r -> r.get("plate").asText().equals(plate)).findFirst().orElseThrow();
    assertThat(published.get("purpose").asText()).isEqualTo("晚间接送评审专家");
    assertThat(published.get("km").asInt()).isEqualTo(5);
    assertThat(published.get("costFen").asLong()).isEqualTo(3100);
    assertThat(published.get("confirmed").asBoolean()).isTrue();

    JsonNode flags = api.get("/api/v1/vehicles/" + dispatch.get("vehicleId").asLong(), manager).body().get("flags");
    assertThat(StreamSupport.stream(flags.spliterator(), false)
        .filter(f -> f.has("tripId") && f.get("tripId").asLong() == tripId))
        .isEmpty();
  }

  private byte[] pdf(String path, String token) throws Exception {
    HttpResponse<byte[]> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofByteArray());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
    return response.body();
  }

  private static List<Long> ids(JsonNode list) {
    return StreamSupport.stream(list.spliterator(), false).map(n -> n.get("id").asLong()).toList();
  }
}
