package cn.smartaffairs.canteen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.canteen.AccountTransactions.Locked;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.CurrentUser;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

/**
 * 充值、补贴与更正: money into an account other than a refund — top-ups at the counter and online orders the payment
 * provider confirmed, monthly subsidies and their expiry, and a manager's corrections. The account decides each
 * ({@link LockedAccount}); this service locks it, writes the journal and audits.
 */
@Service
public class AccountFunding {

  private final AccountTransactions transactions;
  private final Ledger ledger;
  private final CanteenRules rules;
  private final AuditTrail audit;
  private final JdbcClient jdbc;

  AccountFunding(AccountTransactions transactions, Ledger ledger, CanteenRules rules, AuditTrail audit,
      JdbcClient jdbc) {
    this.transactions = transactions;
    this.ledger = ledger;
    this.rules = rules;
    this.audit = audit;
    this.jdbc = jdbc;
  }

  // ---------------------------------------------------------------- top-ups

  /**
   * 柜台充值: a canteen manager of the region adds money to the cash wallet at the counter (cash or card taken there).
   * Audited. Idempotent by key within the manager's own keys. A holder's own online top-up is a payment order instead
   * ({@link TopUpOrders}), credited by {@link #creditPaidOrder} once the payment provider confirms it.
   */
  public Payment topUp(long accountId, long amountFen, String idempotencyKey, CurrentUser by) {
    CanteenInput.requireAmount(amountFen);
    IdempotencyKey key = IdempotencyKey.ofUser(by.getUsername(), idempotencyKey);
    return transactions.idempotently(key, () -> {
      Locked locked = transactions.lock(accountId, key);
      LockedAccount account = CanteenAccounts.requireManaged(locked.account(), by);
      if (locked.repeated()) {
        return transactions.replay(locked.existing(), account.id(), JournalKind.TOP_UP, amountFen, null);
      }
      Payment payment = account.topUp(amountFen, key, JournalChannel.COUNTER, "柜台充值", by.getUsername(),
          transactions.now(), ledger);
      audit.record(AuditEntry.created("canteen_journal", payment.id(), account.regionId(),
          Map.of("kind", JournalKind.TOP_UP.name(), "account", accountId, "amountFen", amountFen)));
      return payment;
    });
  }

  /**
   * 在线充值入账: credits a payment order the provider confirmed, in the caller's transaction (the order turns PAID in
   * the same one). The key is the order number in the provider's scope, so an order is credited at most once.
   */
  Payment creditPaidOrder(long accountId, long amountFen, String provider, String orderNo) {
    IdempotencyKey key = IdempotencyKey.ofProvider(provider, orderNo);
    return transactions.inTransaction(() -> {
      Locked locked = transactions.lock(accountId, key);
      if (locked.repeated()) {
        return transactions.replay(locked.existing(), accountId, JournalKind.TOP_UP, amountFen, null);
      }
      return locked.account().topUp(amountFen, key, JournalChannel.ONLINE, "在线充值 " + orderNo,
          "payment:" + provider, transactions.now(), ledger);
    });
  }

  // ---------------------------------------------------------------- corrections

  /**
   * 更正: a canteen manager corrects the cash wallet by a signed amount with a reason; it may not overdraw the
   * account. Audited.
   */
  public Payment correct(long accountId, long signedAmountFen, String reason, String idempotencyKey, CurrentUser by) {
    if (signedAmountFen == 0) {
      throw new BusinessRuleException("canteen.amountInvalid");
    }
    CanteenInput.requireAmount(Math.abs(signedAmountFen));
    IdempotencyKey key = IdempotencyKey.ofUser(by.getUsername(), idempotencyKey);
    String why = CanteenInput.requireReason(reason);
    return transactions.idempotently(key, () -> {
      Locked locked = transactions.lock(accountId, key);
      LockedAccount account = CanteenAccounts.requireManaged(locked.account(), by);
      if (locked.repeated()) {
        return transactions.replay(locked.existing(), account.id(), JournalKind.CORRECTION,
            Math.abs(signedAmountFen), null);
      }
      long cashBefore = account.cashFen();
      Payment correction = account.correct(signedAmountFen, key, why, by.getUsername(), transactions.now(), ledger);
      audit.record(new AuditEntry("CORRECT", "canteen_account", accountId, account.regionId(),
          Map.of("cashFen", cashBefore),
          Map.of("cashFen", account.cashFen(), "changeFen", signedAmountFen, "reason", why, "journal",
              correction.id())));
      return correction;
    });
  }

  // ---------------------------------------------------------------- subsidies

  /** What a monthly subsidy run did. */
  public record SubsidyRun(YearMonth month, int accounts, long totalFen) {}

  /**
   * 发放补贴: credits each open staff account of the manager's region with its category's monthly subsidy, expiring at
   * the month's end (leftovers of earlier months expire first). Running it again for the same month grants nothing
   * twice (one idempotency key per account and month). Audited as one manager action.
   */
  public SubsidyRun grantMonthlySubsidies(YearMonth month, CurrentUser by) {
    if (month == null || !CanteenAccounts.manages(by, by.regionId())) {
      throw new ForbiddenException();
    }
    long regionId = by.regionId();
    List<Long> ids = jdbc.sql(
        """
            select id from canteen_account where region_id = :region and kind = 'STAFF' and status <> 'CLOSED' order by id""")
        .param("region", regionId).query(Long.class).list();
    int granted = 0;
    long total = 0;
    for (long id : ids) {
      IdempotencyKey key = IdempotencyKey.ofPlatform("subsidy:" + id + ":" + month);
      Payment grant = transactions.idempotently(key, () -> {
        Locked locked = transactions.lock(id, key);
        LockedAccount account = locked.account();
        if (locked.repeated()) {
          return transactions.replay(locked.existing(), account.id(), JournalKind.SUBSIDY_GRANT, null, null);
        }
        long amount = rules.categoryRule(regionId, account.category(), month.atDay(1))
            .map(CanteenRules.CategoryRule::monthlySubsidyFen).orElse(0L);
        return account.grantSubsidy(month, amount, key, by.getUsername(), transactions.now(), ledger).orElse(null);
      });
      if (grant != null && !grant.replayed()) {
        granted++;
        total += grant.amountFen();
      }
    }
    int accounts = granted;
    long totalFen = total;
    transactions.inTransaction(() -> {
      audit.record(new AuditEntry("GRANT", "canteen_subsidy", month.toString(), regionId, null,
          Map.of("accounts", accounts, "totalFen", totalFen)));
      return null;
    });
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
    LocalDate today = transactions.today();
    List<Long> due = jdbc.sql("""
        select id from canteen_account where subsidy_fen > 0 and subsidy_expires_on < :today order by id""")
        .param("today", java.sql.Date.valueOf(today)).query(Long.class).list();
    int expired = 0;
    for (long id : due) {
      boolean changed = transactions.inTransaction(
          () -> transactions.lock(id).expireSubsidyIfDue(today, transactions.now(), ledger));
      expired += changed ? 1 : 0;
    }
    return expired;
  }
}
