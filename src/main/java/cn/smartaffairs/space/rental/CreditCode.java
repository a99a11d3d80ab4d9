package cn.smartaffairs.space.rental;

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from 0-9 and the capitals without I, O, S, V, Z; the last one is a
 * check character computed from the first seventeen with weights 3^i mod 31.
 */
public final class CreditCode {

  private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {}

  /** The code in its canonical form (trimmed, upper case), or null when it is not a valid code. */
  public static String normalise(String code) {
    if (code == null) {
      return null;
    }
    String candidate = code.strip().toUpperCase(java.util.Locale.ROOT);
    if (candidate.length() != 18) {
      return null;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int value = ALPHABET.indexOf(candidate.charAt(i));
      if (value < 0) {
        return null;
      }
      sum += value * WEIGHTS[i];
    }
    int check = (31 - sum % 31) % 31;
    return candidate.charAt(17) == ALPHABET.charAt(check) ? candidate : null;
  }

  public static boolean isValid(String code) {
    return normalise(code) != null;
  }

  /** The check character for seventeen characters: lets demo data and tests build valid codes. */
  public static char checkCharacter(String firstSeventeen) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += ALPHABET.indexOf(firstSeventeen.charAt(i)) * WEIGHTS[i];
    }
    return ALPHABET.charAt((31 - sum % 31) % 31);
  }
}
