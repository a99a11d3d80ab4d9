package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The rotating payment code: this minute's and the previous minute's code pass, older ones expire, forgeries fail. */
class PaymentCodeTest {

  static final PaymentCode CODES = new PaymentCode(HexFormat.of().parseHex("00112233445566778899aabbccddeeff"));
  static final String SECRET = "Q0123456789abcdef0123456789abcdef";
  static final Instant SHOWN = Instant.parse("2026-03-02T04:30:10Z");

  static PaymentCode.Verdict check(String code, String secret, Instant at) {
    return PaymentCode.parse(code).map(parsed -> CODES.verify(parsed, secret, at)).orElse(PaymentCode.Verdict.INVALID);
  }

  @Test
  void aCodeNamesItsAccountAndMinute() {
    String code = CODES.codeFor(42, SECRET, SHOWN);

    assertThat(code).startsWith("SA1.42." + SHOWN.getEpochSecond() / 60 + ".");
    assertThat(PaymentCode.parse(code).orElseThrow().accountId()).isEqualTo(42);
    assertThat(CODES.codeFor(42, SECRET, SHOWN.plusSeconds(49))).isEqualTo(code);
    assertThat(CODES.codeFor(42, SECRET, SHOWN.plusSeconds(50))).isNotEqualTo(code);
  }

  @Test
  void theCurrentAndThePreviousMinutesCodesAreAccepted() {
    String code = CODES.codeFor(42, SECRET, SHOWN);

    assertThat(check(code, SECRET, SHOWN)).isEqualTo(PaymentCode.Verdict.VALID);
    assertThat(check(code, SECRET, SHOWN.plusSeconds(60))).isEqualTo(PaymentCode.Verdict.VALID);
  }

  @Test
  void aCodeTwoMinutesOldHasExpired() {
    String code = CODES.codeFor(42, SECRET, SHOWN);

    assertThat(check(code, SECRET, SHOWN.plusSeconds(110))).isEqualTo(PaymentCode.Verdict.EXPIRED);
    assertThat(check(code, SECRET, SHOWN.plusSeconds(3600))).isEqualTo(PaymentCode.Verdict.EXPIRED);
  }

  @Test
  void aForgedOrForeignCodeIsInvalid() {
    String code = CODES.codeFor(42, SECRET, SHOWN);
    String lastDigitChanged = code.substring(0, code.length() - 1) + (code.endsWith("0") ? "1" : "0");
    String otherAccount = code.replace("SA1.42.", "SA1.43.");
    String future = CODES.codeFor(42, SECRET, SHOWN.plusSeconds(120));
    PaymentCode otherPlatform = new PaymentCode(HexFormat.of().parseHex("ffeeddccbbaa99887766554433221100"));

    assertThat(check(lastDigitChanged, SECRET, SHOWN)).isEqualTo(PaymentCode.Verdict.INVALID);
    assertThat(check(otherAccount, SECRET, SHOWN)).isEqualTo(PaymentCode.Verdict.INVALID);
    assertThat(check(code, "Q-another-secret", SHOWN)).isEqualTo(PaymentCode.Verdict.INVALID);
    assertThat(check(future, SECRET, SHOWN)).isEqualTo(PaymentCode.Verdict.INVALID);
    assertThat(check(otherPlatform.codeFor(42, SECRET, SHOWN), SECRET, SHOWN)).isEqualTo(PaymentCode.Verdict.INVALID);
    assertThat(check("SA1.42.x.y", SECRET, SHOWN)).isEqualTo(PaymentCode.Verdict.INVALID);
    assertThat(PaymentCode.looksLikeCode("800000000042")).isFalse();
  }
}
