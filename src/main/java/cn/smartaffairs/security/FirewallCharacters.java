package cn.smartaffairs.security;

import java.util.function.Predicate;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * The character checks {@link StrictHttpFirewall} applies to every header and parameter name and header value, as
 * plain loops. The firewall's defaults are regular expressions over Unicode properties ({@code \p{IsAssigned}},
 * {@code \p{IsControl}}) that ran for each character of each header on every request — a quarter of a terminal
 * payment's sampled CPU (docs/benchmarks.md, canteen). The rule is the same: every code point assigned and not a
 * control character, a tab also allowed in header values; printable ASCII, nearly all that arrives, is decided
 * without a table lookup.
 */
final class FirewallCharacters {

  /** Header and parameter names: assigned code points, no control characters. */
  static final Predicate<String> NAMES = value -> allowed(value, false);

  /** Header values: as names, and a tab is allowed too. */
  static final Predicate<String> HEADER_VALUES = value -> allowed(value, true);

  private FirewallCharacters() {}

  static StrictHttpFirewall firewall() {
    var firewall = new StrictHttpFirewall();
    firewall.setAllowedHeaderNames(NAMES);
    firewall.setAllowedHeaderValues(HEADER_VALUES);
    firewall.setAllowedParameterNames(NAMES);
    return firewall;
  }

  static boolean allowed(String value, boolean tabAllowed) {
    int length = value.length();
    for (int i = 0; i < length; i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c < 0x7f) {
        continue;
      }
      if (c == '\t' && tabAllowed) {
        continue;
      }
      int codePoint = value.codePointAt(i);
      if (Character.getType(codePoint) == Character.UNASSIGNED || Character.isISOControl(codePoint)) {
        return false;
      }
      if (Character.isSupplementaryCodePoint(codePoint)) {
        i++;
      }
    }
    return true;
  }
}
