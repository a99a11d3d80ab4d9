package cn.smartaffairs.vehicle;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import cn.smartaffairs.platform.BusinessRuleException;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;
import java.util.regex.Pattern;

/**
 * 号牌: a Chinese licence plate — province character, issuing-office letter and five characters (ordinary), or six
 * for new-energy plates (D/F first for small cars, last for large ones); police plates end in 警. Written without
 * the separator dot.
 */
public record PlateNumber(String value) {

  private static final String PROVINCE = "[京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼]";
  private static final String OFFICE = "[A-HJ-NP-Z]";
  private static final Pattern ORDINARY = Pattern.compile(PROVINCE + OFFICE + "[A-HJ-NP-Z0-9]{4}[A-HJ-NP-Z0-9挂学警]");
  private static final Pattern NEW_ENERGY_SMALL = Pattern.compile(PROVINCE + OFFICE + "[DF][A-HJ-NP-Z0-9][0-9]{4}");
  private static final Pattern NEW_ENERGY_LARGE = Pattern.compile(PROVINCE + OFFICE + "[0-9]{5}[DF]");

  public PlateNumber {
    if (value == null || !isValid(value)) {
      throw new BusinessRuleException("vehicle.plateInvalid", value == null ? "" : value);
    }
  }

  /** Accepts the usual ways of writing a plate: lower case, spaces, the middle dot. */
  public static PlateNumber parse(String text) {
    return new PlateNumber(text == null ? null : text.replaceAll("[\\s·.•-]", "").toUpperCase());
  }

  public boolean isNewEnergy() { return value.length() == 8; }

  /** Whether the text, written without separators and in upper case, is an ordinary or a new-energy plate. */
  public static boolean isValid(String plate) {
    if (plate == null) {
      return false;
    }
    return switch (plate.length()) {
      case 7 -> ORDINARY.matcher(plate).matches();
      case 8 -> NEW_ENERGY_SMALL.matcher(plate).matches() || NEW_ENERGY_LARGE.matcher(plate).matches();
      default -> false;
    };
  }

  @Override
  public String toString() {
    return value;
  }

  /**
   * A form field holding a plate as people write it: empty (another constraint asks for one) or what {@link #parse}
   * reads, so a mistyped plate is named beside its field before anything else is checked.
   */
  @Documented
  @Target(FIELD)
  @Retention(RUNTIME)
  @Constraint(validatedBy = Written.Check.class)
  public @interface Written {

    String message() default "{vehicle.plate.format}";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    /** Whether {@link PlateNumber#parse} reads the text. */
    final class Check implements ConstraintValidator<Written, String> {

      @Override
      public boolean isValid(String text, ConstraintValidatorContext context) {
        if (text == null || text.isBlank()) {
          return true;
        }
        try {
          parse(text);
          return true;
        } catch (BusinessRuleException refused) {
          return false;
        }
      }
    }
  }
}
