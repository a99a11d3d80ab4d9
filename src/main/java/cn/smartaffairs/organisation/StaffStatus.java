package cn.smartaffairs.organisation;

/** 人员状态: in post, transferred out (调出) or retired (退休); leaving sets the date it happened. */
public enum StaffStatus {
  ACTIVE("在职"), TRANSFERRED("调出"), RETIRED("退休");

  private final String chineseName;

  StaffStatus(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public static StaffStatus fromChinese(String text) {
    for (StaffStatus status : values()) {
      if (status.chineseName.equals(text) || status.name().equalsIgnoreCase(text)) {
        return status;
      }
    }
    return null;
  }
}
