package cn.smartaffairs.space.rental;

import cn.smartaffairs.platform.BusinessRuleException;

/** 安全检查结论: passed, or issues found — which the inspector must then describe. */
public enum SafetyCheckResult {
  PASSED, ISSUES;

  /** The conclusion a form or a request sent; anything else is refused. */
  static SafetyCheckResult parse(String result) {
    for (SafetyCheckResult known : values()) {
      if (known.name().equals(result)) {
        return known;
      }
    }
    throw new BusinessRuleException("space.rental.checkResultUnknown");
  }

  boolean needsNotes() {
    return this == ISSUES;
  }
}
