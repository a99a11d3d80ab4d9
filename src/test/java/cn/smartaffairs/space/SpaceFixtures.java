package cn.smartaffairs.space;

import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.math.BigDecimal;
import java.util.UUID;

/** Small builders for fresh buildings and rooms, registered by the city's space manager. */
final class SpaceFixtures {

  private final SpaceRegister register;
  private final CurrentUser manager;

  SpaceFixtures(SpaceRegister register, Accounts accounts) {
    this.register = register;
    this.manager = accounts.loadUserByUsername("space.manager");
  }

  CurrentUser manager() {
    return manager;
  }

  static String fresh(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A new building with one floor; answers {buildingId, floorId}. */
  long[] buildingWithFloor() {
    long building = register.createBuilding(new BuildingDraft(null, fresh("B-"), fresh("测试楼"), "云溪市政务路1号",
        "云溪市机关事务管理局", "云房权证2020第001号", 2010, new BigDecimal("5000.00"), new BigDecimal("3500.00")), manager);
    long floor = register.addFloor(building, 3, null, manager);
    return new long[] {building, floor};
  }

  long room(long[] buildingAndFloor, String area, RoomKind kind) {
    return register.addRoom(new RoomDraft(buildingAndFloor[0], buildingAndFloor[1], fresh("R"), new BigDecimal(area),
        kind, null), manager);
  }
}
