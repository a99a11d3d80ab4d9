package cn.smartaffairs.admin;

import static cn.smartaffairs.support.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.crypto.Sm3;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.Pages;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class ApiKeyPageTest {

  private static final Pattern SECRET = Pattern.compile("value=\"(sak_[A-Za-z0-9_-]{43})\"");

  @LocalServerPort int port;
  @Autowired WebApplicationContext context;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  MockMvc mvc;
  ApiClient api;
  long city;
  long county;

  @BeforeEach
  void setUp() {
    mvc = Pages.mockMvc(context);
    api = new ApiClient(port);
    city = regionId("YX");
    county = regionId("QS");
  }

  @Test
  void aNewKeysSecretIsShownOnceAndOnlyItsHashIsStored() throws Exception {
    String name = "食堂终端-" + System.nanoTime();

    String answer = mvc
        .perform(create(name, city, "STAFF_READ", "UNITS_READ").with(signedInAs(accounts, "region.admin")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(answer).contains("id=\"new-secret\"").contains("只显示这一次");
    Matcher shown = SECRET.matcher(answer);
    assertThat(shown.find()).as("secret in the answer").isTrue();
    String secret = shown.group(1);
    var stored = jdbc
        .sql("select secret_hash, key_prefix, scopes::text as scopes from api_credential where name = :name")
        .param("name", name).query().singleRow();
    assertThat(stored.get("secret_hash")).isEqualTo(Sm3.hex(secret));
    assertThat(stored.get("key_prefix")).isEqualTo(secret.substring(0, 10));
    assertThat(stored.get("scopes")).isEqualTo("{staff:read,units:read}");
    assertThat(rowsContaining("api_credential", secret)).isZero();
    assertThat(rowsContaining("audit_event", secret)).isZero();

    String listedLater = listAs("region.admin");
    assertThat(listedLater).contains(name).contains(secret.substring(0, 10)).doesNotContain(secret);
  }

  @Test
  void aRevokedKeyAnswers401() throws Exception {
    String name = "热线坐席-" + System.nanoTime();
    String secret = createdSecret(name, city, "region.admin");
    assertThat(api.withHeader("/api/v1/staff?size=1", "X-API-Key", secret).status()).isEqualTo(200);
    long id = jdbc.sql("select id from api_credential where name = :name").param("name", name).query(Long.class)
        .single();

    mvc.perform(post("/admin/api-keys/" + id + "/revoke").with(signedInAs(accounts, "region.admin")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/api-keys"));

    var refused = api.withHeader("/api/v1/staff?size=1", "X-API-Key", secret);
    assertThat(refused.status()).isEqualTo(401);
    assertThat(refused.body().get("detail").asText()).contains("未登录");
    assertThat(listAs("region.admin")).contains("已吊销");
  }

  @Test
  void revokingNeedsTheCsrfTokenAndTheKeysRegion() throws Exception {
    String name = "吊销范围-" + System.nanoTime();
    String secret = createdSecret(name, city, "region.admin");
    long id = jdbc.sql("select id from api_credential where name = :name").param("name", name).query(Long.class)
        .single();

    var regionAdmin = signedInAs(accounts, "region.admin");
    var session = Pages.sessionWithCsrfToken(mvc, regionAdmin, "/admin/api-keys");
    mvc.perform(post("/admin/api-keys/" + id + "/revoke").session(session).with(regionAdmin))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/api-keys/" + id + "/revoke").with(signedInAs(accounts, "county.admin")).with(csrf()))
        .andExpect(status().isNotFound());

    assertThat(api.withHeader("/api/v1/staff?size=1", "X-API-Key", secret).status()).isEqualTo(200);
    assertThat(listAs("county.admin")).doesNotContain(name);
  }

  @Test
  void aKeyWithoutNameOrScopeIsRefusedWithMessagesNextToTheForm() throws Exception {
    long before = apiKeyCount();

    String answer = mvc.perform(create("  ", city).with(signedInAs(accounts, "region.admin")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(answer).contains("请填写密钥名称").contains("请至少勾选一项可调用的接口").doesNotContain("id=\"new-secret\"");
    assertThat(answer).containsPattern("id=\"name-error\"[^>]*>请填写密钥名称<")
        .containsPattern("id=\"scopes-error\"[^>]*>请至少勾选一项可调用的接口<");
    assertThat(apiKeyCount()).isEqualTo(before);
  }

  @Test
  void aRegionAdminCannotCreateAKeyForAnotherRegion() throws Exception {
    long before = apiKeyCount();

    String answer = mvc.perform(create("越权-" + System.nanoTime(), county, "STAFF_READ")
        .with(signedInAs(accounts, "region.admin")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(answer).containsPattern("id=\"regionId-error\"[^>]*>未找到区域（编号 " + county + "）");
    assertThat(apiKeyCount()).isEqualTo(before);
  }

  @Test
  void someoneWhoIsNoAdminIsRefused() throws Exception {
    mvc.perform(get("/admin/api-keys").with(signedInAs(accounts, "unit.head"))).andExpect(status().isForbidden());
    mvc.perform(create("不该创建", city, "STAFF_READ").with(signedInAs(accounts, "staff")))
        .andExpect(status().isForbidden());
  }

  private String createdSecret(String name, long regionId, String username) throws Exception {
    String answer = mvc.perform(create(name, regionId, "STAFF_READ").with(signedInAs(accounts, username)))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    Matcher shown = SECRET.matcher(answer);
    assertThat(shown.find()).as("secret in the answer").isTrue();
    return shown.group(1);
  }

  private MockHttpServletRequestBuilder create(String name, long regionId, String... scopes) {
    var request = post("/admin/api-keys").param("name", name).param("regionId", String.valueOf(regionId)).with(csrf());
    if (scopes.length > 0) {
      request.param("scopes", scopes);
    }
    return request;
  }

  private String listAs(String username) throws Exception {
    return mvc.perform(get("/admin/api-keys").with(signedInAs(accounts, username)))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  private long rowsContaining(String table, String text) {
    return jdbc.sql("select count(*) from " + table + " t where strpos(row_to_json(t)::text, :text) > 0")
        .param("text", text).query(Long.class).single();
  }

  private long apiKeyCount() {
    return jdbc.sql("select count(*) from api_credential where kind = 'API_KEY'").query(Long.class).single();
  }

  private long regionId(String code) {
    return jdbc.sql("select id from region where code = :code").param("code", code).query(Long.class).single();
  }
}
