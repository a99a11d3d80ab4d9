package cn.smartaffairs.platform;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * An amount of money in integer fen (分), the only way amounts are stored and computed; yuan (元, two decimals) only
 * where a person types or reads one.
 */
public record Money(long fen) implements Comparable<Money> {

  public static final Money ZERO = new Money(0);

  /** The refusal when no module names its own: "金额……无效". */
  public static final String INVALID = "error.money.invalid";

  public static Money ofFen(long fen) {
    return new Money(fen);
  }

  /** Yuan as typed ("12.5", "1,234.50"), not negative, at most two decimals; anything else is refused. */
  public static Money parseYuan(String text) {
    return parseYuan(text, INVALID);
  }

  /** The same, refused with the module's own message key (its argument: the text as typed). */
  public static Money parseYuan(String text, String refusalKey) {
    Money money = parseSignedYuan(text, refusalKey);
    if (money.fen < 0) {
      throw refused(text, refusalKey);
    }
    return money;
  }

  /** Yuan as typed where a negative amount means something (a correction that takes money back: "-3"). */
  public static Money parseSignedYuan(String text, String refusalKey) {
    BigDecimal yuan;
    try {
      yuan = new BigDecimal(text == null ? "" : text.strip().replace(",", ""));
    } catch (NumberFormatException e) {
      throw refused(text, refusalKey);
    }
    return ofYuan(yuan, refusalKey, text);
  }

  /** A form field that {@link YuanAmount} has checked: its amount, or null when it was left empty. */
  public static Money ofFormYuan(String text) {
    return text == null || text.isBlank() ? null : parseSignedYuan(text, INVALID);
  }

  /** The same for a field that rounds a third decimal to the fen ({@code @YuanAmount(rounded = true)}). */
  public static Money ofFormYuanRounded(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      BigDecimal typed = new BigDecimal(text.strip().replace(",", ""));
      if (typed.precision() - typed.scale() > 18) {
        // refused before rounding: "1e999999999" would otherwise be written out digit by digit
        throw refused(text, INVALID);
      }
      return ofYuan(typed.setScale(2, java.math.RoundingMode.HALF_UP), INVALID, text);
    } catch (NumberFormatException e) {
      throw refused(text, INVALID);
    }
  }

  /** An amount already read as a number (a form's BigDecimal field): more than two decimals are refused, not rounded. */
  public static Money ofYuan(BigDecimal yuan, String refusalKey) {
    return ofYuan(yuan, refusalKey, yuan == null ? null : yuan.toPlainString());
  }

  private static Money ofYuan(BigDecimal yuan, String refusalKey, String text) {
    try {
      return new Money(yuan.movePointRight(2).longValueExact());
    } catch (ArithmeticException | NullPointerException e) {
      throw refused(text, refusalKey);
    }
  }

  private static BusinessRuleException refused(String text, String refusalKey) {
    return new BusinessRuleException(refusalKey, text == null ? "" : text);
  }

  /** In yuan with two decimals: 123450 fen is 1234.50. */
  public BigDecimal yuan() {
    return BigDecimal.valueOf(fen, 2);
  }

  /** In yuan with two decimals and no grouping, as forms and exports show it: "1234.50". */
  public String plain() {
    return yuan().toPlainString();
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(fen, other.fen));
  }

  public boolean isNegative() { return fen < 0; }

  @Override
  public int compareTo(Money other) {
    return Long.compare(fen, other.fen);
  }

  /** In yuan as people read it, grouped by thousands with two decimals: "1,234.50", "-0.05". */
  @Override
  public String toString() {
    // DecimalFormat is not thread-safe and cheap enough to make per call
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(yuan());
  }
}
