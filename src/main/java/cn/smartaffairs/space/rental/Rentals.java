package cn.smartaffairs.space.rental;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.printing.PrintableForm;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.space.rental.LeaseTermRules.TermRule;
import cn.smartaffairs.space.rental.RentalRecords.Arrear;
import cn.smartaffairs.space.rental.RentalRecords.Lease;
import cn.smartaffairs.space.rental.RentalRecords.Lettable;
import cn.smartaffairs.space.rental.RentalRecords.NewLease;
import cn.smartaffairs.space.rental.RentalRecords.NewPayment;
import cn.smartaffairs.space.rental.RentalRecords.Payment;
import cn.smartaffairs.space.rental.RentalRecords.ScheduledInstalment;
import cn.smartaffairs.space.rental.RentalRecords.Tenant;
import cn.smartaffairs.workbench.TodoInbox;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 房产出租: leases with their rent schedules, payments against instalments, invoices and arrears; the tenants,
 * lettable spaces and safety checks are {@link RentalParties}, the pure rules of a lease {@link LeaseRules}. Only the managers of a region's property (its admin, space and asset managers) see and change it.
 */
@Service
public class Rentals {

  private static final Set<String> METHODS = Set.of("TRANSFER", "CHEQUE", "CASH", "OTHER");
  private static final DateTimeFormatter RECEIPT_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");
  private static final String LEASE_SELECT = """
      select l.*, s.name as lettable_name, t.name as tenant_name, r.name as rule_name,
             (select coalesce(sum(amount_fen), 0) from space_rent_instalment i where i.lease_id = l.id) as total_fen,
             (select coalesce(sum(paid_fen), 0) from space_rent_instalment i where i.lease_id = l.id) as paid_fen
        from space_lease l join space_lettable s on s.id = l.lettable_id join space_tenant t on t.id = l.tenant_id
        join space_lease_term_rule r on r.id = l.term_rule_id
      """;

  private final JdbcClient jdbc;
  private final RentalParties parties;
  private final LeaseTermRules termRules;
  private final AuditTrail audit;
  private final TodoInbox inbox;
  private final Clock clock;

  public Rentals(JdbcClient jdbc, RentalParties parties, LeaseTermRules termRules, AuditTrail audit,
      TodoInbox inbox, Clock clock) {
    this.jdbc = jdbc;
    this.parties = parties;
    this.termRules = termRules;
    this.audit = audit;
    this.inbox = inbox;
    this.clock = clock;
  }

