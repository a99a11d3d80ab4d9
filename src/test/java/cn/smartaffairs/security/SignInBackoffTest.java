package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignInBackoffTest {

  private final SignInBackoff backoff = new SignInBackoff(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

  @Test
  void theFreeFailuresCostNothing() {
    assertThat(backoff.delayAfter(0)).isZero();
    assertThat(backoff.delayAfter(3)).isZero();
  }

  @Test
  void eachLaterFailureDoublesTheWaitUpToTheCap() {
    assertThat(backoff.delayAfter(4)).isEqualTo(Duration.ofSeconds(1));
    assertThat(backoff.delayAfter(5)).isEqualTo(Duration.ofSeconds(2));
    assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofSeconds(16));
    assertThat(backoff.delayAfter(9)).isEqualTo(Duration.ofSeconds(30));
    assertThat(backoff.delayAfter(Integer.MAX_VALUE)).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void aCapBelowTheFirstDelayIsRefused() {
    assertThatThrownBy(() -> new SignInBackoff(3, Duration.ofSeconds(5), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
