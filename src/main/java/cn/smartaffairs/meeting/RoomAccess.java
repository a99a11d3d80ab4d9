package cn.smartaffairs.meeting;

import cn.smartaffairs.security.Role;
import java.util.List;

/** Who may book a room: the listed units and role holders, or — when none is listed — the whole region. */
public record RoomAccess(long roomId, List<Long> unitIds, List<Role> roles) {

  public boolean openToAll() {
    return unitIds.isEmpty() && roles.isEmpty();
  }
}
