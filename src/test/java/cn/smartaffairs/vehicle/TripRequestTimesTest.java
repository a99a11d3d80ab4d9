package cn.smartaffairs.vehicle;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** start and end are OpenAPI date-times: with an offset they are accepted and read as that moment in Beijing time. */
@IntegrationTest
class TripRequestTimesTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;

  @Test
  void aRequestWhoseTimesCarryAnOffsetIsAcceptedInBeijingTime() {
    ApiClient api = new ApiClient(port);
    VehicleFixtures fixtures = new VehicleFixtures(api, jdbc, accounts);
    LocalDate day = VehicleFixtures.weekday(9, 3);
    var answer = api.post("/api/v1/vehicle-requests", api.tokenFor("staff"), Map.of("purpose", "带时区的用车申请",
        "passengers", 2, "category", "OTHER", "originPlaceId", fixtures.place("市行政中心"),
        "stopPlaceIds", java.util.List.of(fixtures.place("市人民医院")),
        "start", day + "T09:00:00+08:00", "end", day + "T03:30:00Z", "returnsToOrigin", true));

    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
    assertThat(answer.body().get("start").asText()).startsWith(day + "T09:00");
    assertThat(answer.body().get("end").asText()).startsWith(day + "T11:30");
  }

  @Test
  void aRequestWithAnEmptyStopIsRefusedInChinese() {
    ApiClient api = new ApiClient(port);
    VehicleFixtures fixtures = new VehicleFixtures(api, jdbc, accounts);
    LocalDate day = VehicleFixtures.weekday(9, 3);
    var stops = new java.util.ArrayList<Long>();
    stops.add(null);
    var body = new java.util.HashMap<String, Object>(Map.of("purpose", "空的途经地点", "passengers", 2,
        "category", "OTHER", "originPlaceId", fixtures.place("市行政中心"), "start", day + "T09:00",
        "end", day + "T10:00", "returnsToOrigin", true));
    body.put("stopPlaceIds", stops);

    var answer = api.post("/api/v1/vehicle-requests", api.tokenFor("staff"), body);

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("field").asText()).isEqualTo("stopPlaceIds[0]");
    assertThat(answer.body().get("detail").asText()).contains("空项");
  }
}
