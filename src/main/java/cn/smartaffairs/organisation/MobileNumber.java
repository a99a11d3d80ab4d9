package cn.smartaffairs.organisation;

import java.util.regex.Pattern;

/** A mainland China mobile number (11 digits, 1[3-9]...), shown masked as 138****5678. */
public final class MobileNumber {

  private static final Pattern FORMAT = Pattern.compile("1[3-9]\\d{9}");

  private MobileNumber() {}

  public static boolean isValid(String number) {
    return number != null && FORMAT.matcher(number).matches();
  }

  /** Strips the spaces, dashes and +86 prefix people type. */
  public static String normalise(String typed) {
    if (typed == null) {
      return null;
    }
    String digits = typed.replaceAll("[\\s-]", "");
    if (digits.startsWith("+86")) {
      digits = digits.substring(3);
    }
    return digits.isEmpty() ? null : digits;
  }

  public static String mask(String number) {
    if (number == null || number.length() < 7) {
      return number;
    }
    return number.substring(0, 3) + "****" + number.substring(number.length() - 4);
  }
}
