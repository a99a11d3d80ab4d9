package cn.smartaffairs.telemetry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.BusinessRuleException;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The SIM phone numbers and terminal ids a binding takes, and the moments a track request names. */
class TerminalNumberRulesTest {

  @Test
  void aPhoneIsStoredWithoutTheZerosThatPadItInTheHeader() {
    assertThat(TerminalBindings.phone("013912345678", TerminalProtocol.JT808_2013)).isEqualTo("13912345678");
    assertThat(TerminalBindings.phone(" 13912345678 ", TerminalProtocol.JT808_2013)).isEqualTo("13912345678");
  }

  @Test
  void a2013PhoneHasAtMostTwelveDigitsAnd2019Twenty() {
    assertThat(TerminalBindings.phone("106412345678", TerminalProtocol.JT808_2011)).isEqualTo("106412345678");
    assertThatThrownBy(() -> TerminalBindings.phone("1064123456789", TerminalProtocol.JT808_2013))
        .isInstanceOf(BusinessRuleException.class);
    assertThat(TerminalBindings.phone("10641234567890123456", TerminalProtocol.JT808_2019)).hasSize(20);
  }

  @Test
  void aPhoneOfLettersZerosOrNothingIsRefused() {
    for (String bad : new String[] {"139-1234-5678", "1391234567a", "0000", "", null}) {
      assertThatThrownBy(() -> TerminalBindings.phone(bad, TerminalProtocol.JT808_2013))
          .as(bad).isInstanceOfSatisfying(BusinessRuleException.class,
              e -> assertThat(e.messageKey()).isEqualTo("telemetry.phoneInvalid"));
    }
  }

  @Test
  void aTerminalIdIsLettersAndDigitsSevenFor2013AndThirtyFor2019() {
    assertThat(TerminalBindings.terminalId("T000001", TerminalProtocol.JT808_2013)).isEqualTo("T000001");
    assertThatThrownBy(() -> TerminalBindings.terminalId("T0000001", TerminalProtocol.JT808_2013))
        .isInstanceOf(BusinessRuleException.class);
    assertThat(TerminalBindings.terminalId("T0000001", TerminalProtocol.JT808_2019)).isEqualTo("T0000001");
    assertThatThrownBy(() -> TerminalBindings.terminalId("T 1", TerminalProtocol.JT808_2019))
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void aMomentIsBeijingLocalUnlessItNamesItsOffset() {
    assertThat(Moments.parse("2026-12-01T09:00")).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
    assertThat(Moments.parse("2026-12-01T09:00+08:00")).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
    assertThat(Moments.parse("2026-12-01T01:00Z")).isEqualTo(Instant.parse("2026-12-01T01:00:00Z"));
    assertThat(Moments.parse("2026-12-01")).isEqualTo(Instant.parse("2026-11-30T16:00:00Z"));
  }

  @Test
  void aMomentThatIsNoMomentIsRefusedNamingWhatCame() {
    assertThatThrownBy(() -> Moments.parse("2026-13-01T09:00"))
        .isInstanceOfSatisfying(BusinessRuleException.class,
            e -> assertThat(e.arguments()).containsExactly("2026-13-01T09:00"));
  }
}
