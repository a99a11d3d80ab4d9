package cn.smartaffairs.workorder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * One move as the order's page binds it: which move, on which version of the order, and what it needs (the worker for
 * dispatch, the grade and whether the handler is at fault for the return visit, a note). The page has one form per
 * move the viewer may make; a refused one comes back as typed with its messages.
 */
public class TransitionForm implements Serializable {

  @NotBlank private String action;
  @NotNull private Integer expectedVersion;
  private Long assigneeUserId;
  private Satisfaction satisfaction;
  private boolean handlerAtFault;
  @Size(max = 500) private String comment;

  /** An empty form for the order as it stands: its worker preselected, the best grade offered first. */
  static TransitionForm blank(WorkOrder order) {
    var form = new TransitionForm();
    form.expectedVersion = order.version();
    form.assigneeUserId = order.assigneeUserId();
    form.satisfaction = Satisfaction.values()[0];
    return form;
  }

  Transition toTransition() {
    return new Transition(action, assigneeUserId, satisfaction, handlerAtFault, comment, expectedVersion);
  }

  public String getAction() { return action; }
  public void setAction(String action) { this.action = action; }
  public Integer getExpectedVersion() { return expectedVersion; }
  public void setExpectedVersion(Integer expectedVersion) { this.expectedVersion = expectedVersion; }
  public Long getAssigneeUserId() { return assigneeUserId; }
  public void setAssigneeUserId(Long assigneeUserId) { this.assigneeUserId = assigneeUserId; }
  public Satisfaction getSatisfaction() { return satisfaction; }
  public void setSatisfaction(Satisfaction satisfaction) { this.satisfaction = satisfaction; }
  public boolean isHandlerAtFault() { return handlerAtFault; }
  public void setHandlerAtFault(boolean handlerAtFault) { this.handlerAtFault = handlerAtFault; }
  public String getComment() { return comment; }
  public void setComment(String comment) { this.comment = comment; }
}
