package cn.smartaffairs.canteen.kitchen;

/** 餐次: the three meals a canteen serves. */
public enum Meal {
  BREAKFAST, LUNCH, DINNER;

  /** The meal's name in the reader's language, as a message argument. */
  public org.springframework.context.MessageSourceResolvable label() {
    return new org.springframework.context.support.DefaultMessageSourceResolvable(
        new String[] {"canteen.kitchen.meal." + name()}, name());
  }

  public static Meal parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
    } catch (RuntimeException e) {
      throw new cn.smartaffairs.platform.BusinessRuleException("canteen.kitchen.mealInvalid", text);
    }
  }
}
