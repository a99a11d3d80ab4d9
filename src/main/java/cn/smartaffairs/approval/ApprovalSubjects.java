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

  public Optional<ApprovalSubjectSummary> summary(long approvalRequestId, String requestType, Locale locale) {
    ApprovalSubjectDescriber describer = byType.get(requestType);
    return describer == null ? Optional.empty() : describer.describe(approvalRequestId, locale);
  }
}
