package cn.smartaffairs.workorder;

/**
 * A move of an order with what it needs: the worker for dispatch, the grade and comment for the return visit
 * (and whether an unsatisfied requester's complaint is the handler's fault, which reopens the order), a note.
 */
public record Transition(String action, Long assigneeUserId, Satisfaction satisfaction, Boolean handlerAtFault,
                         String comment) {

  public static Transition of(String action) {
    return new Transition(action, null, null, null, null);
  }

  public static Transition dispatchTo(long assigneeUserId) {
    return new Transition("dispatch", assigneeUserId, null, null, null);
  }

  public static Transition visit(Satisfaction satisfaction, boolean handlerAtFault, String comment) {
    return new Transition("visit", null, satisfaction, handlerAtFault, comment);
  }
}
