package cn.smartaffairs.demo;

import cn.smartaffairs.access.PassDraft;
import cn.smartaffairs.access.PassKind;
import cn.smartaffairs.access.Passes;
import cn.smartaffairs.access.ResidentIdNumber;
import cn.smartaffairs.access.VisitDraft;
import cn.smartaffairs.access.Visits;
import cn.smartaffairs.access.WatchList;
import cn.smartaffairs.security.Accounts;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Security and access in the demo city: the finance bureau's staff member expects visitors today and tomorrow, has
 * a vehicle pass in approval, and security keeps one person on the watch list. The ID numbers are made up, each with
 * its right check character.
 */
@Component
@Order(70)
class AccessDemoData implements ModuleDemoData {

  private final Visits visits;
  private final Passes passes;
  private final WatchList watchList;
  private final Accounts accounts;
  private final Clock clock;

  AccessDemoData(Visits visits, Passes passes, WatchList watchList, Accounts accounts, Clock clock) {
    this.visits = visits;
    this.passes = passes;
    this.watchList = watchList;
    this.accounts = accounts;
    this.clock = clock;
  }

  @Override
  public void load() {
    var host = accounts.loadUserByUsername("staff");
    var manager = accounts.loadUserByUsername("security.manager");
    LocalDate today = LocalDate.now(clock.withZone(ZoneId.of("Asia/Shanghai")));
    visits.register(new VisitDraft("陈建国", idNumber("32010619721209153"), "13770001234", "苏A5M208", today, null, null,
        "检修会议室音视频设备", null), host);
    visits.register(new VisitDraft("林晓峰", idNumber("33010219850312041"), "13912345678", "浙A3K829", today.plusDays(1),
        LocalTime.of(9, 0), LocalTime.of(11, 30), "商谈办公楼物业服务合同续签", null), host);
    visits.register(new VisitDraft("周雅琴", idNumber("11010819900718262"), "13698765432", null, today.plusDays(1),
        LocalTime.of(14, 0), LocalTime.of(16, 0), "报送年度预算材料", null), host);
    passes.apply(new PassDraft(PassKind.VEHICLE, "云A7D316", today, today.plusMonths(6), "每日驾驶私家车上下班"), host);
    watchList.add(idNumber("44030619781105331"), "赵某", "多次冒用他人证件闯入机关大院（演示数据）", manager);
  }

  private static String idNumber(String first17) {
    return first17 + ResidentIdNumber.checkCharacter(first17);
  }
}
