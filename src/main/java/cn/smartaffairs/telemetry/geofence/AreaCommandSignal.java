package cn.smartaffairs.telemetry.geofence;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/** Wakes this instance's {@link AreaCommandSender} when commands were queued here, instead of its next look. */
@Component
class AreaCommandSignal {

  private final Semaphore queued = new Semaphore(0);

  void wakeUp() {
    queued.release();
  }

  /** Waits until woken or the time is up; true when woken. */
  boolean await(Duration most) throws InterruptedException {
    boolean woken = queued.tryAcquire(most.toMillis(), TimeUnit.MILLISECONDS);
    queued.drainPermits();
    return woken;
  }
}
