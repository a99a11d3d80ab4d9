package cn.smartaffairs.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** No approval task is due after the thing it approves starts, less the margin, and none is due before it opens. */
class TaskDeadlineTest {

  private static final Instant NOW = Instant.parse("2026-12-04T01:30:00Z");
  private static final Duration MARGIN = Duration.ofHours(2);
  private static final Duration REMIND_BEFORE = Duration.ofHours(2);

  @Test
  void aTripBeforeTheWorkingHourDeadlineIsDecidedTheMarginBeforeItLeaves() {
    Instant calendarDue = Instant.parse("2026-12-08T01:30:00Z");
    Instant calendarRemind = Instant.parse("2026-12-07T08:00:00Z");
    Instant trip = Instant.parse("2026-12-06T02:00:00Z");

    TaskDeadline deadline = TaskDeadline.of(NOW, calendarDue, calendarRemind, REMIND_BEFORE, trip, MARGIN);

    assertThat(deadline.due()).isEqualTo(Instant.parse("2026-12-06T00:00:00Z")).isBefore(trip);
    assertThat(deadline.remind()).isEqualTo(Instant.parse("2026-12-05T22:00:00Z")).isBefore(deadline.due());
  }

  @Test
  void somethingThatStartsLaterKeepsTheWorkingHourDeadlineAndReminder() {
    Instant calendarDue = Instant.parse("2026-12-08T01:30:00Z");
    Instant calendarRemind = Instant.parse("2026-12-07T08:00:00Z");

    TaskDeadline deadline = TaskDeadline.of(NOW, calendarDue, calendarRemind, REMIND_BEFORE,
        Instant.parse("2026-12-20T02:00:00Z"), MARGIN);

    assertThat(deadline.due()).isEqualTo(calendarDue);
    assertThat(deadline.remind()).isEqualTo(calendarRemind);
  }

  @Test
  void aRequestWithoutAStartKeepsTheWorkingHourDeadline() {
    Instant calendarDue = Instant.parse("2026-12-08T01:30:00Z");

    TaskDeadline deadline = TaskDeadline.of(NOW, calendarDue, null, REMIND_BEFORE, null, MARGIN);

    assertThat(deadline.due()).isEqualTo(calendarDue);
    assertThat(deadline.remind()).isNull();
  }

  @Test
  void aStartCloserThanTheMarginMakesTheTaskDueNowNotInThePast() {
    Instant soon = NOW.plus(Duration.ofMinutes(45));

    TaskDeadline deadline = TaskDeadline.of(NOW, Instant.parse("2026-12-08T01:30:00Z"),
        Instant.parse("2026-12-07T08:00:00Z"), REMIND_BEFORE, soon, MARGIN);

    assertThat(deadline.due()).isEqualTo(NOW);
    assertThat(deadline.remind()).isEqualTo(NOW);
  }

  @Test
  void anEarlierWorkingHourReminderIsKeptWhenItStillComesBeforeTheNewDeadline() {
    Instant calendarRemind = Instant.parse("2026-12-04T05:00:00Z");
    Instant trip = Instant.parse("2026-12-05T02:00:00Z");

    TaskDeadline deadline = TaskDeadline.of(NOW, Instant.parse("2026-12-08T01:30:00Z"), calendarRemind, REMIND_BEFORE,
        trip, MARGIN);

    assertThat(deadline.due()).isEqualTo(Instant.parse("2026-12-05T00:00:00Z"));
    assertThat(deadline.remind()).isEqualTo(calendarRemind);
  }
}
