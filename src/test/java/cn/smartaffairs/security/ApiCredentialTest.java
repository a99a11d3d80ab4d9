package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.crypto.Sm3;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.support.ApiClient;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API keys open only their scopes within their one region; revoked and unknown keys are refused; people call the
 * API with a bearer token from the token endpoint.
 */
@IntegrationTest
class ApiCredentialTest {

  @LocalServerPort int port;
  @Autowired ApiCredentials credentials;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  long county;
  CurrentUser admin;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    county = jdbc.sql("select id from region where code = 'QS'").query(Long.class).single();
    admin = accounts.findByUsername("admin").orElseThrow();
  }

  @Test
  void staffReadKeyListsOnlyTheStaffOfItsRegion() {
    String key = staffReadKeyFor(county);

    var answer = withKey("/api/v1/staff?size=200", key);

    assertThat(answer.status()).isEqualTo(200);
    long countyStaff = jdbc.sql("select count(*) from staff where region_id = :r").param("r", county)
        .query(Long.class).single();
    assertThat(answer.body().get("total").asLong()).isEqualTo(countyStaff).isPositive();
    assertThat(answer.body().get("items"))
        .allSatisfy(item -> assertThat(item.get("regionName").asText()).isEqualTo("青山县"));
    long countyMember = jdbc.sql("select id from staff where region_id = :r order by id limit 1").param("r", county)
        .query(Long.class).single();
    assertThat(withKey("/api/v1/staff/" + countyMember, key).status()).isEqualTo(200);
  }

  @Test
  void staffReadKeyCannotReadAnotherRegionsStaffMember() {
    String key = staffReadKeyFor(county);
    long cityMember = jdbc.sql("""
        select s.id from staff s join region r on r.id = s.region_id where r.code = 'YX' order by s.id limit 1""")
        .query(Long.class).single();

    assertThat(withKey("/api/v1/staff/" + cityMember, key).status()).isEqualTo(404);
  }

  @Test
  void staffReadKeyIsForbiddenEverythingElse() {
    String key = staffReadKeyFor(county);
    long countyUnit = jdbc.sql("select id from unit where region_id = :r order by id limit 1").param("r", county)
        .query(Long.class).single();

    var units = withKey("/api/v1/units", key);
    assertThat(units.status()).isEqualTo(403);
    assertThat(units.body().get("detail").asText()).isEqualTo("您无权执行此操作");
    assertThat(withKey("/api/v1/units/" + countyUnit, key).status()).isEqualTo(403);
    assertThat(withKey("/api/v1/regions", key).status()).isEqualTo(403);
    assertThat(withKey("/api/v1/staffing", key).status()).isEqualTo(403);

    var create = api.postWithHeader("/api/v1/staff", ApiClient.API_KEY_HEADER, key, Map.of("name", "越权"));
    assertThat(create.status()).isEqualTo(403);
  }

  @Test
  void revokedKeyAnswers401() {
    var issued = credentials.createApiKey("revoked-" + UUID.randomUUID(), county, Set.of(ApiScope.STAFF_READ), admin);
    assertThat(withKey("/api/v1/staff", issued.secret()).status()).isEqualTo(200);

    credentials.revokeApiKey(issued.id(), admin);

    var answer = withKey("/api/v1/staff", issued.secret());
    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("detail").asText()).contains("未登录或令牌无效");
  }

  @Test
  void unknownKeysAnswer401() {
    assertThat(withKey("/api/v1/staff", "sak_" + UUID.randomUUID()).status()).isEqualTo(401);
    assertThat(withKey("/api/v1/staff", "not-a-key").status()).isEqualTo(401);
    String key = staffReadKeyFor(county);
    assertThat(withKey("/api/v1/staff", key.substring(0, key.length() - 1)).status()).isEqualTo(401);
  }

  @Test
  void onlyTheHashOfAKeyIsStored() {
    var issued = credentials.createApiKey("hashed-" + UUID.randomUUID(), county, Set.of(ApiScope.STAFF_READ), admin);

    var stored = jdbc.sql("select secret_hash, key_prefix from api_credential where id = :id").param("id", issued.id())
        .query().singleRow();
    assertThat(stored.get("secret_hash").toString()).hasSize(64).doesNotContain(issued.secret());
    assertThat(issued.secret()).startsWith(stored.get("key_prefix").toString());
    assertThat(jdbc.sql("select count(*) from api_credential where secret_hash = :s").param("s", issued.secret())
        .query(Long.class).single()).isZero();
  }

  @Test
  void regionAdminCannotIssueAKeyForAnotherRegion() {
    CurrentUser countyAdmin = accounts.findByUsername("county.admin").orElseThrow();
    long city = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();

    assertThatThrownBy(() -> credentials.createApiKey("other-region", city, Set.of(ApiScope.STAFF_READ), countyAdmin))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  void bearerTokenFromTheTokenEndpointWorks() {
    var issued = api.post("/api/v1/auth/token", null,
        Map.of("username", "liaison", "password", ApiClient.DEMO_PASSWORD));
    assertThat(issued.status()).isEqualTo(200);
    assertThat(issued.body().get("tokenType").asText()).isEqualTo("Bearer");
    assertThat(issued.body().get("expiresIn").asLong()).isEqualTo(8 * 3600);
    String token = issued.body().get("token").asText();

    var staff = api.withHeader("/api/v1/staff", "Authorization", "Bearer " + token);
    assertThat(staff.status()).isEqualTo(200);
    assertThat(staff.body().get("items"))
        .allSatisfy(item -> assertThat(item.get("unitName").asText()).isEqualTo("市财政局"));
    assertThat(api.withHeader("/api/v1/units", "Authorization", "Bearer " + token).status()).isEqualTo(200);
  }

  @Test
  void unknownOrExpiredBearerTokensAnswer401() {
    assertThat(api.withHeader("/api/v1/staff", "Authorization", "Bearer sat_" + UUID.randomUUID()).status())
        .isEqualTo(401);
    String token = api.tokenFor("liaison");
    jdbc.sql("update api_credential set expires_at = now() - interval '1 second' where secret_hash = :h")
        .param("h", Sm3.hex(token)).update();

    assertThat(api.get("/api/v1/staff", token).status()).isEqualTo(401);
  }

  @Test
  void tokenRequestWithAnUnknownUserNameAnswers401InChinese() {
    var answer = api.post("/api/v1/auth/token", null,
        Map.of("username", "nobody." + UUID.randomUUID().toString().substring(0, 8), "password", "Whatever#1"));

    assertThat(answer.status()).isEqualTo(401);
    assertThat(answer.body().get("detail").asText()).isEqualTo("用户名或密码错误");
  }

  private String staffReadKeyFor(long regionId) {
    return credentials.createApiKey("staff-read-" + UUID.randomUUID(), regionId, Set.of(ApiScope.STAFF_READ), admin)
        .secret();
  }

  private ApiClient.Answer withKey(String path, String key) {
    return api.withHeader(path, ApiClient.API_KEY_HEADER, key);
  }
}
