package cn.smartaffairs.organisation;

import static cn.smartaffairs.support.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.Pages;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.context.WebApplicationContext;

@IntegrationTest
class StaffFormTest {

  @Autowired WebApplicationContext context;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  MockMvc mvc;
  long unitId;

  @BeforeEach
  void setUp() {
    mvc = Pages.mockMvc(context);
    unitId = jdbc.sql("select id from unit where code = 'YX007'").query(Long.class).single();
  }

  @Test
  void aNewStaffMemberIsSavedFromTheForm() throws Exception {
    String staffNo = "FORM" + System.nanoTime() % 1_000_000;

    mvc.perform(newMember(staffNo, "表单新增").with(signedInAs(accounts, "region.admin")))
        .andExpect(status().is3xxRedirection())
        .andExpect(redirectedUrlPattern("/staff/*"))
        .andExpect(flash().attribute("flash", "已登记 表单新增"));

    assertThat(
        jdbc.sql("select name from staff where staff_no = :no").param("no", staffNo).query(String.class).single())
        .isEqualTo("表单新增");
  }

  @Test
  void aTakenStaffNumberIsNamedInTheMessage() throws Exception {
    String taken = jdbc.sql("select staff_no from staff where unit_id = :unit limit 1").param("unit", unitId)
        .query(String.class).single();

    String page = mvc.perform(newMember(taken, "重号").with(signedInAs(accounts, "region.admin")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(page).contains("工号“" + taken + "”在本区域已存在").doesNotContain("{0}");
  }

  @Test
  void theStaffListPagesThroughAllStaff() throws Exception {
    String page = mvc.perform(get("/staff").with(signedInAs(accounts, "admin")))
        .andExpect(status().isOk())
        .andReturn().getResponse().getContentAsString();

    assertThat(page).containsPattern("id=\"page-next\"[^>]*href=\"[^\"]*page=1\"");
  }

  private MockHttpServletRequestBuilder newMember(String staffNo, String name) {
    return post("/staff").param("unitId", String.valueOf(unitId)).param("staffNo", staffNo).param("name", name)
        .param("rankCode", "LEVEL_OFFICER_1").param("status", "ACTIVE").with(csrf());
  }
}
