package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** 行驶, 停驶, 离线 by the region's rule values. */
class MapStatusTest {

  private static final Instant NOW = Instant.parse("2026-12-01T02:00:00Z");
  private static final MapStatus.Thresholds RULES = new MapStatus.Thresholds(5, 10);

  private static MapStatus at(long secondsAgo, String speedKmh) {
    return MapStatus.of(NOW.minusSeconds(secondsAgo), new BigDecimal(speedKmh), NOW, RULES);
  }

  @Test
  void aFreshPositionFasterThanTheRuleIsMoving() {
    assertThat(at(30, "5.1")).isEqualTo(MapStatus.MOVING);
    assertThat(at(600, "60")).isEqualTo(MapStatus.MOVING);
  }

  @Test
  void aFreshPositionAtOrBelowTheRuleIsParkedEvenWithTheDriftOfAStandingReceiver() {
    assertThat(at(30, "0")).isEqualTo(MapStatus.PARKED);
    assertThat(at(30, "5.0")).isEqualTo(MapStatus.PARKED);
  }

  @Test
  void noPositionWithinTheRulesMinutesOrNoneEverIsOffline() {
    assertThat(at(601, "60")).isEqualTo(MapStatus.OFFLINE);
    assertThat(MapStatus.of(null, BigDecimal.ZERO, NOW, RULES)).isEqualTo(MapStatus.OFFLINE);
  }

  @Test
  void aPositionFromAheadOfTheClockIsStillFresh() {
    assertThat(at(-120, "20")).isEqualTo(MapStatus.MOVING);
  }
}
