package cn.smartaffairs.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/** Office hours are a morning block and an afternoon block, in order, with the lunch break between. */
class OfficeHoursTest {

  private static LocalTime t(String hhmm) {
    return LocalTime.parse(hhmm);
  }

  @Test
  void theUsualDayIsTwoBlocksAroundLunch() {
    OfficeHours hours = new OfficeHours(t("08:30"), t("12:00"), t("14:00"), t("17:30"));
    assertThat(hours.blocks()).isDeepEqualTo(
        new LocalTime[][] {{t("08:30"), t("12:00")}, {t("14:00"), t("17:30")}});
  }

  @Test
  void theAfternoonMayStartRightWhenTheMorningEnds() {
    OfficeHours hours = new OfficeHours(t("09:00"), t("12:00"), t("12:00"), t("17:00"));
    assertThat(hours.afternoonStart()).isEqualTo(hours.morningEnd());
  }

  @Test
  void aMorningThatEndsBeforeItStartsIsRefused() {
    assertThatThrownBy(() -> new OfficeHours(t("12:00"), t("08:30"), t("14:00"), t("17:30")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anAfternoonStartingBeforeTheMorningEndsIsRefused() {
    assertThatThrownBy(() -> new OfficeHours(t("08:30"), t("12:00"), t("11:00"), t("17:30")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void anEmptyAfternoonIsRefused() {
    assertThatThrownBy(() -> new OfficeHours(t("08:30"), t("12:00"), t("14:00"), t("14:00")))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
