package cn.smartaffairs.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The loop-based checks decide exactly as the firewall's default regular expressions do. */
class FirewallCharactersTest {

  // the patterns StrictHttpFirewall uses by default, written out here to compare against
  private static final Pattern NAME = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");
  private static final Pattern HEADER_VALUE = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

  @Test
  void agreesWithTheDefaultPatternsOnTypicalAndHostileValues() {
    List<String> samples = List.of("", "Bearer sak_0123456789abcdef", "application/json; charset=UTF-8",
        "张三 办公室", "a\tb", "\t", "a\nb", "a\rb", "\u0000", "\u007f", "\u0085", "\u009f", "\u00a0", "\u0378",
        "\uffff", "😀 emoji", "\ud83d", "x\ude00", "\ud800\udc00", "\udb40\udc01", "\udb7f\udfff", "e\u0301");
    for (String sample : samples) {
      assertSame(sample);
    }
  }

  @Test
  void agreesWithTheDefaultPatternsOnRandomCodePoints() {
    Random random = new Random(20261124);
    for (int n = 0; n < 20_000; n++) {
      StringBuilder value = new StringBuilder();
      int length = 1 + random.nextInt(6);
      for (int i = 0; i < length; i++) {
        int pick = random.nextInt(4);
        int codePoint = switch (pick) {
          case 0 -> random.nextInt(0x100);
          case 1 -> random.nextInt(0x10000);
          case 2 -> random.nextInt(Character.MAX_CODE_POINT + 1);
          default -> 0x20 + random.nextInt(0x5f);
        };
        value.appendCodePoint(codePoint);
      }
      assertSame(value.toString());
    }
  }

  private static void assertSame(String value) {
    assertThat(FirewallCharacters.NAMES.test(value)).as("name %s", escaped(value))
        .isEqualTo(NAME.matcher(value).matches());
    assertThat(FirewallCharacters.HEADER_VALUES.test(value)).as("value %s", escaped(value))
        .isEqualTo(HEADER_VALUE.matcher(value).matches());
  }

  private static String escaped(String value) {
    StringBuilder out = new StringBuilder();
    value.chars().forEach(c -> out.append(String.format("\\u%04x", c)));
    return out.toString();
  }
}
