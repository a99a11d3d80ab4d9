package cn.smartaffairs.access;

import cn.smartaffairs.approval.ApprovalSubjectDescriber;
import cn.smartaffairs.approval.ApprovalSubjectSummary;
import cn.smartaffairs.approval.ApprovalSubjectSummary.Line;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the approver of a pass ({@code access.pass}) whose pass, for which plate, for which days and why. */
@Component
class PassApprovalDescriber implements ApprovalSubjectDescriber {

  private final JdbcClient jdbc;
  private final MessageSource messages;

  PassApprovalDescriber(JdbcClient jdbc, MessageSource messages) {
    this.jdbc = jdbc;
    this.messages = messages;
  }

  @Override
  public String requestType() {
    return Passes.APPROVAL_TYPE;
  }

  @Override
  public String typeName(Locale locale) {
    return messages.getMessage("access.pass.typeName", null, locale);
  }

  @Override
  public Optional<ApprovalSubjectSummary> describe(long approvalRequestId, Locale locale) {
    return jdbc.sql("""
        select p.*, o.name as holder_name from access_pass p join org_person o on o.id = p.holder_staff_id
         where p.approval_request_id = :request""")
        .param("request", approvalRequestId).query(Passes::pass).optional().map(pass -> {
          List<Line> lines = new ArrayList<>();
          lines.add(new Line(text("access.pass.kind", locale), text("access.pass.kind." + pass.kind(), locale)));
          lines.add(new Line(text("access.pass.holder", locale), pass.holderName()));
          if (pass.plate() != null) {
            lines.add(new Line(text("access.visit.plate", locale), pass.plate()));
          }
          lines.add(new Line(text("access.pass.validity", locale), pass.validFrom() + " — " + pass.validTo()));
          lines.add(new Line(text("access.pass.reason", locale), pass.reason()));
          return new ApprovalSubjectSummary(lines, "/passes/" + pass.id(), text("access.pass.open", locale));
        });
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
