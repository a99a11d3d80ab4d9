package cn.smartaffairs.platform;

/**
 * The caller may not do this (a role or data scope refuses it): pages and the API answer 403. The status follows from
 * the type, whatever the message key; the key defaults to {@code error.forbidden} ("没有权限执行此操作").
 */
public class ForbiddenException extends BusinessRuleException {

  public ForbiddenException() {
    this("error.forbidden");
  }

  public ForbiddenException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
