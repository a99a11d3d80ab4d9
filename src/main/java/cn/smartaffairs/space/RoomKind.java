package cn.smartaffairs.space;

/** 用房类型: office space is the sum of the four (RULES §1a); only offices are assigned to people. */
public enum RoomKind {
  OFFICE("办公室"), SERVICE("服务用房"), EQUIPMENT("设备用房"), ANCILLARY("附属用房");

  private final String chineseName;

  RoomKind(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public static RoomKind fromChinese(String text) {
    for (RoomKind kind : values()) {
      if (kind.chineseName.equals(text) || kind.name().equalsIgnoreCase(text)) {
        return kind;
      }
    }
    return null;
  }
}
