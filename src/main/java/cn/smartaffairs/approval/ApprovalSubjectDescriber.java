package cn.smartaffairs.approval;

import java.util.Locale;
import java.util.Optional;

/**
 * What a module that sends its requests to approval tells the approver about them (ADR 0004): the request type's name
 * and, for one request, a few lines in words and a link to the thing approved. Each module implements it in its own
 * package and reads its own tables; the approval module only asks, so it never reads another module's tables.
 */
public interface ApprovalSubjectDescriber {

  /** The request type described, as the module submits it (e.g. {@code vehicle.trip}). */
  String requestType();

  /** The request type as a person calls it ("用车申请" / "Vehicle request"). */
  String typeName(Locale locale);

  /** The request behind approval request {@code approvalRequestId} in words; empty when the module has no such request. */
  Optional<ApprovalSubjectSummary> describe(long approvalRequestId, Locale locale);
}
