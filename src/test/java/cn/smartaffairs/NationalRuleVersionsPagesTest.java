package cn.smartaffairs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rule pages tell a national version from the region's own. The demo region has none of its own on these tables,
 * so every row says 全国默认; they once all said 本区域 (the region column was read with wasNull() after another column).
 */
@IntegrationTest
class NationalRuleVersionsPagesTest {

  @LocalServerPort int port;

  @ParameterizedTest
  @CsvSource({"vehicle.manager, /vehicles/rules, rule-list", "canteen.manager, /canteen/kitchen/rules, ",
      "vehicle.manager, /vehicles/telemetry-rules, rule-versions"})
  void nationalVersionsAreShownAsNational(String username, String page, String table) {
    String body = new WebSession(port).signedInAs(username, ApiClient.DEMO_PASSWORD).get(page).body();
    assertThat(body).contains("<td>全国默认</td>");
    if (table != null) {
      String rows = body.substring(body.indexOf("id=\"" + table + "\""));
      rows = rows.substring(0, rows.indexOf("</table>"));
      assertThat(Pattern.compile("<td>全国默认</td>").matcher(rows).results().count())
          .as("every seeded version of %s is national", page).isPositive();
    }
  }
}
