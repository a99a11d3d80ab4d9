package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 错时开放: a lot's public window on the days named, across midnight when it closes before it opens. */
class ParkingLotTest {

  private static ParkingLot lot(LocalTime opens, LocalTime closes, String days) {
    return new ParkingLot(1, 1, "机关大院停车场", null, opens, closes, days,
        Map.of(ParkingZoneKind.PUBLIC, new ParkingLot.Zone(10, 4)), List.of("东门"));
  }

  // 2026-12-07 is a Monday
  private static final LocalDateTime MONDAY = LocalDateTime.of(2026, 12, 7, 0, 0);

  @Test
  void aDaytimeWindowOpensOnlyOnTheDaysNamedBetweenItsTimes() {
    ParkingLot weekends = lot(LocalTime.of(8, 0), LocalTime.of(18, 0), "67");
    assertThat(weekends.publicOpenAt(MONDAY.plusDays(5).withHour(8))).isTrue(); // Saturday 08:00
    assertThat(weekends.publicOpenAt(MONDAY.plusDays(6).withHour(17).withMinute(59))).isTrue(); // Sunday
    assertThat(weekends.publicOpenAt(MONDAY.plusDays(6).withHour(18))).isFalse(); // closed at 18:00
    assertThat(weekends.publicOpenAt(MONDAY.withHour(10))).isFalse(); // a Monday
  }

  @Test
  void anOvernightWindowRunsFromTheEveningOfADayNamedIntoTheNextMorning() {
    ParkingLot workdayNights = lot(LocalTime.of(18, 30), LocalTime.of(7, 30), "12345");
    assertThat(workdayNights.publicOpenAt(MONDAY.withHour(19))).isTrue(); // Monday evening
    assertThat(workdayNights.publicOpenAt(MONDAY.plusDays(1).withHour(7))).isTrue(); // Tuesday morning, from Monday
    assertThat(workdayNights.publicOpenAt(MONDAY.withHour(7))).isFalse(); // Monday morning: Sunday not named
    assertThat(workdayNights.publicOpenAt(MONDAY.plusDays(5).withHour(7))).isTrue(); // Saturday morning, from Friday
    assertThat(workdayNights.publicOpenAt(MONDAY.plusDays(5).withHour(19))).isFalse(); // Saturday evening
    assertThat(workdayNights.publicOpenAt(MONDAY.withHour(12))).isFalse(); // office hours
  }

  @Test
  void aLotWithoutAWindowNeverOpensAndCountsItsFreePlaces() {
    assertThat(lot(null, null, "").publicOpenAt(MONDAY.withHour(20))).isFalse();
    assertThat(lot(LocalTime.of(18, 0), LocalTime.of(8, 0), "1234567").freePublicPlaces()).isEqualTo(6);
  }
}
