package cn.smartaffairs.crypto;

import cn.smartaffairs.platform.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMModeCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts personal data at rest (mobile numbers...) with SM4-GCM (GB/T 32907). The key comes from
 * {@code affairs.crypto.field-key}, or is generated once under the data folder for a self-contained install.
 */
@Component
public class FieldCipher {

  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeyParameter key;
  private final KeyParameter lookupKey;
  private final SecureRandom random = new SecureRandom();

  public FieldCipher(@Value("${affairs.crypto.field-key:}") String configuredKey,
      @Value("${affairs.data-dir:./data}") String dataDir) {
    String hex = configuredKey.isBlank()
        ? keyFromDataFolder(Path.of(dataDir, "keys", "field.key"))
        : configuredKey.trim();
    byte[] bytes = HexFormat.of().parseHex(hex);
    if (bytes.length != 16) {
      throw new IllegalStateException("affairs.crypto.field-key must be 32 hex digits (an SM4 key)");
    }
    this.key = new KeyParameter(bytes);
    // a key of its own for lookup hashes, so the encryption key is never used for two things
    this.lookupKey = new KeyParameter(Sm3.digest(concat("field-lookup-hash".getBytes(StandardCharsets.UTF_8), bytes)));
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] both = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, both, a.length, b.length);
    return both;
  }

  public String encrypt(String plain) {
    if (plain == null) {
      return null;
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] input = plain.getBytes(StandardCharsets.UTF_8);
    GCMModeCipher cipher = newCipher(true, nonce);
    byte[] out = new byte[cipher.getOutputSize(input.length)];
    int length = cipher.processBytes(input, 0, input.length, out, 0);
    try {
      cipher.doFinal(out, length);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException(e);
    }
    byte[] stored = Arrays.copyOf(nonce, NONCE_BYTES + out.length);
    System.arraycopy(out, 0, stored, NONCE_BYTES, out.length);
    return Base64.getEncoder().encodeToString(stored);
  }

  public String decrypt(String stored) {
    if (stored == null) {
      return null;
    }
    byte[] bytes = Base64.getDecoder().decode(stored);
    GCMModeCipher cipher = newCipher(false, Arrays.copyOf(bytes, NONCE_BYTES));
    byte[] out = new byte[cipher.getOutputSize(bytes.length - NONCE_BYTES)];
    int length = cipher.processBytes(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES, out, 0);
    try {
      length += cipher.doFinal(out, length);
    } catch (InvalidCipherTextException e) {
      throw new IllegalStateException("encrypted field does not match the key", e);
    }
    return new String(out, 0, length, StandardCharsets.UTF_8);
  }

  /**
   * A keyed hash (HMAC-SM3 under a key derived from the field key) to find an encrypted value by equality. A plain hash
   * of a value with few possibilities (an ID number, a mobile number) can be reversed by hashing every candidate; this
   * one cannot without the key. {@code purpose} separates the uses, so equal values of two purposes hash apart.
   */
  public String lookupHash(String purpose, String value) {
    HMac mac = new HMac(new SM3Digest());
    mac.init(lookupKey);
    byte[] input = (purpose + ":" + value).getBytes(StandardCharsets.UTF_8);
    mac.update(input, 0, input.length);
    byte[] out = new byte[mac.getMacSize()];
    mac.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }

  private GCMModeCipher newCipher(boolean encrypt, byte[] nonce) {
    GCMModeCipher cipher = GCMBlockCipher.newInstance(new SM4Engine());
    cipher.init(encrypt, new AEADParameters(key, TAG_BITS, nonce));
    return cipher;
  }

  /** The generated key is kept 0600 in a 0700 folder; a key file an earlier version wrote world-readable is narrowed. */
  private static String keyFromDataFolder(Path file) {
    return SecretFiles.readOrGenerate(file, 16).value();
  }
}
