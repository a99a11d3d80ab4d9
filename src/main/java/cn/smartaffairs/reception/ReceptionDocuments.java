package cn.smartaffairs.reception;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.canteen.UnitCharge;
import cn.smartaffairs.canteen.UnitCharges;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.printing.PdfPrinter;
import cn.smartaffairs.printing.PrintableForm;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents after the visit: the 消费清单 (lines from the invoices, in fen, no banned items), the 接待清单 generated
 * from the letter and the bill and signed by the responsible person (a PDF), and closing, which needs all four
 * documents — 公函, 接待审批单, 消费清单, 接待清单 — present and agreeing on guest count, dates and amounts.
 */
@Service
public class ReceptionDocuments {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Receptions receptions;
  private final ReceptionRuleTables rules;
  private final PdfPrinter printer;
  private final MessageSource messages;
  private final UnitCharges unitCharges;

  ReceptionDocuments(JdbcClient jdbc, AuditTrail audit, Receptions receptions, ReceptionRuleTables rules,
      PdfPrinter printer, MessageSource messages, UnitCharges unitCharges) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.receptions = receptions;
    this.rules = rules;
    this.printer = printer;
    this.messages = messages;
    this.unitCharges = unitCharges;
  }

  /** A line of the 消费清单 as typed from an invoice. */
  public record ConsumptionLine(LocalDate spentOn, ConsumptionCategory category, String item, Long amountFen,
      String invoiceNo) {}

  /** What the responsible person fills in on the 接待清单. */
  public record ListDraft(String activity, String place, String signedBy) {}

  /** Adds a line to the consumption list of an approved reception; a banned item is refused by name. */
  @Transactional
  public Reception addConsumption(long id, ConsumptionLine line, Integer expectedVersion, CurrentUser by) {
    Reception reception = receptions.lockForChange(id, expectedVersion, by);
    reception.status().after(ReceptionStatus.Move.RECORD_CONSUMPTION);
    if (line == null || line.category() == null || line.amountFen() == null) {
      throw new BusinessRuleException("reception.rule.consumptionIncomplete");
    }
    ReceptionRules.checkConsumption(line.item(), line.amountFen(), line.spentOn(), reception.arrival(),
        reception.departure(), rules.inForce(reception.regionId(), reception.arrival()));
    if (line.item().strip().length() > 200 || (line.invoiceNo() != null && line.invoiceNo().strip().length() > 60)) {
      throw new BusinessRuleException("reception.tooLong", 200);
    }
    String invoice = line.invoiceNo() == null || line.invoiceNo().isBlank() ? null : line.invoiceNo().strip();
    long lineId = jdbc.sql("""
        insert into reception_consumption (reception_id, spent_on, category, item, amount_fen, invoice_no, created_at)
        values (:reception, :on, :category, :item, :amount, :invoice, :at) returning id""")
        .param("reception", id).param("on", Date.valueOf(line.spentOn())).param("category", line.category().name())
        .param("item", line.item().strip()).param("amount", line.amountFen()).param("invoice", invoice)
        .param("at", Timestamp.from(receptions.now())).query(Long.class).single();
    bump(id);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("receptionId", id);
    after.put("spentOn", line.spentOn().toString());
    after.put("category", line.category().name());
    after.put("item", line.item().strip());
    after.put("amountFen", line.amountFen());
    after.put("invoiceNo", invoice);
    audit.record(AuditEntry.created("reception_consumption", lineId, reception.regionId(), after));
    return receptions.load(id);
  }

  /** A canteen meal charged to the host unit, and the reception with its 消费清单 line. */
  public record CanteenMealCharge(UnitCharge charge, Reception reception) {}

  /**
   * Charges a working meal planned in the staff canteen to the host unit (单位挂账), once: (guests + accompanying) ×
   * the price per person, under the reference {@code reception-<id>-meal-<mealId>}, and adds the meal's 消费清单 line
   * with the charge number as its invoice number. Only while the reception is approved; a meal already charged, or
   * not planned in the canteen, is refused.
   */
  @Transactional
  public CanteenMealCharge chargeCanteenMeal(long id, long mealId, Integer expectedVersion, CurrentUser by) {
    Reception reception = receptions.lockForChange(id, expectedVersion, by);
    reception.status().after(ReceptionStatus.Move.RECORD_CONSUMPTION);
    Reception.Meal meal = reception.meals().stream().filter(m -> m.id() == mealId).findFirst()
        .orElseThrow(() -> new NotFoundException("receptionMeal", mealId));
    if (!meal.inCanteen()) {
      throw new BusinessRuleException("reception.canteen.notInCanteen");
    }
    if (meal.canteenCharged()) {
      throw new ConflictException("reception.canteen.alreadyCharged", meal.canteenChargeNo());
    }
    int diners = reception.guests().size() + meal.accompanying();
    long amountFen = Math.multiplyExact((long) diners, meal.pricePerPersonFen());
    String kind = messages.getMessage("reception.mealKind." + meal.kind().name(), null, meal.kind().name(),
        Locale.SIMPLIFIED_CHINESE);
    String item = "机关食堂工作餐 " + meal.date() + " " + kind + " " + diners + "人";
    ReceptionRules.checkConsumption(item, amountFen, meal.date(), reception.arrival(), reception.departure(),
        rules.inForce(reception.regionId(), reception.arrival()));
    String description = "公务接待 " + reception.letterNo() + " " + reception.guestUnit() + "：" + item;
    UnitCharge charge = unitCharges.charge(reception.hostUnitId(), amountFen,
        "reception-" + id + "-meal-" + mealId, description, by);
    jdbc.sql("update reception_meal set canteen_charge_no = :no where id = :meal")
        .param("no", charge.chargeNo()).param("meal", mealId).update();
    long lineId = jdbc.sql("""
        insert into reception_consumption (reception_id, spent_on, category, item, amount_fen, invoice_no, created_at)
        values (:reception, :on, 'MEAL', :item, :amount, :invoice, :at) returning id""")
        .param("reception", id).param("on", Date.valueOf(meal.date())).param("item", item)
        .param("amount", amountFen).param("invoice", charge.chargeNo()).param("at", Timestamp.from(receptions.now()))
        .query(Long.class).single();
    bump(id);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("receptionId", id);
    after.put("mealId", mealId);
    after.put("spentOn", meal.date().toString());
    after.put("category", ConsumptionCategory.MEAL.name());
    after.put("item", item);
    after.put("amountFen", amountFen);
    after.put("invoiceNo", charge.chargeNo());
    audit.record(AuditEntry.created("reception_consumption", lineId, reception.regionId(), after));
    audit.record(AuditEntry.updated("reception_meal", mealId, reception.regionId(), Map.of("receptionId", id),
        Map.of("receptionId", id, "canteenChargeNo", charge.chargeNo(), "amountFen", amountFen)));
    return new CanteenMealCharge(charge, receptions.load(id));
  }

  @Transactional
  public Reception removeConsumption(long id, long lineId, Integer expectedVersion, CurrentUser by) {
    Reception reception = receptions.lockForChange(id, expectedVersion, by);
    reception.status().after(ReceptionStatus.Move.RECORD_CONSUMPTION);
    int removed = jdbc.sql("delete from reception_consumption where id = :line and reception_id = :id")
        .param("line", lineId).param("id", id).update();
    if (removed > 0) {
      bump(id);
      audit.record(AuditEntry.deleted("reception_consumption", lineId, reception.regionId(),
          Map.of("receptionId", id)));
    }
    return receptions.load(id);
  }

  /**
   * Generates the 接待清单 from the letter's guests and dates and the consumption list's total, signed by the
   * responsible person; generating again replaces it (after the bill changed).
   */
  @Transactional
  public Reception generateList(long id, ListDraft draft, Integer expectedVersion, CurrentUser by) {
    Reception reception = receptions.lockForChange(id, expectedVersion, by);
    reception.status().after(ReceptionStatus.Move.GENERATE_LIST);
    if (draft == null || blank(draft.activity()) || blank(draft.place()) || blank(draft.signedBy())) {
      throw new BusinessRuleException("reception.listIncomplete");
    }
    if (draft.activity().strip().length() > 500 || draft.place().strip().length() > 200
        || draft.signedBy().strip().length() > 50) {
      throw new BusinessRuleException("reception.tooLong", 50);
    }
    if (reception.consumption().isEmpty()) {
      throw new BusinessRuleException("reception.close.noConsumption");
    }
    jdbc.sql("""
        update reception set list_activity = :activity, list_place = :place, list_signed_by = :signed,
               list_generated_at = :at, list_guest_count = :guests, list_total_fen = :total,
               list_arrival = arrival, list_departure = departure, version = version + 1
         where id = :id""")
        .param("activity", draft.activity().strip()).param("place", draft.place().strip())
        .param("signed", draft.signedBy().strip()).param("at", Timestamp.from(receptions.now()))
        .param("guests", reception.guests().size()).param("total", reception.consumptionTotalFen()).param("id", id)
        .update();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("listActivity", draft.activity().strip());
    after.put("listPlace", draft.place().strip());
    after.put("listSignedBy", draft.signedBy().strip());
    after.put("listGuestCount", reception.guests().size());
    after.put("listTotalFen", reception.consumptionTotalFen());
    audit.record(AuditEntry.updated("reception", id, reception.regionId(), Map.of(), after));
    return receptions.load(id);
  }

  /** Closes the reception when its four documents are present and agree. */
  @Transactional
  public Reception close(long id, Integer expectedVersion, CurrentUser by) {
    Reception reception = receptions.lockForChange(id, expectedVersion, by);
    reception.status().after(ReceptionStatus.Move.CLOSE);
    ReceptionRules.checkClosing(reception.documents());
    receptions.moveTo(reception, ReceptionStatus.Move.CLOSE,
        Map.of("consumptionTotalFen", reception.consumptionTotalFen()));
    return receptions.load(id);
  }

  /** The four documents and whether each is present. */
  public record DocumentState(boolean letter, boolean approvalForm, boolean consumptionList, boolean receptionList) {}

  public DocumentState documents(Reception reception) {
    return new DocumentState(!blank(reception.letterNo()), reception.status() == ReceptionStatus.APPROVED
        || reception.status() == ReceptionStatus.CLOSED, !reception.consumption().isEmpty(),
        reception.list() != null);
  }

  /** The 接待清单 as a PDF: guests' unit, name and post, activity, time, place and cost, with the signature. */
  public byte[] listPdf(long id, CurrentUser viewer, Locale locale) {
    Reception reception = receptions.get(id, viewer);
    Reception.ReceptionList list = reception.list();
    if (list == null) {
      throw new BusinessRuleException("reception.close.noList");
    }
    PrintableForm form = PrintableForm.titled(text("reception.list.title", locale))
        .number(reception.letterNo())
        .field(text("reception.hostUnit", locale), reception.hostUnitName())
        .field(text("reception.guestUnit", locale), reception.guestUnit())
        .field(text("reception.letterNo", locale), reception.letterNo())
        .field(text("reception.list.guestCount", locale), list.guestCount())
        .wideField(text("reception.list.activity", locale), list.activity())
        .field(text("reception.list.time", locale), text("reception.datesValue", locale, list.arrival(),
            list.departure()))
        .field(text("reception.list.place", locale), list.place())
        .field(text("reception.list.cost", locale), "¥" + Money.ofFen(list.totalFen()) + "（"
            + ChineseAmount.of(list.totalFen()) + "）")
        .table(text("reception.guests", locale), List.of(text("reception.guestUnitOfGuest", locale),
            text("reception.guestName", locale), text("reception.guestPost", locale)),
            reception.guests().stream().map(g -> List.of(g.unit(), g.name(), g.post())).toList())
        .table(text("reception.consumption", locale), List.of(text("reception.consumption.date", locale),
            text("reception.consumption.category", locale), text("reception.consumption.item", locale),
            text("reception.consumption.amount", locale)),
            reception.consumption().stream().map(c -> List.of(c.spentOn().toString(),
                text("reception.category." + c.category(), locale), c.item(), Money.ofFen(c.amountFen())
                    .toString()))
                .toList())
        .signature(text("reception.list.signedBy", locale) + " " + list.signedBy());
    return printer.print(form);
  }

  private void bump(long id) {
    jdbc.sql("update reception set version = version + 1 where id = :id").param("id", id).update();
  }

  private String text(String key, Locale locale, Object... args) {
    return messages.getMessage(key, args, key, locale);
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
