package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Outside the demo run (affairs.security.api-docs-public=false, as the test profile sets) the API description is read only signed in. */
@IntegrationTest
class ApiDocsAccessTest {

  @LocalServerPort int port;

  @Test
  void theDescriptionAnswers401WithoutCredentials() {
    var answer = new ApiClient(port).get("/v3/api-docs", null);

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("detail").asText()).matches(".*[\\u4e00-\\u9fa5].*");
    assertThat(answer.body().has("paths")).isFalse();
  }

  @Test
  void swaggerUiSendsAStrangerToTheSignInPage() {
    var answer = new WebSession(port).get("/swagger-ui/index.html");

    assertThat(answer.status()).isEqualTo(302);
    assertThat(answer.redirectPath()).isEqualTo("/login");
  }

  @Test
  void aBearerTokenOrAPageSessionReadsIt() {
    var api = new ApiClient(port);
    var withToken = api.get("/v3/api-docs", api.tokenFor("staff"));
    assertThat(withToken.status()).isEqualTo(200);
    assertThat(withToken.body().get("paths").has("/api/v1/auth/token")).isTrue();

    var session = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    assertThat(session.get("/v3/api-docs").body()).contains("/api/v1/staff");
    assertThat(session.get("/swagger-ui/index.html").status()).isEqualTo(200);
  }

  @Test
  void aBadTokenIsRefused() {
    assertThat(new ApiClient(port).get("/v3/api-docs", "sat_not-a-real-token").status()).isEqualTo(401);
  }
}
