package cn.smartaffairs.security;

import cn.smartaffairs.platform.BusinessRuleException;

/** At least 8 characters from at least 3 of: lower case, upper case, digits, other characters. */
public final class PasswordPolicy {

  static final int MIN_LENGTH = 8;
  static final int MIN_CLASSES = 3;

  private PasswordPolicy() {}

  public static boolean isAcceptable(String password) {
    if (password == null || password.length() < MIN_LENGTH) {
      return false;
    }
    boolean lower = false;
    boolean upper = false;
    boolean digit = false;
    boolean other = false;
    for (char c : password.toCharArray()) {
      if (c >= 'a' && c <= 'z') {
        lower = true;
      } else if (c >= 'A' && c <= 'Z') {
        upper = true;
      } else if (c >= '0' && c <= '9') {
        digit = true;
      } else {
        other = true;
      }
    }
    int classes = (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    return classes >= MIN_CLASSES;
  }

  public static void check(String password) {
    if (!isAcceptable(password)) {
      throw new BusinessRuleException("account.passwordTooWeak", MIN_LENGTH, MIN_CLASSES);
    }
  }
}
