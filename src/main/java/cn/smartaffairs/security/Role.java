package cn.smartaffairs.security;

/** The roles of the platform and how far each one sees. */
public enum Role {
  PLATFORM_ADMIN(Reach.ALL),
  /** 机关事务管理员 */
  REGION_ADMIN(Reach.REGION), VEHICLE_MANAGER(Reach.REGION), SPACE_MANAGER(Reach.REGION), MEETING_MANAGER(
      Reach.REGION), CANTEEN_MANAGER(Reach.REGION), REPAIR_MANAGER(Reach.REGION), ASSET_MANAGER(Reach.REGION),
  /** 单位负责人, the first approver of many requests */
  UNIT_HEAD(Reach.UNIT),
  /** 单位联络员 */
  UNIT_LIAISON(Reach.UNIT), STAFF(Reach.SELF), DRIVER(Reach.SELF), REPAIR_WORKER(Reach.SELF),
  /** 安保负责人: the watch list, passes, gates, parking and guard duty of a region (module access) */
  SECURITY_MANAGER(Reach.REGION),
  /** 门岗保安: the gate desk, check-in and check-out of the region's visitors, patrols */
  SECURITY_GUARD(Reach.REGION);

  /** How much of the data a role sees. */
  public enum Reach {
    ALL, REGION, UNIT, SELF
  }

  private final Reach reach;

  Role(Reach reach) {
    this.reach = reach;
  }

  public Reach reach() {
    return reach;
  }

  public String authority() {
    return "ROLE_" + name();
  }
}
