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

  /**
   * Whether the rule broken is "you may not do this" (403) rather than "this is not valid" (400): decided by the type
   * ({@link ForbiddenException}), never by the message key.
   */
  public final boolean isForbidden() { return this instanceof ForbiddenException; }

  public Object[] arguments() {
    return arguments;
  }
}
