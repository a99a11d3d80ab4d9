package cn.smartaffairs.space.rental;

import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.BuildingDraft;
import cn.smartaffairs.space.RoomDraft;
import cn.smartaffairs.space.RoomKind;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.rental.RentalRecords.Lettable;
import cn.smartaffairs.space.rental.RentalRecords.NewLettable;
import cn.smartaffairs.space.rental.RentalRecords.NewTenant;
import cn.smartaffairs.space.rental.RentalRecords.Tenant;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Small builders for fresh lettable rooms and tenants, registered by the city's space manager or another user. */
final class RentalFixtures {

  private final SpaceRegister register;
  private final RentalParties parties;
  private final CurrentUser manager;

  RentalFixtures(SpaceRegister register, RentalParties parties, Accounts accounts) {
    this(register, parties, accounts, "space.manager");
  }

  /** Registers in the region of the given user, who must be allowed to manage its space (e.g. "county.admin"). */
  RentalFixtures(SpaceRegister register, RentalParties parties, Accounts accounts, String username) {
    this.register = register;
    this.parties = parties;
    this.manager = accounts.loadUserByUsername(username);
  }

  CurrentUser manager() {
    return manager;
  }

  static String fresh(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A valid 统一社会信用代码 nobody has used yet. */
  static String freshCreditCode() {
    StringBuilder prefix = new StringBuilder("913501");
    for (int i = 0; i < 11; i++) {
      prefix.append(ThreadLocalRandom.current().nextInt(10));
    }
    return prefix.toString() + CreditCode.checkCharacter(prefix.toString());
  }

  Lettable lettableRoom() {
    long building = register.createBuilding(new BuildingDraft(null, fresh("B-"), fresh("出租楼"), "云溪市临街路8号",
        "云溪市机关事务管理局", null, 2005, new BigDecimal("2000.00"), new BigDecimal("1500.00")), manager);
    long floor = register.addFloor(building, 1, null, manager);
    long room = register.addRoom(new RoomDraft(building, floor, fresh("S"), new BigDecimal("80.00"), RoomKind.ANCILLARY,
        null), manager);
    return parties.addLettable(new NewLettable(fresh("临街商铺"), building, room, null, "零售"), manager);
  }

  Tenant tenant() {
    return parties.addTenant(new NewTenant(fresh("云溪商贸有限公司"), freshCreditCode(), "李经理", "0591-12345678"),
        manager);
  }
}
