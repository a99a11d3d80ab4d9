package cn.smartaffairs.reception;

import cn.smartaffairs.approval.ApprovalSubjectDescriber;
import cn.smartaffairs.approval.ApprovalSubjectSummary;
import cn.smartaffairs.approval.ApprovalSubjectSummary.Line;
import cn.smartaffairs.platform.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Tells the approver of a 接待审批单 ({@code reception.approval}) whom the host unit receives, why, the plan (meals with
 * their accompanying diners and price, rooms) and the estimated cost, in words, from this module's own tables.
 */
@Component
class ReceptionApprovalDescriber implements ApprovalSubjectDescriber {

  private final Receptions receptions;
  private final MessageSource messages;

  ReceptionApprovalDescriber(Receptions receptions, MessageSource messages) {
    this.receptions = receptions;
    this.messages = messages;
  }

  @Override
  public String requestType() {
    return Receptions.APPROVAL_TYPE;
  }

  @Override
  public String typeName(Locale locale) {
    return text("reception.approval.typeName", locale);
  }

  @Override
  public Optional<ApprovalSubjectSummary> describe(long approvalRequestId, Locale locale) {
    return receptions.ofApproval(approvalRequestId).map(reception -> {
      List<Line> lines = new ArrayList<>();
      lines.add(new Line(text("reception.letter", locale),
          text("reception.approval.letterValue", locale, reception.guestUnit(), reception.letterNo())));
      lines.add(new Line(text("reception.hostUnit", locale), reception.hostUnitName()));
      lines.add(new Line(text("reception.guests", locale), reception.guests().stream()
          .map(g -> text("reception.approval.guestValue", locale, g.name(), g.unit(), g.post()))
          .collect(Collectors.joining(text("reception.approval.separator", locale)))));
      lines.add(new Line(text("reception.purpose", locale), reception.purpose()));
      lines.add(new Line(text("reception.dates", locale),
          text("reception.datesValue", locale, reception.arrival(), reception.departure())));
      String meals = reception.meals().isEmpty()
          ? text("reception.approval.noMeal", locale)
          : reception.meals().stream().map(m -> text("reception.approval.mealValue", locale, m.date(),
              text("reception.mealKind." + m.kind(), locale), reception.guests().size(), m.accompanying(),
              Money.ofFen(m.pricePerPersonFen()).toString())).collect(Collectors.joining("; "));
      lines.add(new Line(text("reception.meals", locale), meals));
      String stays = reception.stays().isEmpty()
          ? text("reception.approval.noStay", locale)
          : reception.stays().stream().map(s -> text("reception.approval.stayValue", locale, s.guestName(),
              s.hotelName(), text("reception.roomKind." + s.roomKind(), locale), s.nights(),
              Money.ofFen(s.pricePerNightFen()).toString())).collect(Collectors.joining("; "));
      lines.add(new Line(text("reception.stays", locale), stays));
      lines.add(new Line(text("reception.estimatedCost", locale),
          text("reception.approval.costValue", locale, Money.ofFen(reception.estimatedCostFen()).toString(),
              ChineseAmount.of(reception.estimatedCostFen()))));
      return new ApprovalSubjectSummary(lines, "/receptions/" + reception.id(),
          text("reception.approval.open", locale));
    });
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }
}
