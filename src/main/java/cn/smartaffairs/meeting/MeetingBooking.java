package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.PlatformConfiguration;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * 会议预订: one room held for one meeting from start (inclusive) to end (exclusive); an occurrence of a recurring
 * series names its series. The booking decides its own moves — approval, 签到, moving, cancelling, the no-show
 * release — and refuses an illegal one with the message the person sees; the services lock it, load it, ask it,
 * save what it answers and publish. Each move answers the booking as it is afterwards.
 */
public record MeetingBooking(long id, long roomId, String subject, int attendees, OffsetDateTime start,
    OffsetDateTime end, long bookedBy, BookingStatus status, Long seriesId, Integer meetingClass,
    OffsetDateTime checkedInAt, Long approvalRequestId) {

  /** Whether the booking keeps the room from others. */
  public boolean holdsRoom() {
    return status.holdsRoom();
  }

  /** Held while a large hall's approval runs. */
  public boolean awaitingApproval() {
    return status == BookingStatus.PENDING;
  }

  /** Confirmed and nobody has checked in yet. */
  public boolean awaitingCheckIn() {
    return status == BookingStatus.ACTIVE && checkedInAt == null;
  }

  /** Its booker may change it, and a meeting manager of the room's region. */
  boolean mayBeChangedBy(BookingActor actor) {
    return actor.mayChangeWhatWasBookedBy(bookedBy);
  }

  /** 取消预订: by its booker or a meeting manager, while it still holds the room. */
  MeetingBooking cancel(BookingActor by) {
    requireChangeableBy(by);
    requireHoldsRoom();
    return withStatus(BookingStatus.CANCELLED);
  }

  /** The large hall's approval said yes: the held slot is confirmed. */
  MeetingBooking approve() {
    requireAwaitingApproval();
    return withStatus(BookingStatus.ACTIVE);
  }

  /** The approval said no, or its applicant withdrew it: the held slot is given back. */
  MeetingBooking refuse() {
    requireAwaitingApproval();
    return withStatus(BookingStatus.CANCELLED);
  }

  /** 签到 opens the check-in grace (签到时限) before the start and closes at the end. */
  OffsetDateTime checkInOpensAt(Duration grace) {
    return start.minus(grace);
  }

  /** 签到: the booker or a meeting manager, in the check-in window of a confirmed booking, once. */
  MeetingBooking checkIn(BookingActor by, Instant now, Duration grace) {
    requireChangeableBy(by);
    if (awaitingApproval()) {
      throw new BusinessRuleException("meeting.notYetApproved", subject);
    }
    requireHoldsRoom();
    if (checkedInAt != null) {
      throw new ConflictException("meeting.alreadyCheckedIn", subject);
    }
    OffsetDateTime opens = checkInOpensAt(grace);
    if (now.isBefore(opens.toInstant()) || !now.isBefore(end.toInstant())) {
      throw new BusinessRuleException("meeting.checkInClosed", new TimeSlot(opens, end).hours());
    }
    return new MeetingBooking(id, roomId, subject, attendees, start, end, bookedBy, status, seriesId, meetingClass,
        OffsetDateTime.ofInstant(now, PlatformConfiguration.ZONE), approvalRequestId);
  }

  /**
   * 改期: to another time, by the booker or a meeting manager, while it holds the room and has neither begun nor been
   * checked in to. Whether the room is open and free then is the room's question ({@link BookingRules}).
   */
  MeetingBooking moveTo(OffsetDateTime newStart, OffsetDateTime newEnd, BookingActor by, Instant now) {
    requireChangeableBy(by);
    requireHoldsRoom();
    if (checkedInAt != null || !start.toInstant().isAfter(now)) {
      throw new BusinessRuleException("meeting.alreadyStarted", subject);
    }
    return new MeetingBooking(id, roomId, subject, attendees, newStart, newEnd, bookedBy, status, seriesId,
        meetingClass, checkedInAt, approvalRequestId);
  }

  /**
   * 未签到释放 is due for a confirmed booking nobody checked in to when the grace after its start has passed while the
   * meeting would still run; afterwards nothing is gained by freeing the room.
   */
  boolean dueForNoShowRelease(Instant now, Duration grace) {
    return awaitingCheckIn() && !start.plus(grace).toInstant().isAfter(now) && end.toInstant().isAfter(now);
  }

  MeetingBooking releaseAsNoShow(Instant now, Duration grace) {
    if (!dueForNoShowRelease(now, grace)) {
      throw new ConflictException("meeting.notDueForRelease", subject);
    }
    return withStatus(BookingStatus.RELEASED);
  }

  /** 会务服务 are ordered by the booker or a meeting manager, for a booking that still holds its room. */
  void requireOpenForServices(BookingActor by) {
    requireChangeableBy(by);
    requireHoldsRoom();
  }

  /** When an ordered service is needed: the time asked for (from now until the meeting ends), or else its start. */
  OffsetDateTime serviceNeededAt(OffsetDateTime requested, Instant now) {
    OffsetDateTime neededAt = requested == null ? start : requested;
    if (neededAt.toInstant().isBefore(now) || neededAt.isAfter(end)) {
      throw new BusinessRuleException("meeting.serviceTimeInvalid");
    }
    return neededAt;
  }

  /**
   * Whether cancelling it by this account should take its approval request back: the applicant's own cancel does;
   * a manager's cancel leaves the request to the approvers.
   */
  boolean withdrawsApprovalWhenCancelledBy(long userId) {
    return approvalRequestId != null && bookedBy == userId;
  }

  void requireChangeableBy(BookingActor actor) {
    actor.requireMayChangeWhatWasBookedBy(bookedBy);
  }

  private void requireHoldsRoom() {
    if (!holdsRoom()) {
      throw new ConflictException("meeting.alreadyCancelled", subject);
    }
  }

  private void requireAwaitingApproval() {
    if (!awaitingApproval()) {
      throw new ConflictException("meeting.notAwaitingApproval", subject);
    }
  }

  private MeetingBooking withStatus(BookingStatus next) {
    return new MeetingBooking(id, roomId, subject, attendees, start, end, bookedBy, next, seriesId, meetingClass,
        checkedInAt, approvalRequestId);
  }
}
