package cn.smartaffairs.platform;

/** The record does not exist, or lies outside the caller's data scope: both answer 404 so that ids cannot be probed. */
public class NotFoundException extends BusinessRuleException {

  public NotFoundException(String what, Object id) {
    super("error.notFound", what, id);
  }
}
