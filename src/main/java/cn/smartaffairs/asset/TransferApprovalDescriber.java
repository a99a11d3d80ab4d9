package cn.smartaffairs.asset;

import cn.smartaffairs.approval.ApprovalSubjectDescriber;
import cn.smartaffairs.approval.ApprovalSubjectSummary;
import cn.smartaffairs.approval.ApprovalSubjectSummary.Line;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tells the approver of a transfer (资产调拨) which asset goes from which unit to which, and from when. */
@Component
class TransferApprovalDescriber implements ApprovalSubjectDescriber {

  private final JdbcClient jdbc;
  private final MessageSource messages;

  TransferApprovalDescriber(JdbcClient jdbc, MessageSource messages) {
    this.jdbc = jdbc;
    this.messages = messages;
  }

  @Override
  public String requestType() {
    return AssetMovements.APPROVAL_TYPE;
  }

  @Override
  public String typeName(Locale locale) {
    return messages.getMessage("asset.transfer.typeName", null, locale);
  }

  @Override
  public Optional<ApprovalSubjectSummary> describe(long approvalRequestId, Locale locale) {
    return jdbc.sql("""
        select a.id, a.number, a.name, a.original_value_fen, fu.name as from_unit, tu.name as to_unit, m.on_date, m.note
          from asset_movement m join asset a on a.id = m.asset_id join org_unit fu on fu.id = m.from_unit_id
          join org_unit tu on tu.id = m.to_unit_id where m.approval_request_id = :request""")
        .param("request", approvalRequestId)
        .query((rs, n) -> new ApprovalSubjectSummary(List.of(
            new Line(text("asset.number", locale), rs.getString("number")),
            new Line(text("asset.name", locale), rs.getString("name")),
            new Line(text("asset.transfer.from", locale), rs.getString("from_unit")),
            new Line(text("asset.transfer.to", locale), rs.getString("to_unit")),
            new Line(text("asset.transfer.onDate", locale), rs.getDate("on_date").toLocalDate().toString()),
            new Line(text("asset.transfer.note", locale), rs.getString("note") == null ? "—" : rs.getString("note"))),
            "/assets/" + rs.getLong("id"), text("asset.transfer.open", locale)))
        .optional();
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }
}
