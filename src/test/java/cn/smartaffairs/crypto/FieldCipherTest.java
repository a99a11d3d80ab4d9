package cn.smartaffairs.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Personal data sealed with SM4-GCM comes back only under the same key and only as it was written. */
class FieldCipherTest {

  private static final String KEY = "0123456789abcdeffedcba9876543210";
  private static final String OTHER_KEY = "00112233445566778899aabbccddeeff";
  private static final String UNUSED_DATA_DIR = "target/field-cipher-unused";

  private final FieldCipher cipher = new FieldCipher(KEY, UNUSED_DATA_DIR);

  @Test
  void aMobileNumberComesBackAsItWasWritten() {
    assertThat(cipher.decrypt(cipher.encrypt("13800138000"))).isEqualTo("13800138000");
  }

  @Test
  void chineseTextAndTheEmptyStringRoundTrip() {
    assertThat(cipher.decrypt(cipher.encrypt("北京市东城区正义路2号"))).isEqualTo("北京市东城区正义路2号");
    assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
  }

  @Test
  void theStoredFormDoesNotShowThePlainText() {
    String stored = cipher.encrypt("13800138000");
    assertThat(stored).doesNotContain("13800138000");
    assertThat(Base64.getDecoder().decode(stored)).hasSize(12 + 11 + 16);
  }

  @Test
  void theSameTextIsStoredDifferentlyEachTimeSoEqualValuesCannotBeSpotted() {
    assertThat(cipher.encrypt("13800138000")).isNotEqualTo(cipher.encrypt("13800138000"));
  }

  @Test
  void theLookupHashFindsEqualValuesButNeedsTheKey() {
    String id = "11010519491231002X";
    assertThat(cipher.lookupHash("access.resident-id", id)).hasSize(64)
        .isEqualTo(cipher.lookupHash("access.resident-id", id))
        .isNotEqualTo(cipher.lookupHash("access.resident-id", "110105194912310021"))
        .isNotEqualTo(cipher.lookupHash("other.purpose", id))
        .isNotEqualTo(new FieldCipher(OTHER_KEY, UNUSED_DATA_DIR).lookupHash("access.resident-id", id))
        .isNotEqualTo(Sm3.hex("access.resident-id:" + id));
  }

  @Test
  void aMissingValueStaysMissing() {
    assertThat(cipher.encrypt(null)).isNull();
    assertThat(cipher.decrypt(null)).isNull();
  }

  @Test
  void aValueSealedUnderAnotherKeyIsRefused() {
    String stored = new FieldCipher(OTHER_KEY, UNUSED_DATA_DIR).encrypt("13800138000");
    assertThatThrownBy(() -> cipher.decrypt(stored))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("does not match the key");
  }

  @Test
  void aTamperedValueIsRefusedRatherThanReadWrong() {
    byte[] bytes = Base64.getDecoder().decode(cipher.encrypt("13800138000"));
    bytes[14] ^= 0x01;
    String tampered = Base64.getEncoder().encodeToString(bytes);
    assertThatThrownBy(() -> cipher.decrypt(tampered)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aConfiguredKeyMustBeThirtyTwoHexDigits() {
    assertThatThrownBy(() -> new FieldCipher("0123456789abcdef", UNUSED_DATA_DIR))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("32 hex digits");
  }

  @Test
  void spacesAroundAConfiguredKeyDoNotMatter() {
    String stored = new FieldCipher("  " + KEY + "\n", UNUSED_DATA_DIR).encrypt("13800138000");
    assertThat(cipher.decrypt(stored)).isEqualTo("13800138000");
  }
}
