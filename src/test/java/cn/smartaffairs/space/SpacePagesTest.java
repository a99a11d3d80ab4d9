package cn.smartaffairs.space;

import static cn.smartaffairs.support.Pages.signedInAs;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.Pages;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.context.WebApplicationContext;

/** Every space page renders for its users with the demo data, downloads are workbooks, and forms keep to scope. */
@IntegrationTest
class SpacePagesTest {

  @Autowired WebApplicationContext web;
  @Autowired ApplicationContext context;
  @Autowired Accounts accounts;
  MockMvc mvc;

  @BeforeEach
  void setUp() {
    mvc = Pages.mockMvc(web);
  }

  @Test
  void theManagersPagesShowTheDemoCity() throws Exception {
    var manager = signedInAs(accounts, "space.manager");
    mvc.perform(get("/space").with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("data-chart"))).andExpect(content().string(containsString("空置房间")));
    mvc.perform(get("/space/buildings").with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("市行政中心1号楼")));
    mvc.perform(get("/space/compliance?overOnly=true").with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("市财政局")));
    mvc.perform(get("/space/publication").with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("301")));
    mvc.perform(get("/space/filing").with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("301")));
    for (String page : new String[] {"/space/recovery", "/space/transfers", "/space/rules", "/space/import"}) {
      mvc.perform(get(page).with(manager)).andExpect(status().isOk());
    }
    for (String download : new String[] {"/space/dashboard.xlsx", "/space/compliance.xlsx",
        "/space/publication.xlsx?year=2025", "/space/filing.xlsx?year=2025", "/space/import/template.xlsx"}) {
      mvc.perform(get(download).with(manager)).andExpect(status().isOk())
          .andExpect(content().contentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
    }
  }

  @Test
  void aBuildingAndRoomPageOffersTheFormsAndStaffCannotAllocate() throws Exception {
    SpaceFixtures fixtures = new SpaceFixtures(context);
    long unit = fixtures.unit(GovernmentLevel.CITY, 5);
    long[] building = fixtures.buildingWithFloor();
    long room = fixtures.room(building, "20", RoomKind.OFFICE);
    var manager = signedInAs(accounts, "space.manager");
    mvc.perform(get("/space/buildings/" + building[0]).with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("room-form")));
    mvc.perform(get("/space/rooms/" + room).with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("allocate-form")));

    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    mvc.perform(post("/space/rooms/" + room + "/allocate").with(signedInAs(accounts, "staff")).with(csrf())
            .param("unitId", String.valueOf(unit)).param("agreementNo", "X-1").param("termFrom", today))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("flashError", "您无权执行此操作"));
    mvc.perform(post("/space/rooms/" + room + "/allocate").with(manager).with(csrf())
            .param("unitId", String.valueOf(unit)).param("agreementNo", SpaceFixtures.fresh("P-")).param("termFrom", today))
        .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("flash"));
    mvc.perform(get("/space/rooms/" + room).with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("office-form")));
  }
}
