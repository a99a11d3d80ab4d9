package cn.smartaffairs.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The calendar-day form refuses a day without date and name on both fields, in Chinese and in English. */
@IntegrationTest
class CalendarFormErrorsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  @Test
  void aDayWithoutDateAndNameIsRefusedOnBothFields() {
    var admin = new WebSession(port).signedInAs("admin", ApiClient.DEMO_PASSWORD);
    long before = jdbc.sql("select count(*) from calendar_day").query(Long.class).single();

    var refused = admin.post("/admin/calendar", Map.of("_csrf", admin.get("/admin/calendar").csrfToken(),
        "day", "", "kind", "HOLIDAY", "name", ""));

    assertThat(refused.redirectPath()).isEqualTo("/admin/calendar");
    String page = admin.get("/admin/calendar").body();
    assertThat(FieldErrors.of(page, "day")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "name")).containsExactly("请填写此项");
    assertThat(jdbc.sql("select count(*) from calendar_day").query(Long.class).single()).isEqualTo(before);

    admin.get("/admin/calendar?lang=en");
    admin.post("/admin/calendar", Map.of("_csrf", admin.get("/admin/calendar").csrfToken(),
        "day", "2030-02-30", "kind", "HOLIDAY", "name", ""));
    String english = admin.get("/admin/calendar").body();
    assertThat(FieldErrors.of(english, "day")).containsExactly("Enter a date, such as 2025-03-01");
    assertThat(FieldErrors.of(english, "name")).containsExactly("Please fill in this field");
  }
}
