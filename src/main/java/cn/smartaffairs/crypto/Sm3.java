package cn.smartaffairs.crypto;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;

/** SM3 (GB/T 32905), the national hash algorithm that Chinese government systems are asked to use. */
public final class Sm3 {

  private Sm3() {}

  public static String hex(String text) {
    return hex(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String hex(byte[] input) {
    return HexFormat.of().formatHex(digest(input));
  }

  public static byte[] digest(byte[] input) {
    SM3Digest digest = new SM3Digest();
    digest.update(input, 0, input.length);
    byte[] out = new byte[digest.getDigestSize()];
    digest.doFinal(out, 0);
    return out;
  }
}
