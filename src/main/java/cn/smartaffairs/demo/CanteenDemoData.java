package cn.smartaffairs.demo;

import org.springframework.core.annotation.Order;
import cn.smartaffairs.canteen.AccountLifecycle;
import cn.smartaffairs.canteen.CanteenTerminals;
import cn.smartaffairs.canteen.UnitCharges;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * The demo city's canteen: one canteen with four terminals, and an account with some balance for every active staff
 * member of the city region (opened in bulk, as at a real roll-out), and two working meals charged to 市财政局 (单位挂账).
 */
@Component
@Order(40)
class CanteenDemoData implements ModuleDemoData {

  private final AccountLifecycle accounts;
  private final CanteenTerminals terminals;
  private final Accounts users;
  private final UnitCharges unitCharges;

  CanteenDemoData(AccountLifecycle accounts, CanteenTerminals terminals, Accounts users, UnitCharges unitCharges) {
    this.accounts = accounts;
    this.terminals = terminals;
    this.users = users;
    this.unitCharges = unitCharges;
  }

  @Override
  public void load() {
    CurrentUser manager = (CurrentUser) users.loadUserByUsername("canteen.manager");
    var canteen = terminals.createCanteen("市行政中心职工食堂", "市行政中心1号楼负一层", manager);
    for (int i = 1; i <= 4; i++) {
      terminals.register("YX-T0" + i, canteen.id(), "一楼" + i + "号窗口消费机", manager);
    }
    // a spread of balances (50 to 349.50 yuan) that is the same on every start
    accounts.openAllStaffAccounts(manager.regionId(), staffId -> 5_000 + (staffId * 7_919 % 300) * 100, manager);
    CurrentUser liaison = (CurrentUser) users.loadUserByUsername("liaison");
    unitCharges.charge(liaison.unitId(), 48_000, "demo-finance-meeting-lunch", "预算编制工作会 工作餐 8人", liaison);
    unitCharges.charge(liaison.unitId(), 30_000, "demo-finance-audit-dinner", "审计对接工作餐 5人", liaison);
  }
}
