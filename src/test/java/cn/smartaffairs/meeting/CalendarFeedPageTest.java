package cn.smartaffairs.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A person sees their feed's address on the page and replaces it; the old address stops answering at once. */
@IntegrationTest
class CalendarFeedPageTest {

  private static final Pattern ADDRESS = Pattern.compile("/calendar-feeds/([0-9a-f]{48})\\.ics");

  @LocalServerPort int port;

  private static String secret(String page) {
    var matcher = ADDRESS.matcher(page);
    assertThat(matcher.find()).isTrue();
    return matcher.group(1);
  }

  @Test
  void thePersonSeesAndRegeneratesTheirSecretAddressWhichNeedsNoSignIn() {
    var session = new WebSession(port).signedInAs("liaison", ApiClient.DEMO_PASSWORD);
    String first = secret(session.get("/meeting-rooms/calendar-feed").body());
    assertThat(secret(session.get("/meeting-rooms/calendar-feed").body())).isEqualTo(first);
    var anonymous = new WebSession(port);
    var feed = anonymous.get("/calendar-feeds/" + first + ".ics");
    assertThat(feed.status()).isEqualTo(200);
    assertThat(feed.body()).startsWith("BEGIN:VCALENDAR").contains("TZID:Asia/Shanghai");

    var regenerated = session.post("/meeting-rooms/calendar-feed/regenerate",
        Map.of("_csrf", session.get("/meeting-rooms/calendar-feed").csrfToken()));
    assertThat(regenerated.status()).isEqualTo(302);
    String second = secret(session.get("/meeting-rooms/calendar-feed").body());
    assertThat(second).isNotEqualTo(first);
    assertThat(anonymous.get("/calendar-feeds/" + first + ".ics").status()).isEqualTo(404);
    assertThat(anonymous.get("/calendar-feeds/" + second + ".ics").status()).isEqualTo(200);
    // everything else still wants a sign-in
    assertThat(anonymous.get("/meeting-rooms/calendar-feed").status()).isEqualTo(302);
  }
}
