package cn.smartaffairs.organisation;

import static cn.smartaffairs.support.Pages.signedInAs;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.support.Pages;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.context.WebApplicationContext;

/** A unit drop-down names a unit's region only where another offered unit bears the same name. */
@IntegrationTest
class UnitChoiceTest {

  @Autowired OrganisationDirectory organisation;
  @Autowired WebApplicationContext context;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void aNameThatRepeatsAcrossRegionsCarriesItsRegion() {
    List<UnitChoice> all = organisation.unitChoices(DataScope.everything());
    assertThat(labelsOf(all, "县财政局")).containsExactlyInAnyOrder("县财政局（青山县）", "县财政局（白沙县）");
    // names that occur once stay as they are
    assertThat(labelsOf(all, "市财政局")).containsExactly("市财政局");
    assertThat(labelsOf(all, "区财政局")).containsExactly("区财政局");
  }

  @Test
  void withinOneRegionTheNameAloneIsEnough() {
    long county = jdbc.sql("select id from region where code = 'QS'").query(Long.class).single();
    assertThat(labelsOf(organisation.unitChoices(DataScope.region(county)), "县财政局")).containsExactly("县财政局");
  }

  @Test
  void theDropDownsOfThePagesShowTheLabels() throws Exception {
    var mvc = Pages.mockMvc(context);
    for (String page : List.of("/staff", "/vehicles/quotas", "/vehicles/trip-register", "/space/compliance")) {
      String html = mvc.perform(get(page).with(signedInAs(accounts, "admin"))).andReturn().getResponse()
          .getContentAsString(StandardCharsets.UTF_8);
      assertThat(html).as(page).contains(">县财政局（青山县）</option>", ">县财政局（白沙县）</option>");
    }
  }

  private static List<String> labelsOf(List<UnitChoice> choices, String name) {
    return choices.stream().filter(c -> c.name().equals(name)).map(UnitChoice::label).toList();
  }
}
