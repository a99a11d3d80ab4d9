package cn.smartaffairs.canteen;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * 动态付款码: the code a holder's phone shows for a terminal to scan, new every minute, so a photographed code is of no
 * use a minute or two later. Its form is {@code SA1.<account id>.<time step>.<mac>}: the account id lets the terminal
 * find the account, the step (minutes since the epoch) says which minute it belongs to, and the mac — HMAC-SM3 under
 * the account's own key, cut to 16 hex digits — proves the platform made it. The account's key is derived from the
 * platform's payment-code key and the account's QR secret (never shown), so a code cannot be made without both, and
 * issuing a new QR secret invalidates every code of the old one. Terminals accept the current and the previous step
 * only. Plain Java with the time passed in, so it is tested without Spring.
 */
final class PaymentCode {

  static final String PREFIX = "SA1";
  static final long STEP_SECONDS = 60;
  private static final int MAC_HEX_DIGITS = 16;

  /** What a presented code is: made by the platform and still current, made by it but too old, or not made by it. */
  enum Verdict {
    VALID, EXPIRED, INVALID
  }

  /** A code split into its parts (its mac not yet checked). */
  record Parsed(long accountId, long step, String mac) {}

  private final byte[] platformKey;

  PaymentCode(byte[] platformKey) {
    if (platformKey == null || platformKey.length < 16) {
      throw new IllegalArgumentException("the payment-code key must have at least 16 bytes");
    }
    this.platformKey = platformKey.clone();
  }

  static long stepAt(Instant at) {
    return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
  }

  /** The code of an account for the minute {@code at} falls in. */
  String codeFor(long accountId, String accountSecret, Instant at) {
    long step = stepAt(at);
    return PREFIX + "." + accountId + "." + step + "." + mac(accountId, accountSecret, step);
  }

  /** Whether the string has the form of a payment code at all (otherwise it is a card number, face id...). */
  static boolean looksLikeCode(String presented) {
    return presented != null && presented.startsWith(PREFIX + ".");
  }

  /** The parts of a code, or empty when it does not have the form. */
  static Optional<Parsed> parse(String presented) {
    if (!looksLikeCode(presented)) {
      return Optional.empty();
    }
    String[] parts = presented.split("\\.", -1);
    if (parts.length != 4 || parts[3].length() != MAC_HEX_DIGITS || !parts[3].matches("[0-9a-f]+")) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Parsed(Long.parseLong(parts[1]), Long.parseLong(parts[2]), parts[3]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Checks a code against the account's secret at {@code now}: VALID for this minute's or the previous minute's code,
   * EXPIRED for a genuine code of an earlier minute, INVALID for anything the platform did not make (a wrong mac, a
   * step in the future, another account's secret).
   */
  Verdict verify(Parsed code, String accountSecret, Instant now) {
    String expected = mac(code.accountId(), accountSecret, code.step());
    boolean genuine = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
        code.mac().getBytes(StandardCharsets.US_ASCII));
    long current = stepAt(now);
    if (!genuine || code.step() > current) {
      return Verdict.INVALID;
    }
    return code.step() >= current - 1 ? Verdict.VALID : Verdict.EXPIRED;
  }

  private String mac(long accountId, String accountSecret, long step) {
    byte[] accountKey = hmac(platformKey, "canteen-payment-code|" + accountId + "|" + accountSecret);
    return HexFormat.of().formatHex(hmac(accountKey, PREFIX + "|" + accountId + "|" + step))
        .substring(0, MAC_HEX_DIGITS);
  }

  static byte[] hmac(byte[] key, String message) {
    HMac mac = new HMac(new SM3Digest());
    mac.init(new KeyParameter(key));
    byte[] input = message.getBytes(StandardCharsets.UTF_8);
    mac.update(input, 0, input.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return out;
  }
}