  /** Who keeps the region's let property: its admin, space and asset managers (and the platform admin). */
  public static DataScope managerScope(CurrentUser user) {
    return user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.SPACE_MANAGER, Role.ASSET_MANAGER);
  }

  static long requireManagerOfOwnRegion(CurrentUser user) {
    if (!managerScope(user).permits(user.regionId(), null, null)) {
      throw new ForbiddenException();
    }
    return user.regionId();
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  // ---- leases

  /**
   * Signs a lease and writes its rent schedule. A term longer than the rule in force on the start date is refused
   * with the rule's name; a lease overlapping another active one of the same space is a conflict.
   */
  @Transactional
  public Lease sign(NewLease lease, CurrentUser by) {
    long regionId = requireManagerOfOwnRegion(by);
    Lettable space = parties.lettable(lease.lettableId(), by);
    Tenant tenant = parties.tenant(lease.tenantId(), by);
    if (space.regionId() != regionId || tenant.regionId() != regionId) {
      throw new BusinessRuleException("space.rental.otherRegion");
    }
    String contractNo = required(lease.contractNo(), 40, "space.rental.contractNoRequired");
    LeaseRules.checkTerms(lease);
    BigDecimal increase = lease.yearlyIncreasePercent();
    TermRule rule = termRules.inForce(regionId, lease.startDate());
    LeaseRules.checkTermAllowed(lease.termMonths(), rule);
    if (jdbc.sql("select count(*) from space_lease where contract_no = :no").param("no", contractNo)
        .query(Long.class).single() > 0) {
      throw new BusinessRuleException("space.rental.contractNoExists", contractNo);
    }
    LocalDate end = LeaseSchedule.endOf(lease.startDate(), lease.termMonths());
    List<Instalment> schedule = LeaseSchedule.instalments(lease.startDate(), lease.termMonths(), lease.frequency(),
        lease.annualRentFen(), increase);
    long id;
    try {
      id = jdbc
          .sql(
              """
                  insert into space_lease (region_id, lettable_id, tenant_id, contract_no, start_date, term_months, end_date,
                                           frequency, annual_rent_fen, yearly_increase_percent, term_rule_id, created_by, created_at)
                  values (:region, :lettable, :tenant, :no, :start, :term, :end, :frequency, :rent, :increase, :rule, :by, :now)
                  returning id""")
          .param("region", regionId).param("lettable", space.id()).param("tenant", tenant.id()).param("no", contractNo)
          .param("start", Date.valueOf(lease.startDate())).param("term", lease.termMonths())
          .param("end", Date.valueOf(end)).param("frequency", lease.frequency().name())
          .param("rent", lease.annualRentFen()).param("increase", increase).param("rule", rule.id())
          .param("by", by.username()).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    } catch (DataIntegrityViolationException e) {
      // the exclusion constraint: another active lease of this space covers some of these days
      if (String.valueOf(e.getMessage()).contains("space_lease_one_active_per_space")) {
        throw new ConflictException("space.rental.spaceAlreadyLet", space.name());
      }
      throw e;
    }
    for (Instalment instalment : schedule) {
      jdbc.sql("""
          insert into space_rent_instalment (lease_id, sequence, period_start, period_end, due_date, amount_fen)
          values (:lease, :seq, :start, :end, :due, :amount)""")
          .param("lease", id).param("seq", instalment.sequence()).param("start", Date.valueOf(instalment.periodStart()))
          .param("end", Date.valueOf(instalment.periodEnd())).param("due", Date.valueOf(instalment.dueDate()))
          .param("amount", instalment.amountFen()).update();
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("contractNo", contractNo);
    after.put("lettableId", space.id());
    after.put("tenantId", tenant.id());
    after.put("start", lease.startDate().toString());
    after.put("termMonths", lease.termMonths());
    after.put("frequency", lease.frequency().name());
    after.put("annualRentFen", lease.annualRentFen());
    after.put("yearlyIncreasePercent", increase);
    after.put("termRuleId", rule.id());
    after.put("instalments", schedule.size());
    after.put("totalFen", LeaseSchedule.total(schedule));
    audit.record(AuditEntry.created("space_lease", id, regionId, after));
    return lease(id, by);
  }

  public Lease lease(long id, CurrentUser viewer) {
    return jdbc.sql(LEASE_SELECT + " where l.id = :id and " + DataScope.sqlCondition("l.region_id", null, null))
        .paramSource(managerScope(viewer).bind(new MapSqlParameterSource("id", id)))
        .query(Rentals::mapLease).optional().orElseThrow(() -> new NotFoundException("lease", id));
  }

  public List<Lease> leases(CurrentUser viewer) {
    return jdbc.sql(LEASE_SELECT + " where " + DataScope.sqlCondition("l.region_id", null, null)
        + " order by l.status, l.start_date desc, l.id desc")
        .paramSource(managerScope(viewer).bind(new MapSqlParameterSource()))
        .query(Rentals::mapLease).list();
  }

  /** Ends a lease early (提前解除): unpaid instalments for periods after the end are dropped; the rest stay owed. */
  @Transactional
  public Lease terminate(long id, LocalDate lastDay, int expectedVersion, CurrentUser by) {
    Lease lease = lease(id, by);
    requireManagerOfOwnRegion(by);
    LeaseRules.checkTermination(lease, lastDay);
    long paidLater = jdbc.sql("""
        select count(*) from space_rent_instalment where lease_id = :id and period_start > :last and paid_fen > 0""")
        .param("id", id).param("last", Date.valueOf(lastDay)).query(Long.class).single();
    LeaseRules.checkNothingPaidAfter(paidLater);
    int changed = jdbc.sql("""
        update space_lease set status = 'TERMINATED', end_date = :last, version = version + 1
         where id = :id and version = :version and status = 'ACTIVE'""")
        .param("id", id).param("last", Date.valueOf(lastDay)).param("version", expectedVersion).update();
    if (changed == 0) {
      throw new ConflictException("space.rental.staleVersion", lease.contractNo());
    }
    jdbc.sql("delete from space_rent_reminder where instalment_id in "
        + "(select id from space_rent_instalment where lease_id = :id and period_start > :last)")
        .param("id", id).param("last", Date.valueOf(lastDay)).update();
    jdbc.sql("delete from space_rent_instalment where lease_id = :id and period_start > :last")
        .param("id", id).param("last", Date.valueOf(lastDay)).update();
    audit.record(AuditEntry.updated("space_lease", id, lease.regionId(),
        Map.of("status", LeaseStatus.ACTIVE.name(), "endDate", lease.endDate().toString()),
        Map.of("status", LeaseStatus.TERMINATED.name(), "endDate", lastDay.toString())));
    return lease(id, by);
  }

  // ---- schedule, invoices and payments

  public List<ScheduledInstalment> schedule(long leaseId, CurrentUser viewer) {
    lease(leaseId, viewer);
    return jdbc.sql("select * from space_rent_instalment where lease_id = :id order by sequence")
        .param("id", leaseId).query(Rentals::mapInstalment).list();
  }

  public List<Payment> payments(long leaseId, CurrentUser viewer) {
    lease(leaseId, viewer);
    return jdbc.sql("""
        select p.*, i.sequence from space_rent_payment p join space_rent_instalment i on i.id = p.instalment_id
         where i.lease_id = :id order by p.paid_on, p.id""")
        .param("id", leaseId)
        .query((rs, n) -> new Payment(rs.getLong("id"), rs.getLong("instalment_id"), rs.getInt("sequence"),
            rs.getLong("amount_fen"), rs.getDate("paid_on").toLocalDate(), rs.getString("method"),
            rs.getString("receipt_no"), rs.getString("note"), rs.getString("recorded_by")))
        .list();
  }

  /**
   * Records a payment (收款) against an instalment and issues its receipt number. Partial payments add up; paying
   * more than is still owed is refused, and two people paying one instalment at once are serialised by a row lock.
   */
  @Transactional
  public Payment recordPayment(NewPayment payment, CurrentUser by) {
    ScheduledInstalment instalment = lockedInstalment(payment.instalmentId(), by);
    if (payment.amountFen() <= 0) {
      throw new BusinessRuleException("space.rental.paymentInvalid");
    }
    LocalDate today = today();
    if (payment.paidOn() == null || payment.paidOn().isAfter(today)) {
      throw new BusinessRuleException("space.rental.paidOnInvalid");
    }
    String method = payment.method() == null || payment.method().isBlank() ? "TRANSFER" : payment.method().strip();
    if (!METHODS.contains(method)) {
      throw new BusinessRuleException("space.rental.methodUnknown", method);
    }
    if (payment.amountFen() > instalment.outstandingFen()) {
      throw new BusinessRuleException("space.rental.overpayment", yuan(payment.amountFen()),
          yuan(instalment.outstandingFen()));
    }
    String note = payment.note() == null || payment.note().isBlank()
        ? null
        : payment.note().strip().substring(0, Math.min(200, payment.note().strip().length()));
    String receiptNo = "SJ" + RECEIPT_DATE.format(today) + "-"
        + String.format("%06d", jdbc.sql("select nextval('space_rent_receipt_no_seq')").query(Long.class).single());
    long id = jdbc
        .sql(
            """
                insert into space_rent_payment (instalment_id, amount_fen, paid_on, method, receipt_no, note, recorded_by, recorded_at)
                values (:instalment, :amount, :paidOn, :method, :receipt, :note, :by, :now) returning id""")
        .param("instalment", instalment.id()).param("amount", payment.amountFen())
        .param("paidOn", Date.valueOf(payment.paidOn())).param("method", method).param("receipt", receiptNo)
        .param("note", note).param("by", by.username()).param("now", Timestamp.from(clock.instant()))
        .query(Long.class).single();
    jdbc.sql("update space_rent_instalment set paid_fen = paid_fen + :amount where id = :id")
        .param("amount", payment.amountFen()).param("id", instalment.id()).update();
    long regionId = regionOfLease(instalment.leaseId());
    audit.record(AuditEntry.created("space_rent_payment", id, regionId, Map.of("instalmentId", instalment.id(),
        "amountFen", payment.amountFen(), "paidOn", payment.paidOn().toString(), "receiptNo", receiptNo)));
    if (payment.amountFen() == instalment.outstandingFen()) {
      inbox.doneForLink(reminderLink(instalment.leaseId(), instalment.id()));
    }
    return payments(instalment.leaseId(), by).stream().filter(p -> p.id() == id).findFirst().orElseThrow();
  }

  /** Records the invoice (发票) issued for an instalment; an instalment has one invoice. */
  @Transactional
  public ScheduledInstalment recordInvoice(long instalmentId, String invoiceNo, LocalDate issuedOn, CurrentUser by) {
    ScheduledInstalment instalment = lockedInstalment(instalmentId, by);
    String number = required(invoiceNo, 40, "space.rental.invoiceNoRequired");
    if (issuedOn == null || issuedOn.isAfter(today())) {
      throw new BusinessRuleException("space.rental.invoiceDateInvalid");
    }
    if (instalment.invoiceNo() != null) {
      throw new ConflictException("space.rental.alreadyInvoiced", instalment.invoiceNo());
    }
    jdbc.sql("update space_rent_instalment set invoice_no = :no, invoiced_on = :on where id = :id")
        .param("no", number).param("on", Date.valueOf(issuedOn)).param("id", instalmentId).update();
    audit.record(AuditEntry.updated("space_rent_instalment", instalmentId, regionOfLease(instalment.leaseId()),
        Map.of(), Map.of("invoiceNo", number, "invoicedOn", issuedOn.toString())));
    return schedule(instalment.leaseId(), by).stream().filter(i -> i.id() == instalmentId).findFirst().orElseThrow();
  }

  private ScheduledInstalment lockedInstalment(long instalmentId, CurrentUser by) {
    requireManagerOfOwnRegion(by);
    return jdbc.sql("""
        select i.* from space_rent_instalment i join space_lease l on l.id = i.lease_id
         where i.id = :id and """ + DataScope.sqlCondition("l.region_id", null, null) + " for update of i")
        .paramSource(managerScope(by).bind(new MapSqlParameterSource("id", instalmentId)))
        .query(Rentals::mapInstalment).optional().orElseThrow(() -> new NotFoundException("instalment", instalmentId));
  }

  /** 收款收据: the printable receipt of one payment, with the lease it belongs to and a QR code of the lease page. */
  public PrintableForm receipt(long paymentId, CurrentUser viewer) {
    long leaseId = jdbc.sql("""
        select i.lease_id from space_rent_payment p join space_rent_instalment i on i.id = p.instalment_id
         where p.id = :id""").param("id", paymentId).query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("payment", paymentId));
    Lease lease = lease(leaseId, viewer);
    Payment payment = payments(leaseId, viewer).stream().filter(p -> p.id() == paymentId).findFirst().orElseThrow();
    ScheduledInstalment instalment = schedule(leaseId, viewer).stream()
        .filter(i -> i.id() == payment.instalmentId()).findFirst().orElseThrow();
    Tenant tenant = parties.tenant(lease.tenantId(), viewer);
    return PrintableForm.titled("租金收款收据").number(payment.receiptNo())
        .field("交款单位", tenant.name())
        .field("统一社会信用代码", tenant.creditCode())
        .field("合同编号", lease.contractNo())
        .field("出租房产", lease.lettableName())
        .field("租金期间", instalment.periodStart() + " 至 " + instalment.periodEnd())
        .field("本期应收（元）", yuan(instalment.amountFen()))
        .field("本次收款（元）", yuan(payment.amountFen()))
        .field("本期尚欠（元）", yuan(instalment.outstandingFen()))
        .field("收款日期", payment.paidOn())
        .field("收款方式", switch (payment.method()) {
          case "TRANSFER" -> "转账";
          case "CHEQUE" -> "支票";
          case "CASH" -> "现金";
          default -> "其他";
        })
        .wideField("备注", payment.note())
        .note("出租收入按规定上缴国库（《行政事业性国有资产管理条例》）。")
        .qrCode("/space/rentals/leases/" + leaseId)
        .signature("收款人")
        .signature("交款人");
  }

  // ---- arrears

  /** 欠租 on a day: every instalment of the caller's scope due before it and not fully paid, oldest first. */
  public List<Arrear> arrears(CurrentUser viewer, LocalDate today) {
    return arrears(managerScope(viewer), today);
  }

  List<Arrear> arrears(DataScope scope, LocalDate today) {
    return jdbc
        .sql(
            """
                select i.id, i.lease_id, l.contract_no, t.name as tenant_name, s.name as lettable_name, i.due_date, i.amount_fen,
                       i.paid_fen
                  from space_rent_instalment i join space_lease l on l.id = i.lease_id
                  join space_tenant t on t.id = l.tenant_id join space_lettable s on s.id = l.lettable_id
                 where i.paid_fen < i.amount_fen and i.due_date < :today and """
                + DataScope.sqlCondition("l.region_id", null, null) + " order by i.due_date, i.id")
        .paramSource(scope.bind(new MapSqlParameterSource("today", Date.valueOf(today))))
        .query((rs, n) -> {
          LocalDate due = rs.getDate("due_date").toLocalDate();
          return new Arrear(rs.getLong("id"), rs.getLong("lease_id"), rs.getString("contract_no"),
              rs.getString("tenant_name"), rs.getString("lettable_name"), due, rs.getLong("amount_fen"),
              rs.getLong("paid_fen"), ChronoUnit.DAYS.between(due, today));
        })
        .list();
  }

  // ---- helpers

  static String reminderLink(long leaseId, long instalmentId) {
    return "/space/rentals/leases/" + leaseId + "?instalment=" + instalmentId;
  }

  /** Fen as yuan with two decimals, for messages. */
  static String yuan(long fen) {
    return Money.ofFen(fen).plain();
  }

  private long regionOfLease(long leaseId) {
    return jdbc.sql("select region_id from space_lease where id = :id").param("id", leaseId).query(Long.class).single();
  }

  static String required(String value, int maxLength, String messageKey) {
    if (value == null || value.isBlank() || value.strip().length() > maxLength) {
      throw new BusinessRuleException(messageKey, maxLength);
    }
    return value.strip();
  }

  private static Lease mapLease(ResultSet rs, int row) throws SQLException {
    return new Lease(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("lettable_id"),
        rs.getString("lettable_name"),
        rs.getLong("tenant_id"), rs.getString("tenant_name"), rs.getString("contract_no"),
        rs.getDate("start_date").toLocalDate(), rs.getInt("term_months"), rs.getDate("end_date").toLocalDate(),
        RentFrequency.valueOf(rs.getString("frequency")), rs.getLong("annual_rent_fen"),
        rs.getBigDecimal("yearly_increase_percent"), LeaseStatus.valueOf(rs.getString("status")), rs.getInt("version"),
        rs.getString("rule_name"), rs.getLong("total_fen"), rs.getLong("paid_fen"));
  }

  private static ScheduledInstalment mapInstalment(ResultSet rs, int row) throws SQLException {
    Date invoiced = rs.getDate("invoiced_on");
    return new ScheduledInstalment(rs.getLong("id"), rs.getLong("lease_id"), rs.getInt("sequence"),
        rs.getDate("period_start").toLocalDate(), rs.getDate("period_end").toLocalDate(),
        rs.getDate("due_date").toLocalDate(), rs.getLong("amount_fen"), rs.getLong("paid_fen"),
        rs.getString("invoice_no"), invoiced == null ? null : invoiced.toLocalDate());
  }
}
