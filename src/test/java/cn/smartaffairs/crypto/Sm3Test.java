package cn.smartaffairs.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** SM3 gives the digests GB/T 32905 publishes, and the same digest for text as for its UTF-8 bytes. */
class Sm3Test {

  @Test
  void theDigestOfAbcIsTheStandardsFirstExample() {
    assertThat(Sm3.hex("abc"))
        .isEqualTo("66c7f0f462eeedd9d1f2d46bdc10e4e24167c4875cf2f7a2297da02b8f4ba8e0");
  }

  @Test
  void theDigestOfSixteenTimesAbcdIsTheStandardsSecondExample() {
    assertThat(Sm3.hex("abcd".repeat(16)))
        .isEqualTo("debe9ff92275b8a138604889c18e5a4d6fdb70e5387e5765293dcba39c0c5732");
  }

  @Test
  void aDigestIsSixtyFourLowerCaseHexDigitsWhateverTheInputLength() {
    assertThat(Sm3.hex("")).matches("[0-9a-f]{64}");
    assertThat(Sm3.hex("机关事务".repeat(1000))).matches("[0-9a-f]{64}");
  }

  @Test
  void textIsHashedAsItsUtf8Bytes() {
    String text = "智慧机关事务平台";
    assertThat(Sm3.hex(text)).isEqualTo(Sm3.hex(text.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void oneChangedCharacterGivesAnEntirelyDifferentDigest() {
    String a = Sm3.hex("13800138000");
    String b = Sm3.hex("13800138001");
    assertThat(a).isNotEqualTo(b);
    int samePositions = 0;
    for (int i = 0; i < a.length(); i++) {
      if (a.charAt(i) == b.charAt(i)) {
        samePositions++;
      }
    }
    assertThat(samePositions).isLessThan(16);
  }
}
