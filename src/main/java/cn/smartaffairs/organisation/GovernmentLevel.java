package cn.smartaffairs.organisation;

/** 行政级别 of a unit; it picks the row of the office-area standard that applies to its staff. */
public enum GovernmentLevel {
  CENTRAL("中央"), PROVINCE("省"), CITY("市"), COUNTY("县"), TOWNSHIP("乡");

  private final String chineseName;

  GovernmentLevel(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public static GovernmentLevel fromChinese(String text) {
    for (GovernmentLevel level : values()) {
      if (level.chineseName.equals(text) || (level.chineseName + "级").equals(text)
          || level.name().equalsIgnoreCase(text)) {
        return level;
      }
    }
    return null;
  }
}
