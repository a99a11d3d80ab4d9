package cn.smartaffairs.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** The moves of one booking — approval, 签到, moving, cancelling, the no-show release — decided by the booking alone. */
class MeetingBookingMovesTest {

  private static final LocalDate DAY = LocalDate.of(2026, 12, 14);
  private static final long BOOKER = 5;
  private static final BookingActor THE_BOOKER = new BookingActor(BOOKER, false);
  private static final BookingActor A_MANAGER = new BookingActor(7, true);
  private static final BookingActor SOMEONE_ELSE = new BookingActor(8, false);
  private static final Duration GRACE = Duration.ofMinutes(15);

  private static OffsetDateTime at(String time) {
    return BookingRules.at(DAY, LocalTime.parse(time));
  }

  private static Instant instant(String time) {
    return at(time).toInstant();
  }

  /** 周例会 from 10:00 to 11:00 on the test day, in the given state, not checked in. */
  private static MeetingBooking booking(BookingStatus status) {
    return new MeetingBooking(9, 1, "周例会", 10, at("10:00"), at("11:00"), BOOKER, status, null, null, null, 42L);
  }

  private static MeetingBooking checkedIn() {
    return booking(BookingStatus.ACTIVE).checkIn(THE_BOOKER, instant("09:50"), GRACE);
  }

  private static String keyOf(Runnable move) {
    try {
      move.run();
    } catch (BusinessRuleException e) {
      return e.messageKey();
    }
    return null;
  }

  @Test
  void aLargeHallWaitsForItsApprovalAndAnyOtherRoomIsConfirmedAtOnce() {
    assertThat(BookingStatus.onBooking(true)).isEqualTo(BookingStatus.PENDING);
    assertThat(BookingStatus.onBooking(false)).isEqualTo(BookingStatus.ACTIVE);
  }

  @Test
  void onlyPendingAndConfirmedBookingsHoldTheRoom() {
    assertThat(BookingStatus.HOLDING_ROOM).containsExactly("PENDING", "ACTIVE");
    assertThat(booking(BookingStatus.CANCELLED).holdsRoom()).isFalse();
    assertThat(booking(BookingStatus.RELEASED).holdsRoom()).isFalse();
  }

  @Test
  void theBookerMayCancelTheirBookingAndTheRoomIsFreeAgain() {
    MeetingBooking cancelled = booking(BookingStatus.ACTIVE).cancel(THE_BOOKER);
    assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(cancelled.holdsRoom()).isFalse();
  }

  @Test
  void aMeetingManagerMayCancelSomeoneElsesBooking() {
    assertThat(booking(BookingStatus.PENDING).cancel(A_MANAGER).status()).isEqualTo(BookingStatus.CANCELLED);
  }

