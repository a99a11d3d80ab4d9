package cn.smartaffairs.space.estate;

import cn.smartaffairs.platform.BusinessRuleException;

/** A unit's answer to one checklist item: 合格 or 不合格. */
public enum CheckResult {
  PASS, FAIL;

  /** The answer a form or a request sent; anything else is refused, naming it. */
  static CheckResult parse(String answer) {
    for (CheckResult result : values()) {
      if (result.name().equals(answer)) {
        return result;
      }
    }
    throw new BusinessRuleException("space.estate.resultUnknown", answer);
  }
}
