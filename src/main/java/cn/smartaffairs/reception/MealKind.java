package cn.smartaffairs.reception;

/** Which meal of the day a working meal is; each has its own price standard (早餐, 午餐, 晚餐). */
public enum MealKind {
  BREAKFAST, LUNCH, DINNER
}
