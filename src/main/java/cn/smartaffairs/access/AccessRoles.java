package cn.smartaffairs.access;

import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;

/** Who does what in security and access: the gate staff at the desk, the security managers over the rules. */
final class AccessRoles {

  /** 安保负责人: the watch list, the rules, every visit of the region. */
  static final Role[] MANAGERS = {Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.SECURITY_MANAGER};
  /** The gate desk: check-in and check-out, the day's list. */
  static final Role[] GATE = {Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.SECURITY_MANAGER, Role.SECURITY_GUARD};

  private AccessRoles() {}

  static DataScope managedBy(CurrentUser by) {
    if (!by.hasAny(MANAGERS)) {
      throw new ForbiddenException();
    }
    return by.dataScopeAs(MANAGERS);
  }

  static DataScope gateOf(CurrentUser by) {
    if (!by.hasAny(GATE)) {
      throw new ForbiddenException();
    }
    return by.dataScopeAs(GATE);
  }
}
