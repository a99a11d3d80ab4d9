package cn.smartaffairs.access;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/**
 * 访客来访: one visitor's visit to a host on a day within a time window, with the pass the gate reads. The ID and
 * mobile numbers appear here only masked.
 */
public record Visit(long id, long regionId, long hostStaffId, String hostName, String visitorName,
    String idNumberMasked, String mobileMasked, String plate, LocalDate visitOn, LocalTime windowFrom,
    LocalTime windowTo, String purpose, VisitStatus status, String qrToken, Instant passExpiresAt,
    boolean requestedPublicly, Instant checkedInAt, Instant checkedOutAt, int version) {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  /** The pass lapses when the visit's window closes on its day. */
  static Instant passExpiry(LocalDate visitOn, LocalTime windowTo) {
    return visitOn.atTime(windowTo).atZone(BEIJING).toInstant();
  }

  /**
   * The state after a move, or the refusal: a move this state does not allow is a conflict (someone else moved the
   * visit first); a check-in needs the visit's day and an unexpired pass.
   */
  VisitStatus move(VisitStatus.Move move, Instant now) {
    if (!status.allows(move)) {
      if (move == VisitStatus.Move.CHECK_IN && status == VisitStatus.REQUESTED) {
        throw new BusinessRuleException("access.visit.notConfirmed");
      }
      if (move == VisitStatus.Move.CHECK_IN && status == VisitStatus.CHECKED_IN) {
        throw new ConflictException("access.visit.alreadyIn");
      }
      throw new ConflictException("access.visit.moveNotAllowed");
    }
    if (move == VisitStatus.Move.CHECK_IN) {
      LocalDate today = now.atZone(BEIJING).toLocalDate();
      if (today.isBefore(visitOn)) {
        throw new BusinessRuleException("access.pass.notYet", visitOn.toString());
      }
      if (!now.isBefore(passExpiresAt)) {
        throw new BusinessRuleException("access.pass.expired");
      }
    }
    return status.after(move);
  }
}
