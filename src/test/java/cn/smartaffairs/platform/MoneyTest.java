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

  @Test
  void aCorrectionMayTakeMoneyBackWithANegativeAmount() {
    assertThat(Money.parseSignedYuan("-3", "x.refused")).isEqualTo(Money.ofFen(-300));
    assertThat(Money.parseSignedYuan(" -1,234.05 ", "x.refused")).isEqualTo(Money.ofFen(-123405));
  }

  @Test
  void anAmountAlreadyReadAsANumberKeepsItsFenOrIsRefusedWithTheCallersKey() {
    assertThat(Money.ofYuan(new BigDecimal("12.30"), "x.refused")).isEqualTo(Money.ofFen(1230));
    assertThatThrownBy(() -> Money.ofYuan(new BigDecimal("0.005"), "x.refused"))
        .isInstanceOfSatisfying(BusinessRuleException.class, e -> {
          assertThat(e.messageKey()).isEqualTo("x.refused");
          assertThat(e.arguments()).containsExactly("0.005");
        });
    assertThatThrownBy(() -> Money.ofYuan(null, "x.refused")).isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void anAmountBeyondWhatFenCanHoldIsRefusedNotWrapped() {
    assertThatThrownBy(() -> Money.parseYuan("99999999999999999999"))
        .isInstanceOfSatisfying(BusinessRuleException.class,
            e -> assertThat(e.messageKey()).isEqualTo(Money.INVALID));
    assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1))).isInstanceOf(ArithmeticException.class);
  }

  @Test
  void formsAndExportsShowTwoDecimalsWithoutGrouping() {
    assertThat(Money.ofFen(123450).plain()).isEqualTo("1234.50");
    assertThat(Money.ofFen(7).plain()).isEqualTo("0.07");
    assertThat(Money.ZERO.plain()).isEqualTo("0.00");
  }
}
