package cn.smartaffairs.canteen;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.canteen.Ledger.Entry;
import cn.smartaffairs.canteen.Ledger.Leg;
import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffMember;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 食堂账户与记账: canteen accounts and every way money moves on them — meal charges (from terminals and pre-orders),
 * refunds, top-ups, monthly subsidies and their expiry, manager corrections, lost-card freeze and replacement, and
 * settle-and-close for staff who leave. Each movement is one short transaction: lock the account row, write the
 * journal and its postings, write the row back. Idempotency keys are unique within their caller's scope
 * ({@link IdempotencyKey}), so a repeated request returns the original journal and charges nothing, and a key reused
 * for another operation, account or amount is refused.
 */
@Service
public class CanteenAccounts {

  static final String SYSTEM = "system";
  private static final String PAYMENT_SELECT = """
      select j.*, t.terminal_code, f.reason as flag,
             coalesce((select sum(p.amount_fen) from canteen_posting p
                        where p.journal_id = j.id and p.wallet = 'SUBSIDY'), 0) as subsidy_change,
             coalesce((select sum(p.amount_fen) from canteen_posting p
                        where p.journal_id = j.id and p.wallet = 'CASH'), 0) as cash_change
        from canteen_journal j
        left join canteen_terminal t on t.id = j.terminal_id
        left join canteen_overdraft_flag f on f.journal_id = j.id
      """;
  private static final String ACCOUNT_SELECT = """
      select a.*, s.unit_id,
             (select c.credential from canteen_credential c
               where c.account_id = a.id and c.kind = 'CARD' and c.status = 'ACTIVE') as card_no
        from canteen_account a left join org_person s on s.id = a.staff_id
      """;

  private final JdbcClient jdbc;
  private final Ledger ledger;
  private final CanteenRules rules;
  private final AuditTrail audit;
  private final StaffDirectory staff;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final PaymentCodes paymentCodes;
  private final SecureRandom random = new SecureRandom();

