package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class DutyAndOverdueTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired WorkOrders workOrders;
  @Autowired DutyRota dutyRota;
  @Autowired OverdueWatch overdueWatch;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  private static Instant at(int year, int month, int day, int hour, int minute) {
    return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, SHANGHAI).toInstant();
  }

  private CurrentUser user(String username) {
    return accounts.loadUserByUsername(username);
  }

  private long todos(long userId, long orderId) {
    return jdbc.sql("select count(*) from todo_item where user_id = :u and link = :l")
        .param("u", userId).param("l", "/work-orders/" + orderId).query(Long.class).single();
  }

  @Test
  void aSaturdayNightLeakGoesToTheWorkerOnDutyWithItsDeadlinesOnTheWorkingCalendar() {
    // a year ahead of the demo so that no other test's shift overlaps
    CurrentUser worker = user("worker");
    dutyRota.addShift(worker.userId(), "REPAIR", at(2027, 3, 6, 17, 30), at(2027, 3, 8, 8, 30), user("repair.manager"));
    Instant saturdayNight = at(2027, 3, 6, 21, 0);

    WorkOrder order = workOrders.create(new NewWorkOrder("REPAIR_PLUMBING", "URGENT", null, "水龙头漏水，地面已积水",
        "市行政中心2号楼", "5", "512", null, null), user("staff"), saturdayNight);

    assertThat(order.status()).isEqualTo(WorkOrderStatus.DISPATCHED);
    assertThat(order.assigneeUserId()).isEqualTo(worker.userId());
    assertThat(order.history()).extracting(WorkOrder.Step::actor).containsExactly("staff", "system");
    assertThat(order.respondDueAt()).isEqualTo(at(2027, 3, 6, 21, 30));
    assertThat(order.resolveDueAt()).as("same working day: Monday's close").isEqualTo(at(2027, 3, 8, 17, 30));
    assertThat(todos(worker.userId(), order.id())).isEqualTo(1);
  }

  @Test
  void withNobodyOnDutyANightOrderWaitsForADispatcher() {
    WorkOrder order = workOrders.create(new NewWorkOrder("REPAIR_ELECTRIC", "NORMAL", null, "走廊灯不亮", null, null, null,
        null, null), user("staff"), at(2027, 4, 10, 22, 0));
    assertThat(order.status()).isEqualTo(WorkOrderStatus.RECEIVED);
  }

  @Test
  void inOfficeHoursTheDispatchRuleOfTheCategoryAndBuildingApplies() {
    CurrentUser worker = user("worker");
    dutyRota.setDispatchRule("REPAIR_NETWORK", "测试专用楼", worker.userId(), user("repair.manager"));
    WorkOrder there = workOrders.create(new NewWorkOrder("REPAIR_NETWORK", "NORMAL", null, "网口无信号", "测试专用楼", "1",
        "101", null, null), user("staff"), at(2027, 3, 9, 10, 0));
    WorkOrder elsewhere = workOrders.create(new NewWorkOrder("REPAIR_NETWORK", "NORMAL", null, "电话无拨号音", "其他楼",
        "1", "101", null, null), user("staff"), at(2027, 3, 9, 10, 0));

    assertThat(there.assigneeUserId()).isEqualTo(worker.userId());
    assertThat(elsewhere.status()).isEqualTo(WorkOrderStatus.RECEIVED);
  }

  @Test
  void onlyDispatchersKeepTheRotaAndOnlyWithRepairWorkers() {
    assertThatThrownBy(() -> dutyRota.addShift(user("worker").userId(), "REPAIR", at(2027, 5, 1, 0, 0),
        at(2027, 5, 2, 0, 0), user("staff"))).isInstanceOf(BusinessRuleException.class).hasMessage("error.forbidden");
    assertThatThrownBy(() -> dutyRota.addShift(user("driver").userId(), "REPAIR", at(2027, 5, 1, 0, 0),
        at(2027, 5, 2, 0, 0), user("repair.manager"))).isInstanceOf(BusinessRuleException.class);
    assertThatThrownBy(() -> dutyRota.addShift(user("worker").userId(), "REPAIR", at(2027, 5, 2, 0, 0),
        at(2027, 5, 1, 0, 0), user("repair.manager"))).hasMessage("duty.endBeforeStart");
  }

  @Test
  void anOverdueOrderIsRemindedThenUrgedThenSupervisedEachOnce() {
    // a Tuesday morning request: due at the close of the third working day, Friday 2027-03-19 17:30
    WorkOrder order = workOrders.create(new NewWorkOrder("HOTLINE_REQUEST", "NORMAL", null, "会议室投影仪无法开机", null,
        null, null, null, "热线来电人"), user("repair.manager"), at(2027, 3, 16, 9, 0));
    assertThat(order.resolveDueAt()).isEqualTo(at(2027, 3, 19, 17, 30));
    workOrders.move(order.id(), new Transition("dispatch", user("worker").userId(), null, null, null, null),
        user("repair.manager"));
    long worker = user("worker").userId();
    long regionAdmin = user("region.admin").userId();

    assertThat(escalationsOf(order.id(), at(2027, 3, 19, 14, 0))).isEmpty();
    assertThat(escalationsOf(order.id(), at(2027, 3, 19, 16, 0))).containsExactly("REMINDER");
    assertThat(escalationsOf(order.id(), at(2027, 3, 19, 16, 30))).as("fires once").isEmpty();
    assertThat(escalationsOf(order.id(), at(2027, 3, 20, 9, 0))).containsExactly("URGE");
    assertThat(escalationsOf(order.id(), at(2027, 3, 25, 17, 0))).as("before the 5th working day's close").isEmpty();
    assertThat(escalationsOf(order.id(), at(2027, 3, 26, 17, 30))).containsExactly("SUPERVISE");

    assertThat(todos(worker, order.id())).as("dispatch, reminder, 催办").isEqualTo(3);
    assertThat(todos(regionAdmin, order.id())).as("督办").isEqualTo(1);
    assertThat(workOrders.get(order.id(), user("repair.manager")).history()).extracting(WorkOrder.Step::action)
        .containsSubsequence("DISPATCH", "REMINDER", "URGE", "SUPERVISE");
  }

  @Test
  void aResolvedOrderIsNotChased() {
    WorkOrder order = workOrders.create(new NewWorkOrder("HOTLINE_CONSULT", "NORMAL", null, "公务卡报销咨询", null, null,
        null, null, "来电人"), user("repair.manager"), at(2027, 6, 1, 9, 0));
    workOrders.move(order.id(), new Transition("dispatch", user("worker").userId(), null, null, null, null),
        user("repair.manager"));
    workOrders.move(order.id(), Transition.of("accept"), user("worker"));
    workOrders.move(order.id(), Transition.of("resolve"), user("worker"));
    assertThat(escalationsOf(order.id(), at(2027, 7, 1, 9, 0))).isEmpty();
  }

  private java.util.List<String> escalationsOf(long orderId, Instant now) {
    return overdueWatch.escalate(now).stream().filter(e -> e.workOrderId() == orderId)
        .map(OverdueWatch.Escalation::kind).toList();
  }
}
