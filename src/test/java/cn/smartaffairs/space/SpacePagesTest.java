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
    // the yearly lists are paged, and other tests add units of their own: the demo city's room 301 is searched for
    // (the search box shows the word too, so the rows are matched by their cells)
    mvc.perform(get("/space/publication?keyword=301").with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("<td>301</td>")));
    mvc.perform(get("/space/filing?keyword=301").with(manager)).andExpect(status().isOk())
        .andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*<td>[^<]*301[^<]*</td>.*")));
    mvc.perform(get("/space/agreements").with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("YX-SY-2025-001")));
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
        .andExpect(status().is3xxRedirection())
        .andExpect(flash().attribute("flash", org.hamcrest.Matchers.matchesRegex("已登记 测试楼\\S* \\S+ 的分配")));
    mvc.perform(get("/space/rooms/" + room).with(manager)).andExpect(status().isOk())
        .andExpect(content().string(containsString("office-form")));
  }

  @Test
  void aStaffMemberSeesTheirOwnOfficeButNoFormsToChangeIt() throws Exception {
    long shared = context.getBean(org.springframework.jdbc.core.simple.JdbcClient.class).sql("""
        select r.id from space_room r join space_building b on b.id = r.building_id
         where b.code = 'YX-B01' and r.number = '303'""").query(Long.class).single();
    mvc.perform(get("/space/rooms/" + shared).with(signedInAs(accounts, "staff"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("office-history")))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("office-form"))))
        .andExpect(content().string(org.hamcrest.Matchers.not(containsString("handover-form"))));
    mvc.perform(get("/space/rooms/" + shared).with(signedInAs(accounts, "liaison"))).andExpect(status().isOk())
        .andExpect(content().string(containsString("office-form")));
  }

  @Test
  void theImportPageListsEveryMistakeInChineseAndSavesNothing() throws Exception {
    var out = new java.io.ByteArrayOutputStream();
    cn.smartaffairs.excel.Xlsx.write(out, new cn.smartaffairs.excel.Xlsx.Sheet("楼宇房间", SpaceImport.HEADERS,
        java.util.stream.Stream.of(java.util.List.of("YX", SpaceFixtures.fresh("PG-"), "页面导入楼", "云溪市1号", "云溪市机关事务管理局",
            "", "2010", "100", "80", "2", "201", "abc", "办公室"))));
    var file = new org.springframework.mock.web.MockMultipartFile("file", "rooms.xlsx",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", out.toByteArray());
    mvc.perform(
        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/space/import").file(file)
            .with(signedInAs(accounts, "space.manager")).with(csrf()))
        .andExpect(status().isOk())
        .andExpect(content().string(containsString("import-errors")))
        .andExpect(content().string(containsString("面积“abc”不正确")));
    mvc.perform(get("/space/import").with(signedInAs(accounts, "staff"))).andExpect(status().isForbidden());
  }
}
