package cn.smartaffairs.canteen;

import cn.smartaffairs.canteen.Ledger.Entry;
import cn.smartaffairs.canteen.Ledger.Leg;
import cn.smartaffairs.canteen.Ledger.Wallet;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.PlatformConfiguration;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * 食堂账户, the aggregate: an account row read {@code FOR UPDATE} at the start of a ledger transaction, and the rules of
 * every move of its money and state — pay, refund, top up, correct, grant and expire subsidy, freeze, unfreeze, take a
 * new card, settle and close. Each move decides here and throws a refusal the pages and the API already show
 * ({@link PaymentRefused}, {@link ConflictException}); what it records goes to a {@link JournalWriter}, which moves
 * the wallets and the hash chain through {@link #moveWallet} and answers the journal id. The service writes the row
 * back once at the end, so a payment costs one read and one write of it.
 */
final class LockedAccount {

  /** The columns a ledger transaction reads; callers add their own (e.g. the credential's status). */
  static final String COLUMNS = "a.id, a.region_id, a.staff_id, a.kind, a.category, a.status, a.closed_at, "
      + "a.cash_fen, a.subsidy_fen, a.subsidy_expires_on, a.spent_on, a.spent_today_fen, a.entry_count, a.last_hash, "
      + "nextval(pg_get_serial_sequence('canteen_journal', 'id')) as reserved_journal_id";

  private final long id;
  private final long regionId;
  private final Long staffId;
  private final String category;
  private AccountStatus status;
  private Instant closedAt;
  private long cashFen;
  private long subsidyFen;
  private LocalDate subsidyExpiresOn;
  private LocalDate spentOn;
  private long spentTodayFen;
  private long entryCount;
  private String lastHash;
  /** A journal id drawn from the sequence together with the row lock, saving a round trip when a journal follows. */
  private Long reservedJournalId;

  /** A fresh account's state, or one as stored; the ledger's chain head starts at {@link Ledger#GENESIS}. */
  LockedAccount(long id, long regionId, Long staffId, String category, AccountStatus status, long cashFen,
      long subsidyFen, LocalDate subsidyExpiresOn) {
    this.id = id;
    this.regionId = regionId;
    this.staffId = staffId;
    this.category = category;
    this.status = status;
    this.cashFen = cashFen;
    this.subsidyFen = subsidyFen;
    this.subsidyExpiresOn = subsidyExpiresOn;
    this.lastHash = Ledger.GENESIS;
  }

  LockedAccount(ResultSet rs) throws SQLException {
    this(rs.getLong("id"), rs.getLong("region_id"), (Long) rs.getObject("staff_id"), rs.getString("category"),
        AccountStatus.valueOf(rs.getString("status")), rs.getLong("cash_fen"), rs.getLong("subsidy_fen"),
        date(rs.getDate("subsidy_expires_on")));
    Timestamp closed = rs.getTimestamp("closed_at");
    closedAt = closed == null ? null : closed.toInstant();
    spentOn = date(rs.getDate("spent_on"));
    spentTodayFen = rs.getLong("spent_today_fen");
    entryCount = rs.getLong("entry_count");
    lastHash = rs.getString("last_hash");
    reservedJournalId = rs.getObject("reserved_journal_id", Long.class);
  }

  // ---------------------------------------------------------------- meals

  /**
   * Charges a meal. The subsidy wallet pays first, up to the category's per-meal cap; the cash wallet pays the rest.
   * Refused — in this order — when the account is closed, the card presented is no longer active, the account is
   * frozen, the day's limit would be passed or the cash does not cover the rest. An offline charge happened already:
   * it is recorded anyway, possibly overdrawing the account, and its {@link Payment#flag()} names the refusal for a
   * manager. A subsidy that fell due expires first, refused or not.
   */
  Payment pay(MealCharge charge, Optional<CanteenRules.CategoryRule> rule, Instant now, JournalWriter writer) {
    expireSubsidyIfDue(today(now), now, writer);
    LocalDate day = charge.day();
    long amount = charge.amountFen();
    Long cap = rule.map(CanteenRules.CategoryRule::subsidyPerMealCapFen).orElse(null);
    Long dailyLimit = rule.map(CanteenRules.CategoryRule::dailyLimitFen).orElse(null);
    long subsidyPart = Math.min(subsidyFen, cap == null ? amount : Math.min(cap, amount));
    long cashPart = amount - subsidyPart;
    PaymentRefused refusal = refusalOf(charge, day, cashPart, dailyLimit);
    if (refusal != null && !charge.offline()) {
      throw refusal;
    }
    List<Leg> legs = new ArrayList<>(3);
    if (subsidyPart > 0) {
      legs.add(Leg.subsidy(-subsidyPart));
    }
    if (cashPart > 0) {
      legs.add(Leg.cash(-cashPart));
    }
    legs.add(Leg.book("MEAL_REVENUE", amount));
    countTowardsDailyLimit(day, amount);
    return record(new Entry(JournalKind.MEAL_PAYMENT, amount, charge.key(), charge.channel(), charge.terminalId(),
        null, charge.description(), charge.occurredAt(), now, charge.actor()), legs, writer, charge.terminalCode(),
        refusal == null ? null : refusal.reason().name());
  }

  private PaymentRefused refusalOf(MealCharge charge, LocalDate day, long cashPart, Long dailyLimit) {
    if (status == AccountStatus.CLOSED) {
      return new PaymentRefused(PaymentRefused.Reason.ACCOUNT_CLOSED);
    }
    if (charge.credentialStatus() != null && charge.credentialStatus() != CredentialStatus.ACTIVE) {
      return new PaymentRefused(PaymentRefused.Reason.CARD_LOST);
    }
    if (status == AccountStatus.FROZEN) {
      return new PaymentRefused(PaymentRefused.Reason.CARD_FROZEN);
    }
    if (dailyLimit != null && spentOn(day) + charge.amountFen() > dailyLimit) {
      return new PaymentRefused(PaymentRefused.Reason.DAILY_LIMIT_REACHED, yuan(dailyLimit), yuan(spentOn(day)));
    }
    if (cashFen < cashPart) {
      return new PaymentRefused(PaymentRefused.Reason.INSUFFICIENT_BALANCE, yuan(balanceFen()),
          yuan(charge.amountFen()));
    }
    return null;
  }

  /**
   * Refunds a meal payment in full, into the wallets it came from; subsidy whose period has passed is not paid back as
   * cash but stays expired. Only a meal payment is refundable, only once, and only while the account is open.
   */
  Payment refund(Payment original, boolean alreadyRefunded, JournalChannel channel, IdempotencyKey key, String reason,
      String actor, Instant now, JournalWriter writer) {
    if (JournalKind.valueOf(original.kind()) != JournalKind.MEAL_PAYMENT) {
      throw new ConflictException("canteen.notRefundable");
    }
    if (alreadyRefunded) {
      throw new ConflictException("canteen.alreadyRefunded");
    }
    requireOpen();
    LocalDate today = today(now);
    expireSubsidyIfDue(today, now, writer);
    long subsidyBack = -original.subsidyFen();
    long cashBack = -original.cashFen();
    boolean subsidyPeriodOpen = subsidyExpiresOn != null && !subsidyExpiresOn.isBefore(today);
    List<Leg> legs = new ArrayList<>(4);
    if (subsidyBack > 0) {
      legs.add(subsidyPeriodOpen ? Leg.subsidy(subsidyBack) : Leg.book("SUBSIDY_EXPIRED", subsidyBack));
    }
    if (cashBack > 0) {
      legs.add(Leg.cash(cashBack));
    }
    legs.add(Leg.book("MEAL_REVENUE", -original.amountFen()));
    return record(new Entry(JournalKind.REFUND, original.amountFen(), key, channel, null, original.id(), reason, now,
        now, actor), legs, writer, null, null);
  }

  // ---------------------------------------------------------------- top-ups, corrections, subsidies

  /** Adds money to the cash wallet (at the counter, or an online order the provider confirmed); not once closed. */
  Payment topUp(long amountFen, IdempotencyKey key, JournalChannel channel, String description, String actor,
      Instant now, JournalWriter writer) {
    requireOpen();
    return record(new Entry(JournalKind.TOP_UP, amountFen, key, channel, null, null, description, now, now, actor),
        List.of(Leg.cash(amountFen), Leg.book("TOP_UP_CLEARING", -amountFen)), writer, null, null);
  }

  /** 更正: moves the cash wallet by a signed amount; not once closed, and never below zero. */
  Payment correct(long signedAmountFen, IdempotencyKey key, String reason, String actor, Instant now,
      JournalWriter writer) {
    requireOpen();
    if (cashFen + signedAmountFen < 0) {
      throw new BusinessRuleException("canteen.correctionOverdraws", yuan(cashFen));
    }
    return record(new Entry(JournalKind.CORRECTION, Math.abs(signedAmountFen), key, JournalChannel.MANAGER, null, null,
        reason, now, now, actor), List.of(Leg.cash(signedAmountFen), Leg.book("CORRECTION", -signedAmountFen)),
        writer, null, null);
  }

  /**
   * Grants a month's subsidy, expiring at the month's end (or later, if an earlier grant runs longer); what is left of
   * an earlier period expires first. Nothing for a closed account or a category without subsidy.
   */
  Optional<Payment> grantSubsidy(YearMonth month, long amountFen, IdempotencyKey key, String actor, Instant now,
      JournalWriter writer) {
    if (amountFen == 0 || status == AccountStatus.CLOSED) {
      return Optional.empty();
    }
    expireSubsidyIfDue(month.atDay(1), now, writer);
    LocalDate end = month.atEndOfMonth();
    subsidyExpiresOn = subsidyExpiresOn == null || subsidyExpiresOn.isBefore(end) ? end : subsidyExpiresOn;
    return Optional.of(record(new Entry(JournalKind.SUBSIDY_GRANT, amountFen, key, JournalChannel.SYSTEM, null, null,
        month + " 月度补贴", now, now, actor), List.of(Leg.subsidy(amountFen), Leg.book("SUBSIDY_FUND", -amountFen)),
        writer, null, null));
  }

  /** Whether subsidy is left whose period ended before {@code day}. */
  boolean subsidyExpiredOn(LocalDate day) {
    return subsidyFen > 0 && subsidyExpiresOn != null && subsidyExpiresOn.isBefore(day);
  }

  /**
   * Expires what is left of a subsidy whose period ended before {@code today}, so that a balance never includes money
   * the holder can no longer spend. Answers whether it did.
   */
  boolean expireSubsidyIfDue(LocalDate today, Instant now, JournalWriter writer) {
    if (!subsidyExpiredOn(today)) {
      return false;
    }
    long amount = subsidyFen;
    LocalDate expiredOn = subsidyExpiresOn;
    subsidyExpiresOn = null;
    writer.post(this, new Entry(JournalKind.SUBSIDY_EXPIRY, amount, null, JournalChannel.SYSTEM, null, null,
        "补贴到期 " + expiredOn, now, now, CanteenAccounts.SYSTEM),
        List.of(Leg.subsidy(-amount), Leg.book("SUBSIDY_EXPIRED", amount)));
    return true;
  }

  // ---------------------------------------------------------------- cards and closing

  /** 挂失: freezes the account; answers false when it was frozen already (nothing changes). Not once closed. */
  boolean freeze() {
    requireOpen();
    if (status == AccountStatus.FROZEN) {
      return false;
    }
    status = AccountStatus.FROZEN;
    return true;
  }

  /** Lifts a freeze (the card was found); only a frozen account can be unfrozen. */
  void unfreeze() {
    if (status != AccountStatus.FROZEN) {
      throw new ConflictException("canteen.notFrozen");
    }
    status = AccountStatus.ACTIVE;
  }

  /** 补卡: a new card replaces a lost one and the account is usable again, balance unchanged. Not once closed. */
  void replaceCard() {
    requireOpen();
    status = AccountStatus.ACTIVE;
  }

  /** What settling and closing an account did. */
  record Settlement(AccountStatus before, long paidOutFen, long expiredSubsidyFen) {}

  /**
   * 结算销户: unused subsidy expires, the cash is paid out to the holder and the account closes. An overdrawn account
   * must be settled first (top-up or correction); a closed one cannot close again.
   */
  Settlement settleAndClose(String reason, String actor, Instant now, JournalWriter writer) {
    requireOpen();
    if (cashFen < 0) {
      throw new ConflictException("canteen.closeOverdrawn", yuan(-cashFen));
    }
    long subsidy = subsidyFen;
    if (subsidy > 0) {
      subsidyExpiresOn = null;
      writer.post(this, new Entry(JournalKind.SUBSIDY_EXPIRY, subsidy, null, JournalChannel.MANAGER, null, null,
          "销户，补贴作废", now, now, actor), List.of(Leg.subsidy(-subsidy), Leg.book("SUBSIDY_EXPIRED", subsidy)));
    }
    long paidOut = cashFen;
    if (paidOut > 0) {
      writer.post(this, new Entry(JournalKind.SETTLEMENT, paidOut, null, JournalChannel.MANAGER, null, null,
          "销户结算退款：" + reason, now, now, actor), List.of(Leg.cash(-paidOut), Leg.book("SETTLEMENT_PAYOUT", paidOut)));
    }
    // closed only after its last journals: each posting writes the row back, and a closed row needs its closing time
    AccountStatus before = status;
    status = AccountStatus.CLOSED;
    closedAt = now;
    return new Settlement(before, paidOut, subsidy);
  }

  /** Refuses any move on a closed account. */
  void requireOpen() {
    if (!status.open()) {
      throw new ConflictException("canteen.accountClosed");
    }
  }

  // ---------------------------------------------------------------- the ledger's side

  /** One posting's place in the account's hash chain, with the wallet's balance after it. */
  record ChainLink(long balanceAfterFen, long sequenceNo, String previousHash, String hash) {}

  /** Moves one wallet by a posting of journal {@code journalId} and takes the next place in the hash chain. */
  ChainLink moveWallet(Leg leg, long journalId) {
    long after;
    if (leg.wallet() == Wallet.CASH) {
      cashFen += leg.amountFen();
      after = cashFen;
    } else {
      subsidyFen += leg.amountFen();
      after = subsidyFen;
    }
    long sequence = ++entryCount;
    String previous = lastHash;
    lastHash = Ledger.chainHash(previous, id, sequence, journalId, leg.wallet().name(), leg.amountFen(), after);
    return new ChainLink(after, sequence, previous, lastHash);
  }

  /** The journal id drawn with the row lock, handed out once; null once it has been taken (or none was drawn). */
  Long takeReservedJournalId() {
    Long reserved = reservedJournalId;
    reservedJournalId = null;
    return reserved;
  }

  /** Posts a journal this account decided on and answers it as its holder sees it. */
  private Payment record(Entry entry, List<Leg> legs, JournalWriter writer, String terminalCode, String flag) {
    long journalId = writer.post(this, entry, legs);
    return Payment.recorded(journalId, id, entry, legs, balanceFen(), terminalCode, flag);
  }

  /** Counts spending towards the daily limit; a late offline upload for an earlier day does not reset today's. */
  private void countTowardsDailyLimit(LocalDate day, long amountFen) {
    if (spentOn != null && day.isBefore(spentOn)) {
      return;
    }
    spentTodayFen = spentOn(day) + amountFen;
    spentOn = day;
  }

  // ---------------------------------------------------------------- reading

  long id() {
    return id;
  }

  long regionId() {
    return regionId;
  }

  Long staffId() {
    return staffId;
  }

  String category() {
    return category;
  }

  AccountStatus status() {
    return status;
  }

  Instant closedAt() {
    return closedAt;
  }

  long cashFen() {
    return cashFen;
  }

  long subsidyFen() {
    return subsidyFen;
  }

  long balanceFen() {
    return cashFen + subsidyFen;
  }

  LocalDate subsidyExpiresOn() {
    return subsidyExpiresOn;
  }

  LocalDate spentOn() {
    return spentOn;
  }

  long spentTodayFen() {
    return spentTodayFen;
  }

  /** What was spent on {@code day}, towards its limit. */
  long spentOn(LocalDate day) {
    return day.equals(spentOn) ? spentTodayFen : 0;
  }

  long entryCount() {
    return entryCount;
  }

  String lastHash() {
    return lastHash;
  }

  private static String yuan(long fen) {
    return CanteenAccounts.yuan(fen);
  }

  private static LocalDate today(Instant now) {
    return now.atZone(PlatformConfiguration.ZONE).toLocalDate();
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
