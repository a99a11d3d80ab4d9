package cn.smartaffairs.approval;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The request types the modules describe ({@link ApprovalSubjectDescriber}), by type. A type no module describes (one
 * submitted through the API only) is named by the bundle key {@code approval.requestType.<type>} when there is one,
 * otherwise by its code, and has no summary: its facts are shown as they are.
 */
@Component
public class ApprovalSubjects {

  private final Map<String, ApprovalSubjectDescriber> byType;
  private final MessageSource messages;

  ApprovalSubjects(List<ApprovalSubjectDescriber> describers, MessageSource messages) {
    this.byType = describers.stream().collect(Collectors.toUnmodifiableMap(ApprovalSubjectDescriber::requestType,
        Function.identity()));
    this.messages = messages;
  }

  public String typeName(String requestType, Locale locale) {
    ApprovalSubjectDescriber describer = byType.get(requestType);
    if (describer != null) {
      return describer.typeName(locale);
    }
    return messages.getMessage("approval.requestType." + requestType, null, requestType, locale);
  }

  /** The request types the modules describe, by code, with their names: the types a flow is usually defined for. */
  public Map<String, String> typeNames(Locale locale) {
    Map<String, String> names = new java.util.TreeMap<>();
    byType.forEach((type, describer) -> names.put(type, describer.typeName(locale)));
    return names;
  }

  /**
   * A fact of a request, as a step's condition names it, in words: the module's bundle key
   * {@code approval.fact.<type>.<fact>} (e.g. {@code approval.fact.vehicle.trip.plannedKm}), else a general
   * {@code approval.fact.<fact>}, else the fact as the administrator typed it (a type submitted through the API only).
   */
  public String factName(String requestType, String fact, Locale locale) {
    String name = messages.getMessage("approval.fact." + requestType + "." + fact, null, null, locale);
    if (name == null) {
      name = messages.getMessage("approval.fact." + fact, null, null, locale);
    }
    return name != null ? name : fact;
  }

  public Optional<ApprovalSubjectSummary> summary(long approvalRequestId, String requestType, Locale locale) {
    ApprovalSubjectDescriber describer = byType.get(requestType);
    return describer == null ? Optional.empty() : describer.describe(approvalRequestId, locale);
  }
}
