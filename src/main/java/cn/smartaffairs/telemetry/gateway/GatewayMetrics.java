package cn.smartaffairs.telemetry.gateway;

import cn.smartaffairs.telemetry.jt808.MalformedFrameException.Fault;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/**
 * The gateway's counters on /actuator/prometheus: malformed frames by fault, frames read, positions acknowledged and
 * refused, open connections, and the time from a position's arrival to its acknowledgement.
 */
@Component
public class GatewayMetrics {

  private final Map<Fault, Counter> malformed = new EnumMap<>(Fault.class);
  private final Counter frames;
  private final Counter acknowledged;
  private final Counter refusedUnauthenticated;
  private final Counter refusedUnstored;
  private final Counter dropped;
  private final AtomicInteger connections = new AtomicInteger();
  private final Timer acknowledgement;

  GatewayMetrics(MeterRegistry meters) {
    for (Fault fault : Fault.values()) {
      malformed.put(fault, Counter.builder("telemetry.frames.malformed").tag("fault", fault.name().toLowerCase())
          .description("JT/T 808 frames or message bodies that break the standard").register(meters));
    }
    frames = Counter.builder("telemetry.frames").description("JT/T 808 frames read").register(meters);
    acknowledged = Counter.builder("telemetry.positions.acknowledged")
        .description("positions stored and acknowledged (0x8001 result 0)").register(meters);
    refusedUnauthenticated = Counter.builder("telemetry.positions.refused").tag("reason", "unauthenticated")
        .description("positions refused (0x8001 result 1)").register(meters);
    refusedUnstored = Counter.builder("telemetry.positions.refused").tag("reason", "not-stored")
        .description("positions refused (0x8001 result 1)").register(meters);
    dropped = Counter.builder("telemetry.frames.dropped")
        .description("frames dropped unanswered: too many waiting on one connection").register(meters);
    meters.gauge("telemetry.connections", connections);
    // buckets around the 100 ms target, so a scrape before and after a run tells how many were answered within it
    acknowledgement = Timer.builder("telemetry.position.acknowledgement")
        .description("from a position's arrival to its acknowledgement, after its batch committed")
        .serviceLevelObjectives(Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1))
        .register(meters);
  }

  void malformed(Fault fault) {
    malformed.get(fault).increment();
  }

  public double malformedCount() {
    return malformed.values().stream().mapToDouble(Counter::count).sum();
  }

  void frame() {
    frames.increment();
  }

  void acknowledged(int positions, long arrivedNanos) {
    acknowledged.increment(positions);
    acknowledgement.record(System.nanoTime() - arrivedNanos, TimeUnit.NANOSECONDS);
  }

  void refusedUnauthenticated(int positions) {
    refusedUnauthenticated.increment(positions);
  }

  void refusedUnstored(int positions) {
    refusedUnstored.increment(positions);
  }

  void dropped() {
    dropped.increment();
  }

  void opened() {
    connections.incrementAndGet();
  }

  void closed() {
    connections.decrementAndGet();
  }
}
