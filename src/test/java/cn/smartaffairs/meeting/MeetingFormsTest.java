package cn.smartaffairs.meeting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The meeting forms become the commands the rules check: times in Beijing time, amounts in fen, dates as typed. */
class MeetingFormsTest {

  @Test
  void aBookingIsAskedForInBeijingTime() {
    var form = new BookingForm();
    form.setRoomId(7L);
    form.setDate(LocalDate.of(2030, 3, 4));
    form.setFrom(LocalTime.of(9, 30));
    form.setTo(LocalTime.of(11, 0));
    form.setSubject("季度工作会");
    form.setAttendees(12);
    form.setMeetingClass(3);

    NewBooking booking = form.toNewBooking();

    assertThat(booking.start()).isEqualTo(OffsetDateTime.of(2030, 3, 4, 9, 30, 0, 0, ZoneOffset.ofHours(8)));
    assertThat(booking.end()).isEqualTo(OffsetDateTime.of(2030, 3, 4, 11, 0, 0, 0, ZoneOffset.ofHours(8)));
    assertThat(booking).extracting(NewBooking::roomId, NewBooking::subject, NewBooking::attendees,
        NewBooking::meetingClass).containsExactly(7L, "季度工作会", 12, 3);
  }

  @Test
  void theSkippedDatesOfASeriesAreReadWhateverSeparatesThem() {
    var form = new SeriesForm();
    form.setExceptions(" 2030-03-11，2030-03-18  2030-03-25, ");

    assertThat(form.skippedDates()).containsExactly(LocalDate.of(2030, 3, 11), LocalDate.of(2030, 3, 18),
        LocalDate.of(2030, 3, 25));
    form.setExceptions("  ");
    assertThat(form.skippedDates()).isEmpty();
  }

  @Test
  void aSkippedDateThatIsNoDateBreaksARuleNamingWhatWasTyped() {
    var form = new SeriesForm();
    form.setExceptions("2030-03-11, 下周一");

    assertThatThrownBy(form::skippedDates).isInstanceOfSatisfying(BusinessRuleException.class, refused -> {
      assertThat(refused.messageKey()).isEqualTo("meeting.exceptionsInvalid");
      assertThat(refused.arguments()).containsExactly("下周一");
    });
  }

  @Test
  void aSeriesIsWeeklyUnlessAskedOtherwise() {
    var form = new SeriesForm();
    form.setRoomId(3L);
    form.setFirstDate(LocalDate.of(2030, 3, 4));
    form.setUntilDate(LocalDate.of(2030, 3, 25));
    form.setFrom(LocalTime.of(16, 0));
    form.setTo(LocalTime.of(17, 0));

    NewSeries series = form.toNewSeries();

    assertThat(series.frequency()).isEqualTo("WEEKLY");
    assertThat(series.interval()).isEqualTo(1);
    assertThat(series.exceptions()).isEqualTo(List.of());
  }

  @Test
  void aFeeCapTypedInYuanIsKeptInFen() {
    var form = new FeeCapForm();
    form.setYuanPerPersonDay("1,600.5");

    assertThat(form.fenPerPersonDay()).isEqualTo(160_050);
  }

  @Test
  void aRoomLeftWithoutFloorHasNone() {
    var form = new RoomForm();
    form.setName("第九会议室");
    form.setBuilding("1号楼");
    form.setFloor("  ");
    form.setCapacity(20);

    NewRoom room = form.toRoom();

    assertThat(room.floor()).isNull();
    assertThat(room.opensAt()).isEqualTo(LocalTime.of(8, 0));
    assertThat(room.closesAt()).isEqualTo(LocalTime.of(21, 0));
    assertThat(room.equipment()).isEmpty();
  }
}
