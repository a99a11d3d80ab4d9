package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.SecretFiles;
import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.qrcode.QRCodeWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The rotating payment codes ({@link PaymentCode}) of the platform's accounts: the holder's page shows the current one
 * as a QR image, and a terminal's scanned code is turned back into the account's QR credential — or refused as
 * expired or forged. The platform's payment-code key comes from {@code affairs.canteen.payment-code-key} or is
 * generated once under the data folder (like the field key). An account's QR secret is its active QR credential,
 * which is no longer shown to anyone nor accepted by itself at a terminal.
 */
@Component
class PaymentCodes {

  private final PaymentCode codes;
  private final JdbcClient jdbc;
  private final Clock clock;

  PaymentCodes(@Value("${affairs.canteen.payment-code-key:}") String configuredKey,
      @Value("${affairs.data-dir:./data}") String dataDir, JdbcClient jdbc, Clock clock) {
    String hex = configuredKey.isBlank()
        ? SecretFiles.readOrGenerate(Path.of(dataDir, "keys", "canteen-payment-code.key"), 32).value()
        : configuredKey.trim();
    this.codes = new PaymentCode(HexFormat.of().parseHex(hex));
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** A code and its QR image (PNG as a data URI), for the holder's page. */
  record Shown(String code, String imageDataUri, Instant validUntil) {}

  /** The account's current code, if it has an active QR secret. */
  Optional<Shown> current(long accountId) {
    Instant now = clock.instant();
    return secretOf(accountId).map(secret -> {
      String code = codes.codeFor(accountId, secret, now);
      long nextStep = PaymentCode.stepAt(now) + 1;
      // accepted until the end of the minute after this one
      Instant validUntil = Instant.ofEpochSecond((nextStep + 1) * PaymentCode.STEP_SECONDS);
      return new Shown(code, "data:image/png;base64," + Base64.getEncoder().encodeToString(png(code)), validUntil);
    });
  }

  /**
   * The QR credential a scanned code stands for, checked at the moment the terminal scanned it: a genuine code of
   * this or the previous minute. An older genuine code is refused as expired, anything else as invalid (422 with the
   * reason code at the terminal API).
   */
  String resolve(String presented, Instant scannedAt) {
    PaymentCode.Parsed parsed = PaymentCode.parse(presented)
        .orElseThrow(() -> new PaymentRefused(PaymentRefused.Reason.PAYMENT_CODE_INVALID));
    String secret = secretOf(parsed.accountId())
        .orElseThrow(() -> new PaymentRefused(PaymentRefused.Reason.PAYMENT_CODE_INVALID));
    return switch (codes.verify(parsed, secret, scannedAt)) {
      case VALID -> secret;
      case EXPIRED -> throw new PaymentRefused(PaymentRefused.Reason.PAYMENT_CODE_EXPIRED);
      case INVALID -> throw new PaymentRefused(PaymentRefused.Reason.PAYMENT_CODE_INVALID);
    };
  }

  private Optional<String> secretOf(long accountId) {
    return jdbc.sql("""
        select credential from canteen_credential where account_id = :account and kind = 'QR' and status = 'ACTIVE'""")
        .param("account", accountId).query(String.class).optional();
  }

  private static byte[] png(String code) {
    try {
      var matrix = new QRCodeWriter().encode(code, BarcodeFormat.QR_CODE, 240, 240, Map.of(EncodeHintType.MARGIN, 1));
      var out = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(matrix, "PNG", out);
      return out.toByteArray();
    } catch (WriterException | IOException e) {
      throw new IllegalStateException("cannot draw the payment code", e);
    }
  }
}
