package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.approval.FlowDefinition.Step;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.support.ApiClient;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ApprovalPageTest {

  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

  @Autowired Approvals approvals;

  @Autowired ApprovalFlows approvalFlows;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @LocalServerPort int port;

  /** A browser session of one demo user: cookies kept, redirects not followed. */
  private final class Session {
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

    Session(String username) throws Exception {
      post("/login", Map.of("username", username, "password", ApiClient.DEMO_PASSWORD), get("/login").body());
    }

    HttpResponse<String> get(String path) throws Exception {
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
          HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form with the CSRF token taken from the page it was on. */
    HttpResponse<String> post(String path, Map<String, String> fields, String page) throws Exception {
      Matcher csrf = CSRF.matcher(page);
      assertThat(csrf.find()).as("a CSRF token on the page").isTrue();
      String body = fields.entrySet().stream()
          .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&", "_csrf=" + csrf.group(1) + "&", ""));
      return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  @Test
  void theUnitHeadApprovesFromTheRequestPageTheToDoInboxLinksTo() throws Exception {
    long yx = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    String type = "test.page" + UUID.randomUUID().toString().substring(0, 8);
    approvalFlows.defineFlow(new FlowDefinition(type, yx, "页面审批", List.of(
        Step.of("单位负责人审核", ApproverKind.UNIT_ROLE, Role.UNIT_HEAD, ApprovalMode.ANY, 8))),
        accounts.loadUserByUsername("admin"));
    long id = approvals.submit(type, "页面审批测试", Map.of("amount", 100), accounts.loadUserByUsername("staff"));
    long task = approvals.route(id, accounts.loadUserByUsername("admin")).pending().get(0).id();

    Session head = new Session("unit.head");
    assertThat(head.get("/").body()).contains("/approvals/" + id + "\"");
    HttpResponse<String> page = head.get("/approvals/" + id);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("页面审批测试", "单位负责人审核", "id=\"pending-now\"",
        "/approvals/tasks/" + task + "/approve");

    Session applicant = new Session("staff");
    String applicantsView = applicant.get("/approvals/" + id).body();
    assertThat(applicantsView).doesNotContain("/approvals/tasks/" + task + "/approve").contains("id=\"withdraw\"");

    HttpResponse<String> decided = head.post("/approvals/tasks/" + task + "/approve", Map.of("comment", "页面同意"),
        page.body());
    assertThat(decided.statusCode()).isEqualTo(302);
    assertThat(approvals.route(id, accounts.loadUserByUsername("admin")).status()).isEqualTo(RequestStatus.APPROVED);
    String after = head.get("/approvals/" + id).body();
    assertThat(after).contains("页面同意").doesNotContain("/approvals/tasks/" + task + "/approve");
    assertThat(head.get("/").body()).doesNotContain("/approvals/" + id + "\"");
  }
}
