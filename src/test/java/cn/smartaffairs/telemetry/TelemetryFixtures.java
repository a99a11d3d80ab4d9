package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.support.ApiClient;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Small builders for telemetry tests: vehicles registered through the vehicle API, fresh phones and terminal ids. */
final class TelemetryFixtures {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final String LETTERS = "BCEFGHJKLMNPQRSTUVWXY";
  private static final Random RANDOM = new Random();

  private final ApiClient api;
  private final JdbcClient jdbc;

  TelemetryFixtures(ApiClient api, JdbcClient jdbc) {
    this.api = api;
    this.jdbc = jdbc;
  }

  /** An 11-digit mobile number no terminal has. */
  String freshPhone() {
    while (true) {
      String phone = "14" + String.format("%09d", RANDOM.nextInt(1_000_000_000));
      if (jdbc.sql("select count(*) from telemetry_terminal where phone = :p").param("p", phone).query(Long.class)
          .single() == 0) {
        return phone;
      }
    }
  }

  static String freshTerminalId() {
    return "T" + String.format("%06d", RANDOM.nextInt(1_000_000));
  }

  /** A vehicle of the city's 市教育局 in service, registered by the city's vehicle manager. */
  JsonNode vehicle(String managerToken) {
    long unit = jdbc.sql("""
        select u.id from org_unit u join region r on r.id = u.region_id where r.code = 'YX' and u.name = '市教育局'""")
        .query(Long.class).single();
    long held = jdbc
        .sql("select count(*) from vehicle where unit_id = :u and category = 'OTHER' and status <> 'DISPOSED'")
        .param("u", unit).query(Long.class).single();
    assertThat(api.put("/api/v1/vehicle-quotas", managerToken,
        Map.of("unitId", unit, "category", "OTHER", "quota", held + 1)).status()).isEqualTo(200);
    LocalDate today = LocalDate.now(BEIJING);
    for (int attempt = 0;; attempt++) {
      Map<String, Object> draft = new HashMap<>();
      draft.put("unitId", unit);
      draft.put("plate", "云" + LETTERS.charAt(RANDOM.nextInt(LETTERS.length()))
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
      draft.put("parkingLat", 25.0398);
      draft.put("parkingLon", 102.7140);
      draft.put("insuranceUntil", today.plusYears(1).toString());
      draft.put("inspectionUntil", today.plusYears(1).toString());
      var answer = api.post("/api/v1/vehicles", managerToken, draft);
      if (answer.status() == 409 && attempt < 5) {
        continue; // the random plate was taken
      }
      assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
      return answer.body();
    }
  }

  /** Binds a terminal through the API; answers the binding. */
  JsonNode bind(String managerToken, long vehicleId, String phone, String terminalId, String protocol) {
    var answer = api.post("/api/v1/vehicle-terminals", managerToken,
        Map.of("vehicleId", vehicleId, "phone", phone, "terminalId", terminalId, "protocol", protocol));
    assertThat(answer.status()).as(String.valueOf(answer.body())).isEqualTo(201);
    return answer.body();
  }
}
