package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.TestClock;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The scenario, over the API with the clock stopped at each moment: a staff member reports a leaking tap
 * with a photo at 21:00 on a Saturday; it goes to the repair worker on duty; resolved, confirmed, visited, closed.
 * Saturday 2026-09-19 is followed by a make-up working Sunday before National Day, so the deadline falls then.
 */
@IntegrationTest
class SaturdayNightLeakEndToEndTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @LocalServerPort int port;
  @Autowired TestClock clock;
  @Autowired DutyRota dutyRota;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @AfterEach
  void resumeTime() {
    clock.resume();
  }

  private static Instant at(int month, int day, int hour, int minute) {
    return ZonedDateTime.of(2026, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
  }

  private Instant stored(long id, String column) {
    // the column name is one of this test's literals
    return jdbc.sql("select " + column + " from work_order where id = :id").param("id", id)
        .query(java.sql.Timestamp.class).single().toInstant();
  }

  @Test
  void aLeakReportedAt21OnSaturdayIsHandledByTheWorkerOnDutyAndClosedWithEveryStepTimed() throws Exception {
    var api = new ApiClient(port);
    String staff = api.tokenFor("staff");
    String worker = api.tokenFor("worker");
    String manager = api.tokenFor("repair.manager");
    long workerId = accounts.loadUserByUsername("worker").userId();
    dutyRota.addShift(workerId, "REPAIR", at(9, 19, 17, 30), at(9, 20, 8, 30),
        accounts.loadUserByUsername("repair.manager"));

    clock.stopAt(at(9, 19, 21, 0));
    JsonNode created = api
        .post("/api/v1/work-orders", staff, Map.of("category", "REPAIR_PLUMBING", "priority", "URGENT",
            "description", "卫生间水龙头漏水不止", "location", Map.of("building", "市行政中心1号楼", "floor", "4", "room", "402")))
        .body();
    long id = created.get("id").asLong();
    assertThat(created.get("status").asText()).as("sent to the worker on duty").isEqualTo("DISPATCHED");
    assertThat(created.get("assigneeUserId").asLong()).isEqualTo(workerId);
    assertThat(Instant.parse(created.get("respondDueAt").asText())).isEqualTo(at(9, 19, 21, 30));
    assertThat(Instant.parse(created.get("resolveDueAt").asText())).as("close of the make-up working Sunday")
        .isEqualTo(at(9, 20, 17, 30));
    assertThat(uploadPhoto(id, staff)).isEqualTo(201);

    clock.stopAt(at(9, 19, 21, 8));
    move(api, worker, id, "accept");
    clock.stopAt(at(9, 19, 21, 35));
    move(api, worker, id, "arrive");
    clock.stopAt(at(9, 19, 22, 20));
    move(api, worker, id, "resolve");
    clock.stopAt(at(9, 20, 9, 0));
    move(api, staff, id, "confirm");
    clock.stopAt(at(9, 21, 10, 0));
    api.post("/api/v1/work-orders/" + id + "/transitions", manager,
        Map.of("action", "visit", "satisfaction", "SATISFIED", "comment", "夜间也很及时"));
    clock.stopAt(at(9, 21, 10, 5));
    JsonNode closed = move(api, manager, id, "close");

    assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
    assertThat(stored(id, "received_at")).isEqualTo(at(9, 19, 21, 0));
    assertThat(stored(id, "dispatched_at")).isEqualTo(at(9, 19, 21, 0));
    assertThat(stored(id, "accepted_at")).isEqualTo(at(9, 19, 21, 8));
    assertThat(stored(id, "arrived_at")).isEqualTo(at(9, 19, 21, 35));
    assertThat(stored(id, "resolved_at")).isEqualTo(at(9, 19, 22, 20));
    assertThat(stored(id, "confirmed_at")).isEqualTo(at(9, 20, 9, 0));
    assertThat(stored(id, "visited_at")).isEqualTo(at(9, 21, 10, 0));
    assertThat(stored(id, "closed_at")).isEqualTo(at(9, 21, 10, 5));
    assertThat(stored(id, "accepted_at")).as("answered in time").isBefore(stored(id, "respond_due_at"));
    assertThat(stored(id, "resolved_at")).as("resolved in time").isBefore(stored(id, "resolve_due_at"));
    assertThat(closed.get("history")).hasSize(8);
    assertThat(closed.get("history").get(1).get("actor").asText()).isEqualTo("system");
  }

  @Test
  void anOrderReceivedOnTheEveOfNationalDayIsDueAfterTheHoliday() {
    var api = new ApiClient(port);
    String manager = api.tokenFor("repair.manager");
    clock.stopAt(at(9, 30, 16, 0));
    JsonNode created = api.post("/api/v1/work-orders", manager, Map.of("category", "HOTLINE_REQUEST",
        "description", "来电反映车库照明不足", "requester", Map.of("name", "热线来电人"))).body();
    assertThat(Instant.parse(created.get("respondDueAt").asText())).as("1.5 office hours before, 0.5 after the holiday")
        .isEqualTo(at(10, 8, 9, 0));
    assertThat(Instant.parse(created.get("resolveDueAt").asText())).as("Oct 8, 9 and the make-up Saturday 10")
        .isEqualTo(at(10, 10, 17, 30));
  }

  private JsonNode move(ApiClient api, String token, long id, String action) {
    var answer = api.post("/api/v1/work-orders/" + id + "/transitions", token, Map.of("action", action));
    assertThat(answer.status()).as(action).isEqualTo(200);
    return answer.body();
  }

  private int uploadPhoto(long id, String token) throws Exception {
    var image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
    var png = new ByteArrayOutputStream();
    ImageIO.write(image, "jpeg", png);
    String boundary = "----leak" + System.nanoTime();
    var body = new ByteArrayOutputStream();
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"tap.jpg\"\r\n"
        + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    body.write(png.toByteArray());
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    var request = HttpRequest
        .newBuilder(URI.create("http://localhost:" + port + "/api/v1/work-orders/" + id + "/photos"))
        .header("Authorization", "Bearer " + token).header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
    return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
  }
}
