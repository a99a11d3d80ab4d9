package cn.smartaffairs.space.estate;

/** The class of a repair: 大修 / 中修 / 日常维修. */
public enum RepairClass {
  MAJOR("大修"), MEDIUM("中修"), ROUTINE("日常维修");

  private final String label;

  RepairClass(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