  CanteenAccounts(JdbcClient jdbc, Ledger ledger, CanteenRules rules, AuditTrail audit, StaffDirectory staff,
                  PlatformTransactionManager transactions, Clock clock, PaymentCodes paymentCodes) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.rules = rules;
    this.audit = audit;
    this.staff = staff;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.paymentCodes = paymentCodes;
  }

  // ---------------------------------------------------------------- reading

  /** The open (not closed) account of a staff member, if they have one. Not scoped: callers act for that person. */
  public Optional<CanteenAccount> accountOfStaff(long staffId) {
    return jdbc.sql(ACCOUNT_SELECT + " where a.staff_id = :staff and a.status <> 'CLOSED'")
        .param("staff", staffId).query(CanteenRows::account).optional();
  }

  /** One account within the viewer's data scope (404 otherwise). */
  public CanteenAccount account(long id, CurrentUser viewer) {
    var params = readableBy(viewer).bind(new MapSqlParameterSource()).addValue("id", id);
    return jdbc.sql(ACCOUNT_SELECT + " where a.id = :id and "
            + DataScope.sqlCondition("a.region_id", "s.unit_id", "a.staff_id"))
        .paramSource(params).query(CanteenRows::account).optional()
        .orElseThrow(() -> new NotFoundException("canteenAccount", id));
  }

  /** The accounts in the viewer's data scope, newest first; {@code keyword} matches the holder's name or card. */
  public Page<CanteenAccount> accounts(CurrentUser viewer, String keyword, int page, int size) {
    return accounts(viewer, keyword, false, page, size);
  }

  /**
   * The same, optionally only the open accounts of staff who have left (调出/退休), which a manager should settle and
   * close.
   */
  public Page<CanteenAccount> accounts(CurrentUser viewer, String keyword, boolean leaversOnly, int page, int size) {
    int pageSize = Page.boundedSize(size);
    int pageNo = Math.max(0, page);
    String where = " where " + DataScope.sqlCondition("a.region_id", "s.unit_id", "a.staff_id")
        + " and (cast(:keyword as text) is null or a.holder_name like :like or exists (select 1 from canteen_credential k"
        + " where k.account_id = a.id and k.credential = :keyword))"
        + (leaversOnly ? " and a.status <> 'CLOSED' and s.status in ('TRANSFERRED', 'RETIRED')" : "");
    String trimmed = keyword == null || keyword.isBlank() ? null : keyword.trim();
    var params = readableBy(viewer).bind(new MapSqlParameterSource()).addValue("keyword", trimmed)
        .addValue("like", trimmed == null ? null : "%" + trimmed + "%")
        .addValue("limit", pageSize).addValue("offset", (long) pageNo * pageSize);
    long total = jdbc.sql("select count(*) from canteen_account a left join org_person s on s.id = a.staff_id" + where)
        .paramSource(params).query(Long.class).single();
    List<CanteenAccount> items = jdbc.sql(ACCOUNT_SELECT + where + " order by a.id limit :limit offset :offset")
        .paramSource(params).query(CanteenRows::account).list();
    return new Page<>(items, total, pageNo, pageSize);
  }

  /** Every account in the viewer's scope, for the .xlsx export. */
  List<CanteenAccount> allAccounts(CurrentUser viewer) {
    return jdbc.sql(ACCOUNT_SELECT + " where " + DataScope.sqlCondition("a.region_id", "s.unit_id", "a.staff_id")
            + " order by a.id")
        .paramSource(readableBy(viewer).bind(new MapSqlParameterSource())).query(CanteenRows::account).list();
  }

  /** An account's latest journals (payments, top-ups, ...), newest first. */
  public List<Payment> entries(long accountId, int limit, CurrentUser viewer) {
    account(accountId, viewer);
    return jdbc.sql(PAYMENT_SELECT + " where j.account_id = :account order by j.id desc limit :limit")
        .param("account", accountId).param("limit", Math.max(1, Math.min(limit, 500)))
        .query(CanteenRows::payment).list();
  }

  /** One journal of an account in the viewer's scope. */
  public Payment payment(long id, CurrentUser viewer) {
    Payment payment = paymentById(id).orElseThrow(() -> new NotFoundException("canteenPayment", id));
    account(payment.accountId(), viewer);
    return payment;
  }

  /** The account's credentials (cards, QR tokens, faces), newest first. */
  List<Credential> credentials(long accountId, CurrentUser viewer) {
    account(accountId, viewer);
    return jdbc.sql("select * from canteen_credential where account_id = :account order by id desc")
        .param("account", accountId)
        .query((rs, n) -> new Credential(rs.getLong("id"), rs.getString("kind"), rs.getString("credential"),
            rs.getString("status"), rs.getTimestamp("issued_at").toInstant(), instant(rs.getTimestamp("ended_at"))))
        .list();
  }

  record Credential(long id, String kind, String credential, String status, Instant issuedAt, Instant endedAt) {}

  // ---------------------------------------------------------------- opening

  /** Opens the canteen account of a staff member of the manager's regions, with a card and a QR token. Audited. */
  public CanteenAccount openStaffAccount(long staffId, String cardNo, CurrentUser by) {
    StaffMember member = staff.get(staffId, managing(by));
    if (member.status() != StaffStatus.ACTIVE) {
      throw new BusinessRuleException("canteen.staffNotActive", member.name());
    }
    String category = member.withinEstablishment() ? "ESTABLISHED" : "NON_ESTABLISHED";
    return open(member.regionId(), staffId, member.name(), "STAFF", category, cardNo, by);
  }

  /** Opens a visitor account (来宾卡) in the manager's region. Audited. */
  public CanteenAccount openVisitorAccount(String holderName, String cardNo, CurrentUser by) {
    if (!manages(by, by.regionId())) {
      throw new ForbiddenException();
    }
    if (holderName == null || holderName.isBlank() || holderName.trim().length() > 50) {
      throw new BusinessRuleException("canteen.holderNameRequired");
    }
    return open(by.regionId(), null, holderName.trim(), "VISITOR", "VISITOR", cardNo, by);
  }

  private CanteenAccount open(long regionId, Long staffId, String holderName, String kind, String category,
                              String cardNo, CurrentUser by) {
    try {
      return transaction.execute(status -> {
        Instant now = now();
        long id = jdbc.sql("""
            insert into canteen_account (region_id, staff_id, holder_name, kind, category, status, opened_at)
            values (:region, :staff, :name, :kind, :category, 'ACTIVE', :now) returning id""")
            .param("region", regionId).param("staff", staffId).param("name", holderName).param("kind", kind)
            .param("category", category).param("now", Timestamp.from(now)).query(Long.class).single();
        String card = cardNo == null || cardNo.isBlank() ? newCardNo(id) : cardNo.trim();
        issue(id, "CARD", card, now);
        issue(id, "QR", newQrToken(), now);
        audit.record(AuditEntry.created("canteen_account", id, regionId,
            Map.of("holder", holderName, "kind", kind, "category", category, "cardNo", card)));
        return account(id, by);
      });
    } catch (DuplicateKeyException e) {
      throw new ConflictException(staffId != null ? "canteen.accountExists" : "canteen.cardTaken", holderName);
    }
  }

  /**
   * 批量开户: opens accounts, in bulk, for every active staff member of a region who has none (the first roll-out of
   * the card system), each with a card, a QR token and an opening cash balance (0 allowed) recorded as an OPENING
   * journal. Set-based SQL plus batched ledger writes, so a city of tens of thousands opens in seconds. Audited as
   * one manager action. Answers how many accounts were opened.
   */
  public int openAllStaffAccounts(long regionId, java.util.function.LongUnaryOperator openingFenOfStaff, CurrentUser by) {
    if (!manages(by, regionId)) {
      throw new ForbiddenException();
    }
    return transaction.execute(status -> {
      Instant now = now();
      Timestamp at = Timestamp.from(now);
      List<long[]> opened = jdbc.sql("""
          insert into canteen_account (region_id, staff_id, holder_name, kind, category, status, opened_at)
          select s.region_id, s.id, s.name, 'STAFF',
                 case when s.within_establishment then 'ESTABLISHED' else 'NON_ESTABLISHED' end, 'ACTIVE', :now
            from org_person s
           where s.region_id = :region and s.status = 'ACTIVE'
             and not exists (select 1 from canteen_account a where a.staff_id = s.id and a.status <> 'CLOSED')
           order by s.id
          returning id, staff_id""")
          .param("region", regionId).param("now", at)
          .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
      if (opened.isEmpty()) {
        return 0;
      }
      Long[] ids = opened.stream().map(row -> row[0]).toArray(Long[]::new);
      jdbc.sql("""
          insert into canteen_credential (account_id, kind, credential, status, issued_at)
          select id, 'CARD', '8' || lpad(id::text, 11, '0'), 'ACTIVE', cast(:now as timestamptz)
            from unnest(cast(:ids as bigint[])) as id
          union all
          select id, 'QR', 'Q' || replace(gen_random_uuid()::text, '-', ''), 'ACTIVE', cast(:now as timestamptz)
            from unnest(cast(:ids as bigint[])) as id""")
          .param("ids", ids).param("now", at).update();
      List<long[]> funded = opened.stream()
          .map(row -> new long[] {row[0], openingFenOfStaff.applyAsLong(row[1])})
          .filter(row -> row[1] > 0).toList();
      long total = ledger.postOpeningBalances(funded, now, by.getUsername());
      audit.record(new AuditEntry("BULK_OPEN", "canteen_account", regionId, regionId, null,
          Map.of("accounts", opened.size(), "openingBalanceFen", total)));
      return opened.size();
    });
  }

  private void issue(long accountId, String kind, String credential, Instant now) {
    jdbc.sql("""
        insert into canteen_credential (account_id, kind, credential, status, issued_at)
        values (:account, :kind, :credential, 'ACTIVE', :now)""")
        .param("account", accountId).param("kind", kind).param("credential", credential)
        .param("now", Timestamp.from(now)).update();
  }

  /** Card numbers are printed on the card: 12 digits derived from the account id, so they never collide. */
  static String newCardNo(long accountId) {
    return String.format("8%011d", accountId);
  }

  /**
   * An account's QR secret: never shown and never accepted by itself; the rotating payment codes the holder's phone
   * shows are derived from it ({@link PaymentCodes}). Must not be guessable.
   */
  String newQrToken() {
    byte[] bytes = new byte[16];
    random.nextBytes(bytes);
    return "Q" + HexFormat.of().formatHex(bytes);
  }

  // ---------------------------------------------------------------- spending

  /**
   * Charges a meal to an account, e.g. for a pre-order: the holder themself or a canteen manager of its region may.
   * Same rules as a terminal payment: the subsidy wallet pays first (up to the category's per-meal cap), the account
   * is never overdrawn, the daily limit holds, a frozen or closed account refuses ({@link PaymentRefused}). The same
   * idempotency key again answers the original payment and charges nothing.
   */
  public Payment charge(long accountId, long amountFen, String idempotencyKey, String description, CurrentUser by) {
    requireAmount(amountFen);
    IdempotencyKey key = IdempotencyKey.ofAccount(accountId, idempotencyKey);
    return idempotently(key, () -> {
      Locked locked = lockById(accountId, key);
      LockedAccount account = locked.account();
      if (!owns(by, account) && !manages(by, account.regionId)) {
        throw new NotFoundException("canteenAccount", accountId);
      }
      if (locked.existing() != null) {
        return replay(locked.existing(), account, "MEAL_PAYMENT", amountFen, null);
      }
      return spend(account, amountFen, key, "PRE_ORDER", null, null, trimmed(description), now(),
          by.getUsername(), false, null);
    });
  }

  /**
   * A payment at a terminal by card number or QR token (already checked to be the caller's terminal). Online, a
   * payment that breaks a rule is refused; offline ({@code offline}) it happened already, so it is recorded anyway —
   * possibly overdrawing the account — and flagged for a manager.
   */
  Payment payAtTerminal(CanteenTerminals.Terminal terminal, String credential, Long amountFen, String idempotencyKey,
                        Instant occurredAt, boolean offline, String actor) {
    return payAtTerminal(terminalPayment(terminal, credential, amountFen, idempotencyKey, occurredAt, actor), offline);
  }

  /** The same, for a payment already checked for form; on its own, in its own transaction. */
  Payment payAtTerminal(TerminalPayment payment, boolean offline) {
    CanteenTerminals.Terminal terminal = payment.terminal();
    return idempotently(payment.key(), () -> {
      Locked locked = lockByCredential(payment.credential(), payment.key());
      if (locked != null && "QR".equals(locked.credentialKind()) && !payment.byPaymentCode()) {
        // a QR secret is never accepted by itself: only through a current rotating code (PaymentCodes)
        locked = null;
      }
      if (locked == null) {
        // only this terminal's own earlier payment is answered again; a key names no one else's journal
        return paymentByKey(payment.key()).filter(p -> terminal.terminalCode().equals(p.terminalId()))
            .map(p -> replay(p.id(), p.accountId(), "MEAL_PAYMENT", payment.amountFen(), null))
            .orElseThrow(() -> new PaymentRefused(PaymentRefused.Reason.UNKNOWN_CREDENTIAL));
      }
      if (locked.existing() != null && locked.account().regionId == terminal.regionId()) {
        return replay(locked.existing(), locked.account(), "MEAL_PAYMENT", payment.amountFen(), null);
      }
      return payNew(payment, locked.account(), locked.credentialStatus(), offline, ledger);
    });
  }

  /** A terminal's payment, checked for form (amount, key, credential) before it touches the database. */
  record TerminalPayment(CanteenTerminals.Terminal terminal, String credential, Long amountFen, IdempotencyKey key,
                         Instant occurredAt, String actor, boolean byPaymentCode) {}

  TerminalPayment terminalPayment(CanteenTerminals.Terminal terminal, String credential, Long amountFen,
                                  String idempotencyKey, Instant occurredAt, String actor) {
    if (amountFen != null) {
      requireAmount(amountFen);
    }
    IdempotencyKey key = IdempotencyKey.ofTerminal(terminal.terminalCode(),
        IdempotencyKey.requireClientKey(idempotencyKey));
    if (credential == null || credential.isBlank()) {
      throw new PaymentRefused(PaymentRefused.Reason.UNKNOWN_CREDENTIAL);
    }
    String presented = credential.trim();
    // a rotating payment code counts at the moment the terminal scanned it (offline: when it took the payment)
    boolean byCode = PaymentCode.looksLikeCode(presented);
    String resolved = byCode ? paymentCodes.resolve(presented, occurredAt) : presented;
    return new TerminalPayment(terminal, resolved, amountFen, key,
        occurredAt.truncatedTo(java.time.temporal.ChronoUnit.MICROS), actor, byCode);
  }

  /** Charges a payment whose key is new to the locked account its credential reached. */
  private Payment payNew(TerminalPayment payment, LockedAccount account, String credentialStatus, boolean offline,
                         JournalWriter writer) {
    if (account.regionId != payment.terminal().regionId()) {
      throw new PaymentRefused(PaymentRefused.Reason.UNKNOWN_CREDENTIAL);
    }
    long amount = payment.amountFen() != null ? payment.amountFen() : mealPrice(account, payment.occurredAt());
    return spend(account, amount, payment.key(), offline ? "OFFLINE" : "TERMINAL", payment.terminal().id(),
        payment.terminal().terminalCode(), null, payment.occurredAt(), payment.actor(), offline, credentialStatus,
        writer);
  }

  /**
   * What became of one online terminal payment in a batch: paid, refused, or left to be paid on its own after the
   * batch (its key was used before, its credential is unknown, or its key came twice in the batch).
   */
  record BatchOutcome(Payment payment, RuntimeException refusal) {
    static final BatchOutcome ALONE = new BatchOutcome(null, null);

    boolean alone() {
      return payment == null && refusal == null;
    }
  }

  /**
   * Pays online terminal payments in one transaction (group commit, ADR 0009): one statement locks every account the
   * batch reaches, in id order; each payment then runs the same rules as {@link #payAtTerminal} in arrival order on
   * the locked rows in memory, so two payments on one card see each other; one statement writes every journal,
   * posting and account row; one commit makes them durable together. A refusal writes nothing for its payment and
   * does not disturb the others. Answers one outcome per item, in order, once the batch has committed; if the
   * transaction fails, the exception propagates and nothing of the batch is written.
   */
  List<BatchOutcome> payTerminalBatch(List<TerminalPayment> payments) {
    return transaction.execute(status -> {
      List<String> credentials = payments.stream().map(TerminalPayment::credential).distinct().toList();
      List<IdempotencyKey> keys = payments.stream().map(TerminalPayment::key).distinct().toList();
      PaymentBatch batch = new PaymentBatch(ledger);
      Map<String, Locked> byCredential = new HashMap<>();
      Set<IdempotencyKey> usedKeys = new HashSet<>();
      Map<Long, LockedAccount> byAccount = new HashMap<>();
      jdbc.sql("select " + LockedAccount.COLUMNS + """
          , c.credential, c.kind as credential_kind, c.status as credential_status,
            (select array_agg(nextval(pg_get_serial_sequence('canteen_journal', 'id')))
               from generate_series(1, :n)) as journal_ids,
            (select array_agg(j.idempotency_scope || chr(31) || j.idempotency_key) from canteen_journal j
              where (j.idempotency_scope, j.idempotency_key) in
                    (select * from unnest(cast(:scopes as text[]), cast(:keys as text[])))) as used_keys
            from canteen_credential c join canteen_account a on a.id = c.account_id
           where c.credential = any(cast(:credentials as text[]))
           order by a.id
             for update of a""")
          .param("n", payments.size())
          .param("scopes", keys.stream().map(IdempotencyKey::scope).toArray(String[]::new))
          .param("keys", keys.stream().map(IdempotencyKey::value).toArray(String[]::new))
          .param("credentials", credentials.toArray(String[]::new))
          .query(rs -> {
            if (byAccount.isEmpty()) {
              // the same on every row (evaluated once): the batch's journal ids and its keys already recorded
              batch.addJournalIds((Long[]) rs.getArray("journal_ids").getArray());
              java.sql.Array used = rs.getArray("used_keys");
              if (used != null) {
                // scope and key joined by the unit separator, which neither a terminal code nor a key contains
                for (String pair : (String[]) used.getArray()) {
                  int cut = pair.indexOf('\u001f');
                  usedKeys.add(new IdempotencyKey(pair.substring(0, cut), pair.substring(cut + 1)));
                }
              }
            }
            // a card and a QR token of one account reach the same locked row
            LockedAccount account = byAccount.computeIfAbsent(rs.getLong("id"), id -> lockedAccount(rs));
            byCredential.put(rs.getString("credential"), new Locked(account, null, rs.getString("credential_status"),
                rs.getString("credential_kind")));
          });
      List<BatchOutcome> outcomes = new ArrayList<>(payments.size());
      Set<IdempotencyKey> keysInBatch = new HashSet<>();
      for (TerminalPayment payment : payments) {
        Locked locked = byCredential.get(payment.credential());
        boolean qrWithoutCode = locked != null && "QR".equals(locked.credentialKind()) && !payment.byPaymentCode();
        if (locked == null || qrWithoutCode || usedKeys.contains(payment.key()) || !keysInBatch.add(payment.key())) {
          outcomes.add(BatchOutcome.ALONE);
          continue;
        }
        try {
          outcomes.add(new BatchOutcome(payNew(payment, locked.account(), locked.credentialStatus(), false, batch),
              null));
        } catch (BusinessRuleException refused) {
          // refused before its own journal was posted (a subsidy expiry that fell due stands: it is true either way);
          // the others of the batch go on, and the key stays free as after any refusal
          keysInBatch.remove(payment.key());
          outcomes.add(new BatchOutcome(null, refused));
        }
      }
      batch.write(jdbc);
      return outcomes;
    });
  }

  private long mealPrice(LockedAccount account, Instant at) {
    var local = at.atZone(PlatformConfiguration.ZONE);
    return rules.price(account.regionId, account.category, local.toLocalDate(), local.toLocalTime())
        .orElseThrow(() -> new PaymentRefused(PaymentRefused.Reason.NO_MEAL_PERIOD)).priceFen();
  }

  private Payment spend(LockedAccount account, long amountFen, IdempotencyKey key, String channel, Long terminalId,
                        String terminalCode, String description, Instant occurredAt, String actor, boolean offline,
                        String credentialStatus) {
    return spend(account, amountFen, key, channel, terminalId, terminalCode, description, occurredAt, actor, offline,
        credentialStatus, ledger);
  }

  private Payment spend(LockedAccount account, long amountFen, IdempotencyKey key, String channel, Long terminalId,
                        String terminalCode, String description, Instant occurredAt, String actor, boolean offline,
                        String credentialStatus, JournalWriter writer) {
    Instant now = now();
    expireSubsidyIfDue(account, today(), now, writer);
    LocalDate day = occurredAt.atZone(PlatformConfiguration.ZONE).toLocalDate();
    var rule = rules.categoryRule(account.regionId, account.category, day);
    Long cap = rule.map(CanteenRules.CategoryRule::subsidyPerMealCapFen).orElse(null);
    Long dailyLimit = rule.map(CanteenRules.CategoryRule::dailyLimitFen).orElse(null);
    long subsidyPart = Math.min(account.subsidyFen, cap == null ? amountFen : Math.min(cap, amountFen));
    long cashPart = amountFen - subsidyPart;
    PaymentRefused refusal = null;
    if ("CLOSED".equals(account.status)) {
      refusal = new PaymentRefused(PaymentRefused.Reason.ACCOUNT_CLOSED);
    } else if (credentialStatus != null && !"ACTIVE".equals(credentialStatus)) {
      refusal = new PaymentRefused(PaymentRefused.Reason.CARD_LOST);
    } else if ("FROZEN".equals(account.status)) {
      refusal = new PaymentRefused(PaymentRefused.Reason.CARD_FROZEN);
    } else if (dailyLimit != null && account.spentOn(day) + amountFen > dailyLimit) {
      refusal = new PaymentRefused(PaymentRefused.Reason.DAILY_LIMIT_REACHED, yuan(dailyLimit),
          yuan(account.spentOn(day)));
    } else if (account.cashFen < cashPart) {
      refusal = new PaymentRefused(PaymentRefused.Reason.INSUFFICIENT_BALANCE, yuan(account.balanceFen()),
          yuan(amountFen));
    }
    if (refusal != null && !offline) {
      throw refusal;
    }
    List<Leg> legs = new ArrayList<>(3);
    if (subsidyPart > 0) {
      legs.add(Leg.subsidy(-subsidyPart));
    }
    if (cashPart > 0) {
      legs.add(Leg.cash(-cashPart));
    }
    legs.add(Leg.book("MEAL_REVENUE", amountFen));
    account.spend(day, amountFen);
    long id = writer.post(account, new Entry("MEAL_PAYMENT", amountFen, key, channel, terminalId, null, description,
        occurredAt, now, actor), legs);
    String flag = null;
    if (refusal != null) {
      flag = refusal.reason().name();
      jdbc.sql("""
          insert into canteen_overdraft_flag (journal_id, account_id, region_id, reason, flagged_at)
          values (:journal, :account, :region, :reason, :now)""")
          .param("journal", id).param("account", account.id).param("region", account.regionId)
          .param("reason", flag).param("now", Timestamp.from(now)).update();
    }
    return new Payment(id, account.id, "MEAL_PAYMENT", amountFen, -subsidyPart, -cashPart, account.balanceFen(),
        key.value(), channel, terminalCode, null, description, occurredAt, now, flag, false);
  }

  /**
   * Refunds a meal payment in full, into the wallets it came from (subsidy whose period has passed is not paid back
   * as cash: it stays expired). A canteen manager of the region may refund any payment; the holder may refund their
   * own pre-order charges (a cancelled pre-order). A payment is refunded at most once. Audited.
   */
  public Payment refund(long paymentId, String idempotencyKey, String reason, CurrentUser by) {
    IdempotencyKey key = IdempotencyKey.ofUser(by.getUsername(), idempotencyKey);
    String why = requireReason(reason);
    Payment original = paymentById(paymentId).orElseThrow(() -> new NotFoundException("canteenPayment", paymentId));
    return idempotently(key, () -> {
      Locked locked = lockById(original.accountId(), key);
      LockedAccount account = locked.account();
      boolean manager = manages(by, account.regionId);
      if (!manager && !(owns(by, account) && "PRE_ORDER".equals(original.channel()))) {
        throw new NotFoundException("canteenPayment", paymentId);
      }
      if (locked.existing() != null) {
        return replay(locked.existing(), account, "REFUND", original.amountFen(), paymentId);
      }
      if (!"MEAL_PAYMENT".equals(original.kind())) {
        throw new ConflictException("canteen.notRefundable");
      }
      boolean refunded = jdbc.sql("select count(*) from canteen_journal where refunds_journal_id = :id")
          .param("id", paymentId).query(Long.class).single() > 0;
      if (refunded) {
        throw new ConflictException("canteen.alreadyRefunded");
      }
      if ("CLOSED".equals(account.status)) {
        throw new ConflictException("canteen.accountClosed");
      }
      Instant now = now();
      LocalDate today = today();
      expireSubsidyIfDue(account, today, now);
      long subsidyBack = -original.subsidyFen();
      long cashBack = -original.cashFen();
      boolean subsidyPeriodOpen = account.subsidyExpiresOn != null && !account.subsidyExpiresOn.isBefore(today);
      List<Leg> legs = new ArrayList<>(4);
      if (subsidyBack > 0) {
        legs.add(subsidyPeriodOpen ? Leg.subsidy(subsidyBack) : Leg.book("SUBSIDY_EXPIRED", subsidyBack));
      }
      if (cashBack > 0) {
        legs.add(Leg.cash(cashBack));
      }
      legs.add(Leg.book("MEAL_REVENUE", -original.amountFen()));
      long id = ledger.post(account, new Entry("REFUND", original.amountFen(), key, manager ? "MANAGER" : "PRE_ORDER",
          null, paymentId, why, now, now, by.getUsername()), legs);
      audit.record(new AuditEntry("REFUND", "canteen_journal", id, account.regionId, Map.of("payment", paymentId),
          Map.of("amountFen", original.amountFen(), "reason", why)));
      return new Payment(id, account.id, "REFUND", original.amountFen(), subsidyPeriodOpen ? subsidyBack : 0, cashBack,
          account.balanceFen(), key.value(), manager ? "MANAGER" : "PRE_ORDER", null, paymentId, why, now, now, null, false);
    });
  }

  // ---------------------------------------------------------------- top-ups, subsidies, corrections

  /**
   * 柜台充值: a canteen manager of the region adds money to the cash wallet at the counter (cash or card taken there).
   * Audited. Idempotent by key within the manager's own keys. A holder's own online top-up is a payment order instead
   * ({@link TopUpOrders}), credited by {@link #creditPaidOrder} once the payment provider confirms it.
   */
  public Payment topUp(long accountId, long amountFen, String idempotencyKey, CurrentUser by) {
    requireAmount(amountFen);
    IdempotencyKey key = IdempotencyKey.ofUser(by.getUsername(), idempotencyKey);
    return idempotently(key, () -> {
      Locked locked = lockById(accountId, key);
      LockedAccount account = requireManaged(locked.account(), by);
      if (locked.existing() != null) {
        return replay(locked.existing(), account, "TOP_UP", amountFen, null);
      }
      Payment payment = credit(account, amountFen, key, "COUNTER", "柜台充值", by.getUsername());
      audit.record(AuditEntry.created("canteen_journal", payment.id(), account.regionId,
          Map.of("kind", "TOP_UP", "account", accountId, "amountFen", amountFen)));
      return payment;
    });
  }

  /**
   * 在线充值入账: credits a payment order the provider confirmed, in the caller's transaction (the order turns PAID in
   * the same one). The key is the order number in the provider's scope, so an order is credited at most once.
   */
  Payment creditPaidOrder(long accountId, long amountFen, String provider, String orderNo) {
    IdempotencyKey key = IdempotencyKey.ofProvider(provider, orderNo);
    return transaction.execute(status -> {
      Locked locked = lockById(accountId, key);
      if (locked.existing() != null) {
        return replay(locked.existing(), locked.account(), "TOP_UP", amountFen, null);
      }
      return credit(locked.account(), amountFen, key, "ONLINE", "在线充值 " + orderNo, "payment:" + provider);
    });
  }

  private Payment credit(LockedAccount account, long amountFen, IdempotencyKey key, String channel,
                         String description, String actor) {
    if ("CLOSED".equals(account.status)) {
      throw new ConflictException("canteen.accountClosed");
    }
    Instant now = now();
    long id = ledger.post(account, new Entry("TOP_UP", amountFen, key, channel, null, null, description, now, now,
        actor), List.of(Leg.cash(amountFen), Leg.book("TOP_UP_CLEARING", -amountFen)));
    return new Payment(id, account.id, "TOP_UP", amountFen, 0, amountFen, account.balanceFen(), key.value(), channel,
        null, null, description, now, now, null, false);
  }

  /**
   * 更正: a canteen manager corrects the cash wallet by a signed amount with a reason; it may not overdraw the
   * account. Audited.
   */
  public Payment correct(long accountId, long signedAmountFen, String reason, String idempotencyKey, CurrentUser by) {
    if (signedAmountFen == 0) {
      throw new BusinessRuleException("canteen.amountInvalid");
    }
    requireAmount(Math.abs(signedAmountFen));
    IdempotencyKey key = IdempotencyKey.ofUser(by.getUsername(), idempotencyKey);
    String why = requireReason(reason);
    return idempotently(key, () -> {
      Locked locked = lockById(accountId, key);
      LockedAccount account = requireManaged(locked.account(), by);
      if (locked.existing() != null) {
        return replay(locked.existing(), account, "CORRECTION", Math.abs(signedAmountFen), null);
      }
      if ("CLOSED".equals(account.status)) {
        throw new ConflictException("canteen.accountClosed");
      }
      if (account.cashFen + signedAmountFen < 0) {
        throw new BusinessRuleException("canteen.correctionOverdraws", yuan(account.cashFen));
      }
      Instant now = now();
      long id = ledger.post(account, new Entry("CORRECTION", Math.abs(signedAmountFen), key, "MANAGER", null, null,
          why, now, now, by.getUsername()), List.of(Leg.cash(signedAmountFen), Leg.book("CORRECTION", -signedAmountFen)));
      audit.record(new AuditEntry("CORRECT", "canteen_account", accountId, account.regionId,
          Map.of("cashFen", account.cashFen - signedAmountFen),
          Map.of("cashFen", account.cashFen, "changeFen", signedAmountFen, "reason", why, "journal", id)));
      return new Payment(id, account.id, "CORRECTION", Math.abs(signedAmountFen), 0, signedAmountFen,
          account.balanceFen(), key.value(), "MANAGER", null, null, why, now, now, null, false);
    });
  }

  /** What a monthly subsidy run did. */
  public record SubsidyRun(YearMonth month, int accounts, long totalFen) {}

  /**
   * 发放补贴: credits each open staff account of the manager's region with its category's monthly subsidy, expiring at
   * the month's end (leftovers of earlier months expire first). Running it again for the same month grants nothing
   * twice (one idempotency key per account and month). Audited as one manager action.
   */
  public SubsidyRun grantMonthlySubsidies(YearMonth month, CurrentUser by) {
    if (month == null || !manages(by, by.regionId())) {
      throw new ForbiddenException();
    }
    long regionId = by.regionId();
    List<Long> ids = jdbc.sql("""
        select id from canteen_account where region_id = :region and kind = 'STAFF' and status <> 'CLOSED' order by id""")
        .param("region", regionId).query(Long.class).list();
    int granted = 0;
    long total = 0;
    for (long id : ids) {
      IdempotencyKey key = IdempotencyKey.ofPlatform("subsidy:" + id + ":" + month);
      Payment grant = idempotently(key, () -> {
        Locked locked = lockById(id, key);
        LockedAccount account = locked.account();
        if (locked.existing() != null) {
          return replay(locked.existing(), account, "SUBSIDY_GRANT", null, null);
        }
        long amount = rules.categoryRule(regionId, account.category, month.atDay(1))
            .map(CanteenRules.CategoryRule::monthlySubsidyFen).orElse(0L);
        if (amount == 0 || "CLOSED".equals(account.status)) {
          return null;
        }
        Instant now = now();
        expireSubsidyIfDue(account, month.atDay(1), now);
        LocalDate end = month.atEndOfMonth();
        account.subsidyExpiresOn = account.subsidyExpiresOn == null || account.subsidyExpiresOn.isBefore(end)
            ? end : account.subsidyExpiresOn;
        long journal = ledger.post(account, new Entry("SUBSIDY_GRANT", amount, key, "SYSTEM", null, null,
            month + " 月度补贴", now, now, by.getUsername()),
            List.of(Leg.subsidy(amount), Leg.book("SUBSIDY_FUND", -amount)));
        return new Payment(journal, id, "SUBSIDY_GRANT", amount, amount, 0, account.balanceFen(), key.value(),
            "SYSTEM", null,
            null, month + " 月度补贴", now, now, null, false);
      });
      if (grant != null && !grant.replayed()) {
        granted++;
        total += grant.amountFen();
      }
    }
    int accounts = granted;
    long totalFen = total;
    transaction.executeWithoutResult(status -> audit.record(new AuditEntry("GRANT", "canteen_subsidy",
        month.toString(), regionId, null, Map.of("accounts", accounts, "totalFen", totalFen))));
    return new SubsidyRun(month, accounts, totalFen);
  }

  /** Each night on one instance only (the job's lock answers no count, hence this void entry). */
  @Scheduled(cron = "${affairs.canteen.subsidy-expiry-cron:0 5 0 * * *}", zone = "Asia/Shanghai")
  @SchedulerLock(name = "canteen-subsidy-expiry")
  public void expireSubsidiesNightly() {
    expireSubsidies();
  }

  /**
   * Expires what is left of subsidies whose period has ended (each night, and lazily whenever an account is used),
   * so a displayed balance never includes money the holder can no longer spend. Returns how many accounts changed.
   */
  public int expireSubsidies() {
    LocalDate today = today();
    List<Long> due = jdbc.sql("""
        select id from canteen_account where subsidy_fen > 0 and subsidy_expires_on < :today order by id""")
        .param("today", java.sql.Date.valueOf(today)).query(Long.class).list();
    int expired = 0;
    for (long id : due) {
      Boolean changed = transaction.execute(status -> {
        LockedAccount account = lockById(id, null).account();
        boolean due2 = account.subsidyExpiredOn(today);
        if (due2) {
          expireSubsidyIfDue(account, today, now());
        }
        return due2;
      });
      expired += Boolean.TRUE.equals(changed) ? 1 : 0;
    }
    return expired;
  }

  private void expireSubsidyIfDue(LockedAccount account, LocalDate today, Instant now) {
    expireSubsidyIfDue(account, today, now, ledger);
  }

  private void expireSubsidyIfDue(LockedAccount account, LocalDate today, Instant now, JournalWriter writer) {
    if (!account.subsidyExpiredOn(today)) {
      return;
    }
    long amount = account.subsidyFen;
    LocalDate expiredOn = account.subsidyExpiresOn;
    account.subsidyExpiresOn = null;
    writer.post(account, new Entry("SUBSIDY_EXPIRY", amount, null, "SYSTEM", null, null, "补贴到期 " + expiredOn,
        now, now, SYSTEM), List.of(Leg.subsidy(-amount), Leg.book("SUBSIDY_EXPIRED", amount)));
  }

  // ---------------------------------------------------------------- cards and closing

  /** 挂失: the holder or a manager freezes the account at once; nothing can be paid until a manager acts. Audited. */
  public CanteenAccount freeze(long accountId, CurrentUser by) {
    return transaction.execute(status -> {
      LockedAccount account = lockById(accountId, null).account();
      if (!owns(by, account) && !manages(by, account.regionId)) {
        throw new NotFoundException("canteenAccount", accountId);
      }
      if ("CLOSED".equals(account.status)) {
        throw new ConflictException("canteen.accountClosed");
      }
      if (!"FROZEN".equals(account.status)) {
        setStatus(account, "FROZEN", by);
      }
      return account(accountId, by);
    });
  }

  /** A manager lifts a freeze (the card was found). Audited. */
  public CanteenAccount unfreeze(long accountId, CurrentUser by) {
    return transaction.execute(status -> {
      LockedAccount account = requireManaged(lockById(accountId, null).account(), by);
      if (!"FROZEN".equals(account.status)) {
        throw new ConflictException("canteen.notFrozen");
      }
      setStatus(account, "ACTIVE", by);
      return account(accountId, by);
    });
  }

  /**
   * 补卡: a manager issues a new card; the old one is marked lost and refused from now on, the account (and its
   * balance) stays the same and is unfrozen. Audited.
   */
  public CanteenAccount replaceCard(long accountId, String newCardNo, CurrentUser by) {
    try {
      return transaction.execute(status -> {
        LockedAccount account = requireManaged(lockById(accountId, null).account(), by);
        if ("CLOSED".equals(account.status)) {
          throw new ConflictException("canteen.accountClosed");
        }
        Instant now = now();
        String oldCard = jdbc.sql("""
            update canteen_credential set status = 'LOST', ended_at = :now
             where account_id = :account and kind = 'CARD' and status = 'ACTIVE' returning credential""")
            .param("now", Timestamp.from(now)).param("account", accountId).query(String.class).optional().orElse(null);
        String card = newCardNo == null || newCardNo.isBlank() ? nextCardNo(accountId) : newCardNo.trim();
        issue(accountId, "CARD", card, now);
        String before = account.status;
        account.status = "ACTIVE";
        jdbc.sql("update canteen_account set status = 'ACTIVE' where id = :id").param("id", accountId).update();
        audit.record(new AuditEntry("REPLACE_CARD", "canteen_account", accountId, account.regionId,
            mapOf("cardNo", oldCard, "status", before), Map.of("cardNo", card, "status", "ACTIVE")));
        return account(accountId, by);
      });
    } catch (DuplicateKeyException e) {
      throw new ConflictException("canteen.cardTaken", newCardNo);
    }
  }

  /**
   * Registers a new face identity (the face system's template id) or a new QR token (generated when none is given) for
   * an account; the previous one of that kind stops working. A canteen manager of the region may. Audited.
   */
  public CanteenAccount registerCredential(long accountId, String kind, String credential, CurrentUser by) {
    if (!"FACE".equals(kind) && !"QR".equals(kind)) {
      throw new BusinessRuleException("canteen.credentialKindInvalid");
    }
    if ("FACE".equals(kind) && (credential == null || credential.isBlank())) {
      throw new BusinessRuleException("canteen.credentialRequired");
    }
    String value = credential == null || credential.isBlank() ? newQrToken() : credential.trim();
    try {
      return transaction.execute(status -> {
        LockedAccount account = requireManaged(lockById(accountId, null).account(), by);
        if ("CLOSED".equals(account.status)) {
          throw new ConflictException("canteen.accountClosed");
        }
        Instant now = now();
        jdbc.sql("""
            update canteen_credential set status = 'REVOKED', ended_at = :now
             where account_id = :account and kind = :kind and status = 'ACTIVE'""")
            .param("now", Timestamp.from(now)).param("account", accountId).param("kind", kind).update();
        issue(accountId, kind, value, now);
        audit.record(AuditEntry.created("canteen_credential", accountId, account.regionId,
            Map.of("kind", kind, "account", accountId)));
        return account(accountId, by);
      });
    } catch (DuplicateKeyException e) {
      throw new ConflictException("canteen.cardTaken", value);
    }
  }

  /** A replacement card's number: the account's number with a running suffix, so it never collides either. */
  private String nextCardNo(long accountId) {
    long issued = jdbc.sql("select count(*) from canteen_credential where account_id = :id and kind = 'CARD'")
        .param("id", accountId).query(Long.class).single();
    return newCardNo(accountId) + "-" + issued;
  }

  /**
   * 结算销户: for staff who leave (调出/退休). Unused subsidy expires, the cash balance is paid out to the holder
   * (a SETTLEMENT journal), every credential is revoked and the account closed. An overdrawn account must be settled
   * first (top-up or correction). Audited.
   */
  public CanteenAccount settleAndClose(long accountId, String reason, CurrentUser by) {
    String why = requireReason(reason);
    return transaction.execute(status -> {
      LockedAccount account = requireManaged(lockById(accountId, null).account(), by);
      if ("CLOSED".equals(account.status)) {
        throw new ConflictException("canteen.accountClosed");
      }
      if (account.cashFen < 0) {
        throw new ConflictException("canteen.closeOverdrawn", yuan(-account.cashFen));
      }
      Instant now = now();
      long subsidy = account.subsidyFen;
      if (subsidy > 0) {
        account.subsidyExpiresOn = null;
        ledger.post(account, new Entry("SUBSIDY_EXPIRY", subsidy, null, "MANAGER", null, null, "销户，补贴作废",
            now, now, by.getUsername()), List.of(Leg.subsidy(-subsidy), Leg.book("SUBSIDY_EXPIRED", subsidy)));
      }
      long paidOut = account.cashFen;
      if (paidOut > 0) {
        ledger.post(account, new Entry("SETTLEMENT", paidOut, null, "MANAGER", null, null, "销户结算退款：" + why,
            now, now, by.getUsername()), List.of(Leg.cash(-paidOut), Leg.book("SETTLEMENT_PAYOUT", paidOut)));
      }
      String before = account.status;
      ledger.save(account);
      jdbc.sql("update canteen_account set status = 'CLOSED', closed_at = :now where id = :id")
          .param("now", Timestamp.from(now)).param("id", accountId).update();
      jdbc.sql("update canteen_credential set status = 'REVOKED', ended_at = :now where account_id = :id and status = 'ACTIVE'")
          .param("now", Timestamp.from(now)).param("id", accountId).update();
      audit.record(new AuditEntry("CLOSE", "canteen_account", accountId, account.regionId, Map.of("status", before),
          Map.of("status", "CLOSED", "paidOutFen", paidOut, "expiredSubsidyFen", subsidy, "reason", why)));
      return account(accountId, by);
    });
  }

  private void setStatus(LockedAccount account, String status, CurrentUser by) {
    String before = account.status;
    account.status = status;
    jdbc.sql("update canteen_account set status = :status where id = :id")
        .param("status", status).param("id", account.id).update();
    audit.record(new AuditEntry("FROZEN".equals(status) ? "FREEZE" : "UNFREEZE", "canteen_account", account.id,
        account.regionId, Map.of("status", before), Map.of("status", status, "by", by.getUsername())));
  }

  // ---------------------------------------------------------------- locking and idempotency

  /** A locked account row and, when the idempotency key was used before, that journal's id. */
  private record Locked(LockedAccount account, Long existing, String credentialStatus, String credentialKind) {}

  private static LockedAccount lockedAccount(ResultSet rs) {
    try {
      return new LockedAccount(rs);
    } catch (SQLException e) {
      throw new IllegalStateException("unreadable canteen account row", e);
    }
  }

  private Locked lockById(long accountId, IdempotencyKey key) {
    return jdbc.sql("select " + LockedAccount.COLUMNS + """
        , (select j.id from canteen_journal j where j.idempotency_scope = :scope and j.idempotency_key = :key) as existing
          from canteen_account a where a.id = :id for update of a""")
        .param("scope", key == null ? null : key.scope()).param("key", key == null ? null : key.value())
        .param("id", accountId)
        .query((rs, n) -> new Locked(new LockedAccount(rs), (Long) rs.getObject("existing"), null, null))
        .optional().orElseThrow(() -> new NotFoundException("canteenAccount", accountId));
  }

  private Locked lockByCredential(String credential, IdempotencyKey key) {
    return jdbc.sql("select " + LockedAccount.COLUMNS + """
        , c.status as credential_status, c.kind as credential_kind,
          (select j.id from canteen_journal j where j.idempotency_scope = :scope and j.idempotency_key = :key) as existing
          from canteen_credential c join canteen_account a on a.id = c.account_id
         where c.credential = :credential for update of a""")
        .param("scope", key.scope()).param("key", key.value()).param("credential", credential)
        .query((rs, n) -> new Locked(new LockedAccount(rs), (Long) rs.getObject("existing"),
            rs.getString("credential_status"), rs.getString("credential_kind")))
        .optional().orElse(null);
  }

  /**
   * The journal a repeated key names, answered again only when the request is the same one: the same account (the
   * caller's right to it is checked before), operation, amount (when the request names one) and, for a refund, the
   * same payment refunded. Otherwise 409 naming the key: a key never stands in for another request.
   */
  private Payment replay(long journalId, LockedAccount account, String kind, Long amountFen, Long refunds) {
    return replay(journalId, account.id, kind, amountFen, refunds);
  }

  private Payment replay(long journalId, long accountId, String kind, Long amountFen, Long refunds) {
    Payment payment = paymentById(journalId).orElseThrow();
    if (payment.accountId() != accountId) {
      throw new ConflictException("canteen.idempotencyKeyReused");
    }
    if (!payment.kind().equals(kind) || (amountFen != null && payment.amountFen() != amountFen)
        || (refunds != null && !refunds.equals(payment.refundsPaymentId()))) {
      throw new ConflictException("canteen.idempotencyKeyConflict", payment.idempotencyKey(),
          new org.springframework.context.support.DefaultMessageSourceResolvable(
              new String[] {"canteen.kind." + payment.kind()}, payment.kind()), yuan(payment.amountFen()));
    }
    return payment.asReplay();
  }

  /**
   * Runs one ledger transaction. Two requests with the same new key may race past the lookup; the unique key then
   * refuses the second insert, and the second caller gets the first one's journal.
   */
  private Payment idempotently(IdempotencyKey key, Supplier<Payment> work) {
    try {
      return transaction.execute(status -> work.get());
    } catch (DuplicateKeyException e) {
      // another request with the same key committed first: run again, so the replay passes the same checks of the
      // caller's right to the account (and of the key's account) as any other replay
      return transaction.execute(status -> work.get());
    }
  }

  // ---------------------------------------------------------------- helpers

  /**
   * Whose accounts a viewer may read: the canteen's managers and administrators their region's, everyone else only
   * their own. Balances are personal, so the broader reach of other roles (another module's manager, a unit's
   * liaison) does not extend to them.
   */
  static DataScope readableBy(CurrentUser viewer) {
    return viewer.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.CANTEEN_MANAGER, Role.STAFF);
  }

  static DataScope managing(CurrentUser by) {
    return by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.CANTEEN_MANAGER);
  }

  static boolean manages(CurrentUser by, long regionId) {
    return managing(by).permits(regionId, null, null);
  }

  private static boolean owns(CurrentUser by, LockedAccount account) {
    return by.staffId() != null && by.staffId().equals(account.staffId) && !by.isApiKey();
  }

  private static LockedAccount requireManaged(LockedAccount account, CurrentUser by) {
    if (!manages(by, account.regionId)) {
      throw new NotFoundException("canteenAccount", account.id);
    }
    return account;
  }

  private static String requireReason(String reason) {
    if (reason == null || reason.isBlank()) {
      throw new BusinessRuleException("canteen.reasonRequired");
    }
    String trimmed = reason.trim();
    return trimmed.length() > 150 ? trimmed.substring(0, 150) : trimmed;
  }

  private static String trimmed(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    String trimmed = text.trim();
    return trimmed.length() > 200 ? trimmed.substring(0, 200) : trimmed;
  }

  /** Fen as yuan with two decimals, for messages. */
  static String yuan(long fen) {
    return Money.ofFen(fen).plain();
  }

  private static Map<String, Object> mapOf(String k1, Object v1, String k2, Object v2) {
    Map<String, Object> map = new LinkedHashMap<>();
    map.put(k1, v1);
    map.put(k2, v2);
    return map;
  }

  private static void requireAmount(long amountFen) {
    if (amountFen <= 0 || amountFen > 100_000_000L) {
      throw new BusinessRuleException("canteen.amountInvalid");
    }
  }

  Optional<Payment> paymentById(long id) {
    return jdbc.sql(PAYMENT_SELECT + " where j.id = :id").param("id", id).query(CanteenRows::payment).optional();
  }

  Optional<Payment> paymentByKey(IdempotencyKey key) {
    return jdbc.sql(PAYMENT_SELECT + " where j.idempotency_scope = :scope and j.idempotency_key = :key")
        .param("scope", key.scope()).param("key", key.value())
        .query(CanteenRows::payment).optional();
  }

  /** The database keeps microseconds; so do the answers, so that a replay answers exactly the same body. */
  private Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
  }

  LocalDate today() {
    return now().atZone(PlatformConfiguration.ZONE).toLocalDate();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
