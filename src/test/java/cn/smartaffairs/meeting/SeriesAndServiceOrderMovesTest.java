package cn.smartaffairs.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cancelling a whole series, and delivering an ordered 会务服务, decided without a database. */
class SeriesAndServiceOrderMovesTest {

  private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
  private static final long BOOKER = 5;

  private static OffsetDateTime at(LocalDate day, String time) {
    return BookingRules.at(day, LocalTime.parse(time));
  }

  private static MeetingBooking occurrence(long id, LocalDate day, BookingStatus status) {
    return new MeetingBooking(id, 1, "周例会", 10, at(day, "10:00"), at(day, "11:00"), BOOKER, status, 3L, null, null,
        null);
  }

  /** Four Mondays: the first already held, the third cancelled on its own. */
  private static MeetingSeries weekly(SeriesStatus status) {
    List<MeetingBooking> occurrences = List.of(occurrence(1, MONDAY, BookingStatus.ACTIVE),
        occurrence(2, MONDAY.plusWeeks(1), BookingStatus.ACTIVE),
        occurrence(3, MONDAY.plusWeeks(2), BookingStatus.CANCELLED),
        occurrence(4, MONDAY.plusWeeks(3), BookingStatus.PENDING));
    return new MeetingSeries(3, 1, "周例会", 10, "WEEKLY", 1, MONDAY, MONDAY.plusWeeks(3), LocalTime.of(10, 0),
        LocalTime.of(11, 0), List.of(), status, BOOKER, occurrences);
  }

  private static final Instant AFTER_THE_FIRST_MEETING = at(MONDAY, "12:00").toInstant();

  private static ServiceOrder service(ServiceOrderStatus status) {
    OffsetDateTime needed = at(MONDAY, "09:30");
    return new ServiceOrder(11, 1, ServiceKind.TEA_WATER, needed, null, status, "周例会", "第一会议室",
        at(MONDAY, "10:00"), null);
  }

  @Test
  void cancellingASeriesCancelsOnlyTheOccurrencesStillToComeThatHoldTheRoom() {
    List<MeetingBooking> cancelled = weekly(SeriesStatus.ACTIVE)
        .cancel(new BookingActor(BOOKER, false), AFTER_THE_FIRST_MEETING);
    assertThat(cancelled).extracting(MeetingBooking::id).containsExactly(2L, 4L);
    assertThat(cancelled).allSatisfy(booking -> assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED));
  }

  @Test
  void aMeetingManagerMayCancelSomeoneElsesSeries() {
    assertThat(weekly(SeriesStatus.ACTIVE).cancel(new BookingActor(7, true), AFTER_THE_FIRST_MEETING)).hasSize(2);
  }

  @Test
  void aSeriesIsCancelledOnlyOnce() {
    assertThatThrownBy(() -> weekly(SeriesStatus.CANCELLED).cancel(new BookingActor(BOOKER, false),
        AFTER_THE_FIRST_MEETING)).isInstanceOf(ConflictException.class).hasMessage("meeting.alreadyCancelled");
  }

  @Test
  void nobodyElseMayCancelASeriesEvenWhenNothingIsLeftToCancel() {
    Instant afterTheLast = at(MONDAY.plusWeeks(4), "12:00").toInstant();
    assertThatThrownBy(() -> weekly(SeriesStatus.ACTIVE).cancel(new BookingActor(8, false), afterTheLast))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void theSeriesPageOffersCancellingOnlyWhileTheSeriesRuns() {
    assertThat(weekly(SeriesStatus.ACTIVE).active()).isTrue();
    assertThat(weekly(SeriesStatus.CANCELLED).active()).isFalse();
  }

  @Test
  void anOrderedServiceIsDeliveredOnce() {
    OffsetDateTime now = at(MONDAY, "09:40");
    ServiceOrder delivered = service(ServiceOrderStatus.ORDERED).deliver(now);
    assertThat(delivered.status()).isEqualTo(ServiceOrderStatus.DELIVERED);
    assertThat(delivered.deliveredAt()).isEqualTo(now);
    assertThat(delivered.open()).isFalse();
    assertThatThrownBy(() -> delivered.deliver(now)).isInstanceOf(ConflictException.class)
        .hasMessage("meeting.serviceClosed");
  }

  @Test
  void aServiceCancelledWithItsBookingCannotBeDelivered() {
    assertThatThrownBy(() -> service(ServiceOrderStatus.CANCELLED).deliver(at(MONDAY, "09:40")))
        .isInstanceOf(ConflictException.class).hasMessage("meeting.serviceClosed");
  }
}
