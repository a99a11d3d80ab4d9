package cn.smartaffairs.demo;

import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.reception.MealKind;
import cn.smartaffairs.reception.NewReception;
import cn.smartaffairs.reception.NewReception.GuestLine;
import cn.smartaffairs.reception.NewReception.MealLine;
import cn.smartaffairs.reception.RankGrade;
import cn.smartaffairs.reception.Reception;
import cn.smartaffairs.reception.ReceptionPlans;
import cn.smartaffairs.reception.ReceptionRuleTables;
import cn.smartaffairs.reception.Receptions;
import cn.smartaffairs.reception.RoomKind;
import cn.smartaffairs.security.Accounts;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The reception module's demo: designated hotels in the city and the county, and two receptions of the city's 财政局 —
 * one whose 公函 is registered with its plan (a working meal, a room), one whose 接待审批单 the unit head approved and
 * that now waits for the 机关事务管理局 (region.admin's 待办).
 */
@Component
@Order(80)
class ReceptionDemoData implements ModuleDemoData {

  private final Accounts accounts;
  private final ReceptionRuleTables rules;
  private final Receptions receptions;
  private final ReceptionPlans plans;
  private final Approvals approvals;

  ReceptionDemoData(Accounts accounts, ReceptionRuleTables rules, Receptions receptions, ReceptionPlans plans,
      Approvals approvals) {
    this.accounts = accounts;
    this.rules = rules;
    this.receptions = receptions;
    this.plans = plans;
    this.approvals = approvals;
  }

  @Override
  public void load() {
    var regionAdmin = accounts.loadUserByUsername("region.admin");
    long hotel = rules.addHotel("云溪宾馆", "云溪市迎宾路1号", regionAdmin);
    rules.addHotel("市委党校招待所", "云溪市学府路18号", regionAdmin);
    rules.addHotel("青山县招待所", "青山县城关镇人民路2号", accounts.loadUserByUsername("county.admin"));

    var liaison = accounts.loadUserByUsername("liaison");
    var today = receptions.today();
    Reception planned = receptions.register(new NewReception(liaison.unitId(), "省财函〔2026〕118号", "省财政厅",
        "调研市级预算绩效管理改革", today.plusDays(7), today.plusDays(8),
        List.of(new GuestLine("周建国", "省财政厅", "副厅长", RankGrade.BUREAU_DEPUTY),
            new GuestLine("孙丽", "省财政厅预算处", "处长", RankGrade.DIVISION_HEAD),
            new GuestLine("何静", "省财政厅预算处", "四级主任科员", RankGrade.SECTION_DEPUTY)),
        List.of(new MealLine(today.plusDays(7), MealKind.LUNCH, 3, 8000L, true))), liaison);
    plans.setStay(planned.id(), new ReceptionPlans.StayLine(planned.guests().get(0).id(), hotel, RoomKind.STANDARD, 1,
        42000L), planned.version(), liaison);

    Reception awaiting = receptions.register(new NewReception(liaison.unitId(), "市审计函〔2026〕45号", "邻市审计局",
        "交流财政资金审计工作经验", today.plusDays(3), today.plusDays(3),
        List.of(new GuestLine("陈志远", "邻市审计局", "副局长", RankGrade.DIVISION_DEPUTY),
            new GuestLine("刘洋", "邻市审计局", "科长", RankGrade.SECTION_HEAD)),
        List.of(new MealLine(today.plusDays(3), MealKind.LUNCH, 2, 6000L, false))), liaison);
    Reception submitted = receptions.submit(awaiting.id(), awaiting.version(), liaison);
    var unitHead = accounts.loadUserByUsername("unit.head");
    approvals.openTasks(unitHead).stream().filter(t -> t.requestId() == submitted.approvalRequestId()).findFirst()
        .ifPresent(task -> approvals.approve(task.taskId(), unitHead, "同意接待，按标准安排工作餐"));
  }
}
