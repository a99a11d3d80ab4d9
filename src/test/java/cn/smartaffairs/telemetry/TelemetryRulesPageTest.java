package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 定位与核查规则 as a page: what is in force, every version, a new one for the region, and refusals beside the form. */
@IntegrationTest
class TelemetryRulesPageTest {

  private static final String PAGE = "/vehicles/telemetry-rules";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aManagerSeesTheValuesInForceInEitherLanguageAndAddsTheRegionsOwnVersion() {
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    String zh = manager.get(PAGE).body();
    assertThat(zh).contains("定位与核查规则", "行驶速度下限（公里/小时）", "id=\"in-force-SPEED_LIMIT_KMH\"", "20–250",
        "全国默认");
    // the national versions were once all shown as the region's own (the region column read as never empty)
    assertThat(zh).contains("<td>全国默认</td>").doesNotContain("<td>本区域</td>");
    assertThat(manager.get(PAGE + "?lang=en").body()).contains("Positioning and audit rules", "Moving above (km/h)",
        "Speeding (km/h)", "National default").doesNotContain("超速（公里/小时）");
    manager.get("/?lang=zh");

    // far ahead, so that no other test's day reads it
    LocalDate from = LocalDate.of(2090, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(3000));
    long audited = auditedVersions();
    var added = manager.submit(PAGE, Map.of("key", "SPEED_LIMIT_KMH", "value", "100", "effectiveFrom",
        from.toString(), "source", "本地公务用车管理办法"));
    assertThat(added.status()).isEqualTo(302);
    String after = manager.get(PAGE).body();
    assertThat(after).contains("已新增“超速（公里/小时）”自 " + from + " 起的版本", "本地公务用车管理办法", "本区域");
    assertThat(auditedVersions()).isEqualTo(audited + 1);
    assertThat(jdbc.sql("""
        select value from telemetry_rule where rule_key = 'SPEED_LIMIT_KMH' and region_id is not null
           and effective_from = :from""").param("from", java.sql.Date.valueOf(from)).query(Integer.class).single())
        .isEqualTo(100);

    // a national version is the platform administrator's: refused, said on the page, nothing stored
    manager.submit(PAGE, Map.of("key", "SPEED_LIMIT_KMH", "value", "100", "effectiveFrom",
        from.plusDays(1).toString(), "national", "true"));
    assertThat(manager.get(PAGE).body()).contains("id=\"flash-error\"");
    assertThat(jdbc.sql("select count(*) from telemetry_rule where effective_from = :from")
        .param("from", java.sql.Date.valueOf(from.plusDays(1))).query(Long.class).single()).isZero();
  }

  @Test
  void aValueOutOfItsRangeOrMissingIsRefusedInTheReadersWordsAndNothingIsStored() {
    WebSession manager = new WebSession(port).signedInAs("vehicle.manager", ApiClient.DEMO_PASSWORD);
    long versions = versions();

    manager.submit(PAGE, Map.of("key", "SPEED_LIMIT_KMH", "value", "500", "effectiveFrom", "2091-03-01"));
    assertThat(manager.get(PAGE).body()).contains("“超速（公里/小时）”的数值须在 20–250 之间")
        .doesNotContain("SPEED_LIMIT_KMH 的");
    manager.submit(PAGE + "?lang=en", Map.of("key", "NIGHT_ENDS_HOUR", "value", "24", "effectiveFrom", "2091-03-01"));
    assertThat(manager.get(PAGE).body())
        .contains("The value of &quot;Night ends (hour)&quot; must lie between 0 and 23");
    manager.get("/?lang=zh");

    var missing = manager.submit(PAGE, Map.of("key", "SPEED_LIMIT_KMH", "value", "", "effectiveFrom", "soon"));
    assertThat(missing.status()).isEqualTo(302);
    String refused = manager.get(PAGE).body();
    assertThat(refused).contains("id=\"value-error\"", "id=\"effectiveFrom-error\"", "请填写此项");
    assertThat(versions()).isEqualTo(versions);
  }

  @Test
  void staffSeeNoRules() {
    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    assertThat(staff.get(PAGE).status()).isEqualTo(403);
  }

  private long versions() {
    return jdbc.sql("select count(*) from telemetry_rule").query(Long.class).single();
  }

  private long auditedVersions() {
    return jdbc.sql("select count(*) from audit_event where entity_type = 'telemetry_rule'").query(Long.class)
        .single();
  }
}