  @Test
  void nobodyElseMayCancelABooking() {
    assertThatThrownBy(() -> booking(BookingStatus.ACTIVE).cancel(SOMEONE_ELSE)).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aBookingThatNoLongerHoldsItsRoomCannotBeCancelledAgain() {
    assertThatThrownBy(() -> booking(BookingStatus.CANCELLED).cancel(THE_BOOKER))
        .isInstanceOf(ConflictException.class).hasMessage("meeting.alreadyCancelled");
    assertThat(keyOf(() -> booking(BookingStatus.RELEASED).cancel(A_MANAGER))).isEqualTo("meeting.alreadyCancelled");
  }

  @Test
  void whoMayNotCancelIsToldSoBeforeBeingToldItIsCancelledAlready() {
    assertThatThrownBy(() -> booking(BookingStatus.CANCELLED).cancel(SOMEONE_ELSE))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void anApprovedHallBookingIsConfirmed() {
    assertThat(booking(BookingStatus.PENDING).approve().status()).isEqualTo(BookingStatus.ACTIVE);
  }

  @Test
  void aRefusedOrWithdrawnHallBookingGivesTheSlotBack() {
    MeetingBooking refused = booking(BookingStatus.PENDING).refuse();
    assertThat(refused.status()).isEqualTo(BookingStatus.CANCELLED);
    assertThat(refused.holdsRoom()).isFalse();
  }

  @Test
  void onlyAPendingBookingIsApprovedOrRefused() {
    assertThatThrownBy(() -> booking(BookingStatus.CANCELLED).approve())
        .isInstanceOf(ConflictException.class).hasMessage("meeting.notAwaitingApproval");
    assertThat(keyOf(() -> booking(BookingStatus.ACTIVE).refuse())).isEqualTo("meeting.notAwaitingApproval");
  }

  @Test
  void checkInOpensTheGraceBeforeTheStart() {
    assertThat(booking(BookingStatus.ACTIVE).checkInOpensAt(GRACE)).isEqualTo(at("09:45"));
  }

  @Test
  void aConfirmedBookingIsCheckedInFromTheGraceBeforeItsStartUntilItsEnd() {
    assertThat(booking(BookingStatus.ACTIVE).checkIn(THE_BOOKER, instant("09:45"), GRACE).checkedInAt().toInstant())
        .isEqualTo(instant("09:45"));
    assertThat(booking(BookingStatus.ACTIVE).checkIn(A_MANAGER, instant("10:59:59"), GRACE).checkedInAt())
        .isNotNull();
  }

  @Test
  void checkInBeforeItsWindowOrAtTheEndIsRefusedNamingTheWindow() {
    assertThatThrownBy(() -> booking(BookingStatus.ACTIVE).checkIn(THE_BOOKER, instant("09:44:59"), GRACE))
        .isInstanceOf(BusinessRuleException.class).hasMessage("meeting.checkInClosed")
        .satisfies(e -> assertThat(((BusinessRuleException) e).arguments()).containsExactly("09:45–11:00"));
    assertThat(keyOf(() -> booking(BookingStatus.ACTIVE).checkIn(THE_BOOKER, instant("11:00"), GRACE)))
        .isEqualTo("meeting.checkInClosed");
  }

  @Test
  void aBookingAwaitingApprovalCannotBeCheckedIn() {
    assertThat(keyOf(() -> booking(BookingStatus.PENDING).checkIn(THE_BOOKER, instant("10:00"), GRACE)))
        .isEqualTo("meeting.notYetApproved");
  }

  @Test
  void cancelledBookingCannotBeCheckedIn() {
    assertThatThrownBy(() -> booking(BookingStatus.CANCELLED).checkIn(THE_BOOKER, instant("10:00"), GRACE))
        .isInstanceOf(ConflictException.class).hasMessage("meeting.alreadyCancelled");
  }

  @Test
  void aReleasedNoShowCannotBeCheckedInAfterwards() {
    assertThat(keyOf(() -> booking(BookingStatus.RELEASED).checkIn(THE_BOOKER, instant("10:20"), GRACE)))
        .isEqualTo("meeting.alreadyCancelled");
  }

  @Test
  void aBookingIsCheckedInOnlyOnce() {
    assertThatThrownBy(() -> checkedIn().checkIn(THE_BOOKER, instant("10:05"), GRACE))
        .isInstanceOf(ConflictException.class).hasMessage("meeting.alreadyCheckedIn");
  }

  @Test
  void nobodyButTheBookerOrAManagerChecksIn() {
    assertThatThrownBy(() -> booking(BookingStatus.ACTIVE).checkIn(SOMEONE_ELSE, instant("10:00"), GRACE))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aBookingThatHasNotBegunMovesToAnotherTime() {
    MeetingBooking moved = booking(BookingStatus.ACTIVE).moveTo(at("14:00"), at("15:30"), THE_BOOKER, instant("09:00"));
    assertThat(moved.start()).isEqualTo(at("14:00"));
    assertThat(moved.end()).isEqualTo(at("15:30"));
    assertThat(moved.status()).isEqualTo(BookingStatus.ACTIVE);
  }

  @Test
  void aMeetingThatHasBegunOrWasCheckedInToCannotBeMoved() {
    assertThat(keyOf(() -> booking(BookingStatus.ACTIVE).moveTo(at("14:00"), at("15:00"), THE_BOOKER,
        instant("10:00")))).isEqualTo("meeting.alreadyStarted");
    assertThat(keyOf(() -> checkedIn().moveTo(at("14:00"), at("15:00"), THE_BOOKER, instant("09:55"))))
        .isEqualTo("meeting.alreadyStarted");
  }

  @Test
  void aCancelledBookingCannotBeMoved() {
    assertThat(keyOf(() -> booking(BookingStatus.CANCELLED).moveTo(at("14:00"), at("15:00"), A_MANAGER,
        instant("09:00")))).isEqualTo("meeting.alreadyCancelled");
  }

  @Test
  void nobodyElseMovesABooking() {
    assertThatThrownBy(() -> booking(BookingStatus.ACTIVE).moveTo(at("14:00"), at("15:00"), SOMEONE_ELSE,
        instant("09:00"))).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aNoShowIsReleasedOnceTheGraceAfterItsStartHasPassed() {
    MeetingBooking booking = booking(BookingStatus.ACTIVE);
    assertThat(booking.dueForNoShowRelease(instant("10:14:59"), GRACE)).isFalse();
    assertThat(booking.dueForNoShowRelease(instant("10:15"), GRACE)).isTrue();
    assertThat(booking.releaseAsNoShow(instant("10:15"), GRACE).status()).isEqualTo(BookingStatus.RELEASED);
  }

  @Test
  void aMeetingThatHasEndedIsNotReleasedAnyMore() {
    assertThat(booking(BookingStatus.ACTIVE).dueForNoShowRelease(instant("11:00"), GRACE)).isFalse();
  }

  @Test
  void aCheckedInOrUnconfirmedBookingIsNeverReleasedAsANoShow() {
    assertThat(checkedIn().dueForNoShowRelease(instant("10:30"), GRACE)).isFalse();
    assertThat(booking(BookingStatus.PENDING).dueForNoShowRelease(instant("10:30"), GRACE)).isFalse();
    assertThat(booking(BookingStatus.CANCELLED).dueForNoShowRelease(instant("10:30"), GRACE)).isFalse();
  }

  @Test
  void releasingABookingThatIsNotDueIsRefused() {
    assertThatThrownBy(() -> checkedIn().releaseAsNoShow(instant("10:30"), GRACE))
        .isInstanceOf(ConflictException.class).hasMessage("meeting.notDueForRelease");
  }

  @Test
  void thePageOffersCheckInOnlyForAConfirmedBookingNobodyCheckedInTo() {
    assertThat(booking(BookingStatus.ACTIVE).awaitingCheckIn()).isTrue();
    assertThat(checkedIn().awaitingCheckIn()).isFalse();
    assertThat(booking(BookingStatus.PENDING).awaitingCheckIn()).isFalse();
    assertThat(booking(BookingStatus.PENDING).awaitingApproval()).isTrue();
  }

  @Test
  void servicesAreOrderedOnlyForABookingThatStillHoldsItsRoom() {
    assertThat(keyOf(() -> booking(BookingStatus.PENDING).requireOpenForServices(THE_BOOKER))).isNull();
    assertThat(keyOf(() -> booking(BookingStatus.CANCELLED).requireOpenForServices(THE_BOOKER)))
        .isEqualTo("meeting.alreadyCancelled");
    assertThatThrownBy(() -> booking(BookingStatus.ACTIVE).requireOpenForServices(SOMEONE_ELSE))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aServiceIsNeededFromNowUntilTheMeetingEndsAndAtItsStartUnlessSaidOtherwise() {
    MeetingBooking booking = booking(BookingStatus.ACTIVE);
    assertThat(booking.serviceNeededAt(null, instant("09:00"))).isEqualTo(at("10:00"));
    assertThat(booking.serviceNeededAt(at("11:00"), instant("09:00"))).isEqualTo(at("11:00"));
    assertThat(keyOf(() -> booking.serviceNeededAt(at("11:01"), instant("09:00"))))
        .isEqualTo("meeting.serviceTimeInvalid");
    assertThat(keyOf(() -> booking.serviceNeededAt(at("09:30"), instant("09:31"))))
        .isEqualTo("meeting.serviceTimeInvalid");
  }

  @Test
  void onlyTheApplicantsOwnCancelTakesTheApprovalRequestBack() {
    MeetingBooking held = booking(BookingStatus.PENDING);
    assertThat(held.withdrawsApprovalWhenCancelledBy(BOOKER)).isTrue();
    assertThat(held.withdrawsApprovalWhenCancelledBy(A_MANAGER.userId())).isFalse();
    MeetingBooking withoutApproval = new MeetingBooking(9, 1, "周例会", 10, at("10:00"), at("11:00"), BOOKER,
        BookingStatus.ACTIVE, null, null, null, null);
    assertThat(withoutApproval.withdrawsApprovalWhenCancelledBy(BOOKER)).isFalse();
  }
}
