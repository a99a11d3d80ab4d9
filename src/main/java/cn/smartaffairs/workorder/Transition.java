package cn.smartaffairs.workorder;

/**
 * A move of an order with what it needs: the worker for dispatch, the grade and comment for the return visit
 * (and whether an unsatisfied requester's complaint is the handler's fault, which reopens the order), a note,
 * and the version of the order the person acted on: if it changed since, the move is refused (409) so that two
 * dispatchers looking at the same order never both act on it.
 */
public record Transition(String action, Long assigneeUserId, Satisfaction satisfaction, Boolean handlerAtFault,
    String comment, Integer expectedVersion) {

  public static Transition of(String action) {
    return new Transition(action, null, null, null, null, null);
  }
}
