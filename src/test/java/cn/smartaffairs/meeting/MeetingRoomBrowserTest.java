package cn.smartaffairs.meeting;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.Browser;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A member of staff finds a room with video conferencing for 20 people, books it and sees it in the room's day. */
@IntegrationTest
class MeetingRoomBrowserTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  Browser browser;

  @BeforeEach
  void signIn() {
    browser = Browser.start("http://localhost:" + port);
    browser.signInAs("staff");
  }

  @AfterEach
  void quitBrowser() {
    browser.close();
  }

  @Test
  void staffBookTheRoomTheFinderOffersAndSeeItInTheRoomsDay() {
    String name = "视频会议室-" + UUID.randomUUID().toString().substring(0, 8);
    long room = jdbc.sql("""
        insert into meeting_room (region_id, name, building, floor, capacity, equipment)
        select region_id, :name, '市行政中心2号楼', '3', 24, '{VIDEO_CONFERENCE,PROJECTOR}' from user_account
         where username = 'staff' returning id""")
        .param("name", name).query(Long.class).single();
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(9);

    browser.clickAndWaitForPage("#menu-meeting-rooms");
    assertThat(browser.find("#room-list").getText()).contains(name);
    String finder = "/meeting-rooms?date=" + day + "&from=14:00&to=16:00&attendees=20&equipment=VIDEO_CONFERENCE";
    browser.open(finder);
    browser.visible("#found-" + room + " input[name=subject]").sendKeys("季度工作视频调度会");
    browser.screenshot("meeting-01-finder");
    browser.clickAndWaitForPage("#found-" + room + " button.book");

    assertThat(browser.visible("#day-bookings").getText()).contains("14:00–16:00").contains("季度工作视频调度会");
    assertThat(browser.find(".alert-success").getText())
        .isEqualTo("已预订 " + name + " " + day.getMonthValue() + "月" + day.getDayOfMonth() + "日 14:00–16:00");
    assertThat(browser.find("#day-free").getText()).contains("08:00–14:00").contains("16:00–21:00");
    browser.screenshot("meeting-02-day");

    browser.open(finder);
    assertThat(browser.findAll("#found-" + room)).isEmpty();
  }

  @Test
  void aBookingThatLosesTheRoomComesBackAsTypedAndANearFreeSlotBooksIt() {
    String name = "协调会议室-" + UUID.randomUUID().toString().substring(0, 8);
    long room = jdbc.sql("""
        insert into meeting_room (region_id, name, building, floor, capacity, equipment)
        select region_id, :name, '市行政中心3号楼', '2', 12, '{PROJECTOR}' from user_account
         where username = 'staff' returning id""")
        .param("name", name).query(Long.class).single();
    LocalDate day = LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(16);
    String finder = "/meeting-rooms?date=" + day + "&from=10:00&to=11:00&attendees=8&equipment=PROJECTOR";
    browser.open(finder);
    browser.visible("#found-" + room + " input[name=subject]").sendKeys("项目协调会");
    new org.openqa.selenium.support.ui.Select(browser.find("#found-" + room + " select[name=meetingClass]"))
        .selectByValue("3");

    // someone else takes the room while the form is open
    var api = new cn.smartaffairs.support.ApiClient(port);
    assertThat(api.post("/api/v1/meeting-bookings", api.tokenFor("liaison"), java.util.Map.of("roomId", room,
        "start", day + "T10:00:00+08:00", "end", day + "T11:00:00+08:00", "subject", "抢先的会", "attendees", 4))
        .status()).isEqualTo(201);
    browser.clickAndWaitForPage("#found-" + room + " button.book");

    assertThat(browser.visible("#meeting-error").getText()).contains("抢先的会");
    assertThat(browser.find("#retry-subject").getAttribute("value")).isEqualTo("项目协调会");
    assertThat(browser.find("#retry-attendees").getAttribute("value")).isEqualTo("8");
    assertThat(browser.find("#retry-date").getAttribute("value")).isEqualTo(day.toString());
    assertThat(browser.find("#retry-from").getAttribute("value")).isEqualTo("10:00");
    assertThat(browser.find("#retry-to").getAttribute("value")).isEqualTo("11:00");
    assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#retry-room")).getFirstSelectedOption()
        .getText()).isEqualTo(name);
    assertThat(new org.openqa.selenium.support.ui.Select(browser.find("#retry-class")).getFirstSelectedOption()
        .getAttribute("value")).isEqualTo("3");
    assertThat(browser.findAll("#free-slots button.book-free-slot")).isNotEmpty();
    assertThat(browser.find("#equipment-PROJECTOR").isSelected()).as("the finder keeps its filter").isTrue();
    browser.screenshot("meeting-03-collision-keeps-input");

    String slot = browser.find("#free-slots button.book-free-slot").getText().replace("改订 ", "");
    browser.clickAndWaitForPage("#free-slots button.book-free-slot");
    String booked = "已预订 " + name + " " + day.getMonthValue() + "月" + day.getDayOfMonth() + "日 " + slot;
    assertThat(browser.visible(".alert-success").getText()).isEqualTo(booked);
    assertThat(browser.find("#day-bookings").getText()).contains(slot).contains("项目协调会").contains("抢先的会");
    assertThat(browser.findAll("#booking-form")).isEmpty();
    browser.screenshot("meeting-04-booked-message");
  }
}
