package cn.smartaffairs.admin;

import static cn.smartaffairs.support.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.Pages;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class AuditPageTest {

  @Autowired WebApplicationContext context;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  @Autowired AuditTrail trail;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = Pages.mockMvc(context);
  }

  @Test
  void aChangeIsListedAfterItWasMadeAndTheChainVerifiesIntact() throws Exception {
    String name = createKeyAs("region.admin", "审计页测试");

    String page = mvc.perform(get("/admin/audit").param("entityType", "api_key").param("actor", "region.admin")
        .with(signedInAs(accounts, "region.admin")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(page).contains(name).contains("region.admin").contains("接口密钥").contains("新增").contains("<details>");

    String verification = mvc.perform(post("/admin/audit/verify").header("HX-Request", "true")
        .with(signedInAs(accounts, "region.admin")).with(csrf()))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
    assertThat(verification).contains("id=\"chain-intact\"").contains("审计链完整").doesNotContain("<html");
  }

  @Test
  void verifyingWithoutHtmxShowsTheResultAfterARedirect() throws Exception {
    mvc.perform(post("/admin/audit/verify").with(signedInAs(accounts, "admin")).with(csrf()))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrl("/admin/audit"))
        .andExpect(flash().attributeExists("verification"));
  }

  @Test
  void verifyingNeedsTheFormsCsrfToken() throws Exception {
    var admin = signedInAs(accounts, "admin");
    var session = Pages.sessionWithCsrfToken(mvc, admin, "/admin/audit");
    mvc.perform(post("/admin/audit/verify").session(session).with(admin))
        .andExpect(status().isForbidden());
  }

  @Test
  void aRegionAdminSeesTheirRegionAndAPlatformAdminSeesAll() throws Exception {
    String name = createKeyAs("region.admin", "区域范围测试");

    assertThat(auditPageAs("county.admin")).doesNotContain(name);
    assertThat(auditPageAs("region.admin")).contains(name);
    assertThat(auditPageAs("admin")).contains(name);
  }

  @Test
  void anEventWithoutARegionIsSeenByItsActorAndPlatformAdminsOnly() throws Exception {
    String own = "own-" + System.nanoTime();
    String others = "others-" + System.nanoTime();
    trail.recordAs("county.admin", List.of(failedSignIn(own)));
    trail.recordAs("someone.unknown", List.of(failedSignIn(others)));

    String countyView = auditPageWithFilter("county.admin", "SIGN_IN_FAILED");
    assertThat(countyView).contains(own).doesNotContain(others);
    assertThat(auditPageWithFilter("region.admin", "SIGN_IN_FAILED")).doesNotContain(own).doesNotContain(others);
    assertThat(auditPageWithFilter("admin", "SIGN_IN_FAILED")).contains(own).contains(others);
  }

  @Test
  void theListPagesNewestFirstAndItsLinksKeepTheFilters() throws Exception {
    String actor = "paging-" + System.nanoTime();
    trail.recordAs(actor, List.of(failedSignIn("first"), failedSignIn("second"), failedSignIn("third")));

    // in the URL as a browser sends it: the paging links are built from the request's query string
    String middle = mvc
        .perform(get("/admin/audit?actor=" + actor + "&size=1&page=1").with(signedInAs(accounts, "admin")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(middle).contains("共 3 条").contains("第 2 / 3 页").contains("second")
        .doesNotContain("first").doesNotContain("third");
    assertThat(middle).containsPattern("href=\"[^\"]*actor=" + actor + "[^\"]*page=0")
        .containsPattern("href=\"[^\"]*actor=" + actor + "[^\"]*page=2");
  }

  @Test
  void theFilteredListExportsToExcel() throws Exception {
    String name = createKeyAs("admin", "导出测试");

    var response = mvc.perform(get("/admin/audit/export.xlsx").param("entityType", "api_key")
        .with(signedInAs(accounts, "admin")))
        .andExpect(status().isOk())
        .andExpect(content().contentType(XlsxDownload.CONTENT_TYPE))
        .andReturn().getResponse();
    Xlsx.Table table = Xlsx.read(new ByteArrayInputStream(response.getContentAsByteArray()));

    assertThat(table.headers()).contains("时间", "操作人", "账号", "客户端地址", "操作", "对象类型", "对象编号", "变更前", "变更后");
    assertThat(table.rows()).allSatisfy(row -> assertThat(row.get("对象类型")).isEqualTo("接口密钥"));
    assertThat(table.rows()).anySatisfy(row -> {
      assertThat(row.get("变更后")).contains(name);
      assertThat(row.get("操作人")).isEqualTo(displayNameOf("admin"));
      assertThat(row.get("账号")).isEqualTo("admin");
      assertThat(row.get("时间")).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");
    });
  }

  @Test
  void actorsActionsAndRecordTypesAreShownInWordsNeverAsCodes() throws Exception {
    String marker = "words-" + System.nanoTime();
    trail.recordAs("meeting.manager", List.of(new AuditEntry("APPROVE", "meeting_booking", 7L, null, null,
        Map.of("marker", marker))));
    trail.recordAs("system", List.of(new AuditEntry("URGE", "work_order", 8L, null, null, Map.of("marker", marker))));
    trail.recordAs("meeting.manager", List.of(new AuditEntry("SOMETHING_NEW", "some_new_table", 9L, null, null,
        Map.of("marker", marker))));

    String zh = mvc.perform(get("/admin/audit").param("size", "200").with(signedInAs(accounts, "admin")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(zh).contains(">" + displayNameOf("meeting.manager") + "<").contains(">审批通过<")
        .contains(">会议室预订<").contains(">系统（自动）<").contains(">催办<").contains(">维修工单<")
        .contains(">其他操作<").contains(">其他记录<")
        .doesNotContain(">meeting.manager<").doesNotContain(">APPROVE<").doesNotContain(">meeting_booking<")
        .doesNotContain(">SOMETHING_NEW<").doesNotContain(">some_new_table<");

    String en = mvc.perform(get("/admin/audit").param("size", "200").param("lang", "en")
        .with(signedInAs(accounts, "admin")))
        .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    assertThat(en).contains(">Approved<").contains(">Room booking<").contains(">Urged<").contains(">Work order<")
        .contains(">Other action<").doesNotContain(">APPROVE<");
  }

  @Test
  void someoneWhoIsNoAdminIsRefused() throws Exception {
    mvc.perform(get("/admin/audit").with(signedInAs(accounts, "staff"))).andExpect(status().isForbidden());
    mvc.perform(get("/admin/audit/export.xlsx").with(signedInAs(accounts, "vehicle.manager")))
        .andExpect(status().isForbidden());
    mvc.perform(post("/admin/audit/verify").with(signedInAs(accounts, "liaison")).with(csrf()))
        .andExpect(status().isForbidden());
  }

  private String auditPageAs(String username) throws Exception {
    return mvc.perform(get("/admin/audit").param("entityType", "api_key").param("size", "200")
        .with(signedInAs(accounts, username)))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  private String auditPageWithFilter(String username, String action) throws Exception {
    return mvc.perform(get("/admin/audit").param("action", action).param("size", "200")
        .with(signedInAs(accounts, username)))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();
  }

  private String displayNameOf(String username) {
    return jdbc.sql("select display_name from user_account where username = :u").param("u", username)
        .query(String.class).single();
  }

  private static AuditEntry failedSignIn(String reason) {
    return new AuditEntry("SIGN_IN_FAILED", "user_account", null, null, null,
        Map.of("result", "FAILURE", "reason", reason));
  }

  /** Makes an audited change through the API key page; answers the key's (unique) name. */
  private String createKeyAs(String username, String label) throws Exception {
    String name = label + "-" + System.nanoTime();
    long city = jdbc.sql("select id from region where code = 'YX'").query(Long.class).single();
    mvc.perform(post("/admin/api-keys").param("name", name).param("regionId", String.valueOf(city))
        .param("scopes", "STAFF_READ").with(signedInAs(accounts, username)).with(csrf()))
        .andExpect(status().isOk());
    return name;
  }
}
