package cn.smartaffairs.platform;

/**
 * A request that breaks a business rule. It carries a message key (resolved in the user's language) and
 * arguments; the web layer turns it into a message next to the form or an RFC 9457 problem.
 */
public class BusinessRuleException extends RuntimeException {

  private final String messageKey;
  private final transient Object[] arguments;

  public BusinessRuleException(String messageKey, Object... arguments) {
    super(messageKey);
    this.messageKey = messageKey;
    this.arguments = arguments;
  }

  public String messageKey() {
    return messageKey;
  }

  public Object[] arguments() {
    return arguments;
  }
}
