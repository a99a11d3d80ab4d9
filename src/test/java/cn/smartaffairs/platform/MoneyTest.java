package cn.smartaffairs.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Amounts are integer fen; yuan only as typed or read, never rounded behind anyone's back. */
class MoneyTest {

  @Test
  void yuanAsTypedBecomeFen() {
    assertThat(Money.parseYuan("12.5").fen()).isEqualTo(1250);
    assertThat(Money.parseYuan(" 1,234.50 ").fen()).isEqualTo(123450);
    assertThat(Money.parseYuan("0").fen()).isZero();
    assertThat(Money.parseSignedYuan("-3", Money.INVALID).fen()).isEqualTo(-300);
  }

  @Test
  void moreThanTwoDecimalsAreRefusedNotRounded() {
    assertThatThrownBy(() -> Money.parseYuan("0.125")).isInstanceOf(BusinessRuleException.class)
        .extracting("messageKey").isEqualTo("error.money.invalid");
    assertThatThrownBy(() -> Money.ofYuan(new BigDecimal("7.001"), "meeting.feeCapInvalid"))
        .isInstanceOf(BusinessRuleException.class).extracting("messageKey").isEqualTo("meeting.feeCapInvalid");
  }

  @Test
  void aNegativeAmountIsRefusedWhereNoneIsAllowed() {
    assertThatThrownBy(() -> Money.parseYuan("-1")).isInstanceOf(BusinessRuleException.class)
        .satisfies(e -> assertThat(((BusinessRuleException) e).arguments()).containsExactly("-1"));
  }

  @Test
  void whatIsNoNumberIsRefusedWithTheCallersKey() {
    for (String text : new String[] {"abc", "", "  ", null, "1e400", "99999999999999999999"}) {
      assertThatThrownBy(() -> Money.parseYuan(text, "canteen.amountInvalid"))
          .isInstanceOf(BusinessRuleException.class).extracting("messageKey").isEqualTo("canteen.amountInvalid");
    }
  }

  @Test
  void fenReadAsYuanWithTwoDecimalsGroupedByThousands() {
    assertThat(Money.ofFen(123450)).hasToString("1,234.50");
    assertThat(Money.ofFen(5)).hasToString("0.05");
    assertThat(Money.ofFen(-5)).hasToString("-0.05");
    assertThat(Money.ofFen(100_000_000_00L)).hasToString("100,000,000.00");
    assertThat(Money.ofFen(123450).yuan()).isEqualByComparingTo("1234.5").hasToString("1234.50");
  }

  @Test
  void amountsAddAndCompareInFen() {
    assertThat(Money.ofFen(150).plus(Money.ofFen(-200))).isEqualTo(Money.ofFen(-50));
    assertThat(Money.ofFen(-50).isNegative()).isTrue();
    assertThat(Money.ofFen(99)).isLessThan(Money.ofFen(100));
  }
}
