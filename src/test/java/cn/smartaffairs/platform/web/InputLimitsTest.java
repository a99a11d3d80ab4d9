package cn.smartaffairs.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The platform's input limits, seen from outside: over-long texts, control characters and dates out of range are
 * refused as a 400 in Chinese naming the field, on the API and on pages, and nothing of the request is stored.
 */
@IntegrationTest
class InputLimitsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aOneMegabyteTextIsRefusedNamingItsFieldAndNothingIsStored() {
    ApiClient api = new ApiClient(port);
    String manager = api.tokenFor("meeting.manager");
    String name = "超长楼名测试室-" + System.nanoTime();

    var answer = api.post("/api/v1/meeting-rooms", manager, Map.of("name", name, "building", "楼".repeat(1024 * 1024),
        "capacity", 10, "equipment", List.of(), "needsApproval", false));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("field").asText()).isEqualTo("building");
    assertThat(answer.body().get("detail").asText()).isEqualTo("building：过长：最多 2000 个字符");
    assertThat(jdbc.sql("select count(*) from meeting_room where name = :name").param("name", name)
        .query(Long.class).single()).isZero();
  }

  @Test
  void controlCharactersAndYearsOutOfRangeAreRefusedInBodiesAndParameters() {
    ApiClient api = new ApiClient(port);
    String manager = api.tokenFor("meeting.manager");

    var nul = api.post("/api/v1/meeting-rooms", manager, Map.of("name", "空\u0000字符", "building", "一号楼",
        "capacity", 10, "equipment", List.of(), "needsApproval", false));
    assertThat(nul.status()).isEqualTo(400);
    assertThat(nul.body().get("field").asText()).isEqualTo("name");
    assertThat(nul.body().get("detail").asText()).contains("控制字符");

    var farFuture = api.get("/api/v1/meeting-rooms/1/availability?date=%2B10000-01-01", manager);
    assertThat(farFuture.status()).isEqualTo(400);
    assertThat(farFuture.body().get("field").asText()).isEqualTo("date");
    assertThat(farFuture.body().get("detail").asText()).contains("1900", "9999");

    var missing = api.get("/api/v1/meeting-rooms/1/availability", manager);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("detail").asText()).contains("缺少必填参数");

    var english = api.getIn("/api/v1/meeting-rooms/1/availability", manager, "en");
    assertThat(english.body().get("detail").asText()).contains("required parameter is missing");
  }

  @Test
  void aRowFormWithAnOverLongTextShowsTheErrorPageInChineseAndStoresNothing() {
    WebSession manager = new WebSession(port).signedInAs("meeting.manager", ApiClient.DEMO_PASSWORD);
    String comment = "意见".repeat(1500);
    long before = jdbc.sql("select count(*) from approval_task where status <> 'OPEN'").query(Long.class).single();

    // an approval's decision is a row form of request parameters: the text is refused before any handler runs
    var page = manager.post("/approvals/tasks/1/reject", Map.of("comment", comment,
        "_csrf", manager.get("/meeting-rooms").csrfToken()));

    assertThat(page.status()).isEqualTo(400);
    // the message names the field in words, not by its code (the page around it, menu links included, may)
    String message = page.body().replaceAll("(?s).*<p[^>]*id=\"error-message\"[^>]*>(.*?)</p>.*", "$1");
    assertThat(message).contains("过长：最多 2000 个字符").doesNotContain("comment");
    assertThat(jdbc.sql("select count(*) from approval_task where status <> 'OPEN'").query(Long.class).single())
        .isEqualTo(before);
  }

  @Test
  void aFormWithAnOverLongTextNamesTheLimitBesideTheFieldAndStoresNothing() {
    WebSession manager = new WebSession(port).signedInAs("meeting.manager", ApiClient.DEMO_PASSWORD);
    String name = "超长表单测试室-" + System.nanoTime();

    var page = manager.submit("/meeting-rooms/admin", Map.of("name", name, "building", "楼".repeat(3000),
        "capacity", "10", "opensAt", "08:00", "closesAt", "21:00"));

    // a form bound to a form object goes back to its page with the limit beside the field, in Chinese
    assertThat(page.status()).isEqualTo(302);
    String shown = manager.get(page.redirectPath()).body();
    assertThat(cn.smartaffairs.support.FieldErrors.of(shown, "new-building")).contains("过长：最多 2000 个字符");
    assertThat(cn.smartaffairs.support.FieldErrors.value(shown, "new-name")).isEqualTo(name);
    assertThat(jdbc.sql("select count(*) from meeting_room where name = :name").param("name", name)
        .query(Long.class).single()).isZero();
  }

}
