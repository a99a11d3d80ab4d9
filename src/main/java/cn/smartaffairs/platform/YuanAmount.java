package cn.smartaffairs.platform;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.RECORD_COMPONENT;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * A form field that holds an amount of money as a person types it in yuan (元): empty, or a number with at most two
 * decimals ("12", "1,234.5"), not negative unless {@link #signed()}. The form keeps the text, so a refused amount comes
 * back exactly as typed, and turns it into integer fen with {@link Money#ofFormYuan(String)} once it is valid.
 */
@Documented
@Target({FIELD, RECORD_COMPONENT})
@Retention(RUNTIME)
@Constraint(validatedBy = YuanAmount.Check.class)
public @interface YuanAmount {

  String message() default "{form.yuan.invalid}";

  /** Whether a negative amount means something here (a correction that takes money back). */
  boolean signed() default false;

  /** Whether a third decimal is rounded to the fen instead of refused (forms that always did so). */
  boolean rounded() default false;

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** Whether the text reads as yuan, by {@link Money}'s own parsing. */
  final class Check implements ConstraintValidator<YuanAmount, String> {

    private boolean signed;
    private boolean rounded;

    @Override
    public void initialize(YuanAmount annotation) {
      signed = annotation.signed();
      rounded = annotation.rounded();
    }

    @Override
    public boolean isValid(String text, ConstraintValidatorContext context) {
      if (text == null || text.isBlank()) {
        return true;
      }
      try {
        Money money = rounded ? Money.ofFormYuanRounded(text) : Money.parseSignedYuan(text, Money.INVALID);
        return signed || !money.isNegative();
      } catch (BusinessRuleException refused) {
        return false;
      }
    }
  }
}
