package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;

/**
 * Who acts on a booking, as far as its rules care: the account, and whether it keeps the meetings of the room's
 * region (会议管理员), which lets it change bookings that others made.
 */
record BookingActor(long userId, boolean meetingManager) {

  static BookingActor of(CurrentUser user, long regionId) {
    return new BookingActor(user.userId(), user.dataScopeAs(Role.MEETING_MANAGER).permits(regionId, null, null));
  }

  /** A booker may change what they booked, a meeting manager whatever was booked in the region. */
  boolean mayChangeWhatWasBookedBy(long bookedBy) {
    return userId == bookedBy || meetingManager;
  }

  void requireMayChangeWhatWasBookedBy(long bookedBy) {
    if (!mayChangeWhatWasBookedBy(bookedBy)) {
      throw new ForbiddenException();
    }
  }
}
