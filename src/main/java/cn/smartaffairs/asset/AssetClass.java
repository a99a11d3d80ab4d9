package cn.smartaffairs.asset;

import java.time.LocalDate;

/**
 * 资产分类: one version of a class of GB/T 14885-2022 — its code, name, the class above it, whether assets of it are
 * depreciated, and whether the code is in use from {@code effectiveFrom} on (a version with {@code active} false
 * retires it).
 */
public record AssetClass(long id, String code, String name, String parentCode, boolean depreciated, boolean active,
    LocalDate effectiveFrom) {

  /**
   * The code's prefix shared by it and all its sub-classes: trailing pairs of zeros dropped down to the 门类
   * (A020000 → A02, A020100 → A0201, A020101 → A020101).
   */
  public static String familyPrefix(String code) {
    String prefix = code;
    while (prefix.length() > 3 && prefix.endsWith("00")) {
      prefix = prefix.substring(0, prefix.length() - 2);
    }
    return prefix;
  }

  /** How deep the class sits: 1 for a 门类, 2 for a 大类, 3 for a 中类, 4 for a 小类. */
  public int level() {
    return code.length() == 9 ? 4 : familyPrefix(code).length() / 2;
  }

  /** Whether {@code code} is this class or one of its sub-classes. */
  public boolean covers(String other) {
    return other != null && other.startsWith(familyPrefix(code));
  }
}
