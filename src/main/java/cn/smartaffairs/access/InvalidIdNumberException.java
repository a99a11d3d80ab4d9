package cn.smartaffairs.access;

import cn.smartaffairs.platform.BusinessRuleException;

/** A typed resident ID number that fails a check of GB 11643; its message names the check (400, never echoing it). */
public class InvalidIdNumberException extends BusinessRuleException {

  private final ResidentIdNumber.Problem problem;

  public InvalidIdNumberException(ResidentIdNumber.Problem problem) {
    super("access.idNumber." + problem.name());
    this.problem = problem;
  }

  public ResidentIdNumber.Problem problem() {
    return problem;
  }
}
