package cn.smartaffairs.platform;

/**
 * The request does not fit the record's current state: an action not allowed now, or someone else changed the
 * record first. The API answers 409; nothing was changed.
 */
public class ConflictException extends BusinessRuleException {

  public ConflictException(String messageKey, Object... arguments) {
    super(messageKey, arguments);
  }
}
