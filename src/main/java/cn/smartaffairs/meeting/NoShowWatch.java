package cn.smartaffairs.meeting;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import java.time.Clock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Frees, every minute, the rooms of meetings nobody checked in to within the region's grace. */
@Component
class NoShowWatch {

  private final MeetingBookings bookings;
  private final Clock clock;

  NoShowWatch(MeetingBookings bookings, Clock clock) {
    this.bookings = bookings;
    this.clock = clock;
  }

  @Scheduled(fixedDelayString = "${affairs.meeting.no-show-interval:PT1M}", initialDelayString = "PT1M")
  @SchedulerLock(name = "meeting-no-show-release")
  public void release() {
    bookings.releaseNoShows(clock.instant());
  }
}
