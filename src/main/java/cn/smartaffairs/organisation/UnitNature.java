package cn.smartaffairs.organisation;

/** 单位性质 */
public enum UnitNature {
  PARTY_GOVERNMENT("党政机关"), PUBLIC_INSTITUTION("事业单位"), SOCIAL_ORGANISATION("社会团体");

  private final String chineseName;

  UnitNature(String chineseName) {
    this.chineseName = chineseName;
  }

  public String chineseName() {
    return chineseName;
  }

  public static UnitNature fromChinese(String text) {
    for (UnitNature nature : values()) {
      if (nature.chineseName.equals(text) || nature.name().equalsIgnoreCase(text)) {
        return nature;
      }
    }
    return null;
  }
}
