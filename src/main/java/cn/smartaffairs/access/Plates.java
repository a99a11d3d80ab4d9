package cn.smartaffairs.access;

import cn.smartaffairs.vehicle.PlateNumber;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * 机动车号牌 (GA 36) at the gates: the plates of the vehicle register ({@link PlateNumber}) and the cross-border plates of
 * Hong Kong and Macau vehicles (粤Z, four characters, 港 or 澳), which official cars never carry but visitors may.
 */
public final class Plates {

  private static final Pattern CROSS_BORDER = Pattern.compile("粤Z[A-HJ-NP-Z0-9]{4}[港澳]");

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
    return PlateNumber.isValid(plate) || plate != null && CROSS_BORDER.matcher(plate).matches();
  }
}
