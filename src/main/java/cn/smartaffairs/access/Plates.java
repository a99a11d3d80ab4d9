package cn.smartaffairs.access;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 机动车号牌 (GA 36): a province's character, the issuing office's letter, then five characters (six on a new-energy
 * plate); letters without I and O, the last may be 挂, 学, 警, 港 or 澳.
 */
public final class Plates {

  private static final Pattern FORMAT = Pattern.compile(
      "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼][A-HJ-NP-Z][A-HJ-NP-Z0-9]{4,5}[A-HJ-NP-Z0-9挂学警港澳]");

  private Plates() {}

  /** The plate as typed with spaces, dots and dashes dropped and letters raised; null for nothing typed. */
  public static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    String plate = typed.replaceAll("[\\s·.\\-]", "").toUpperCase(Locale.ROOT);
    return plate.isEmpty() ? null : plate;
  }

  public static boolean isValid(String plate) {
    return plate != null && FORMAT.matcher(plate).matches();
  }
}
