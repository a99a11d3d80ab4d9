package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 食堂账户: reading canteen accounts, their journals and credentials within the reader's data scope, and who may read
 * or manage which account. Money moves through {@link MealPayments} (meals and refunds) and {@link AccountFunding}
 * (top-ups, subsidies, corrections); accounts open, freeze and close through {@link AccountLifecycle}; each of them
 * lets the account ({@link LockedAccount}) decide.
 */
@Service
public class CanteenAccounts {

  /** Who records what the canteen does by itself (subsidy expiry, unpaid orders expiring). */
  static final String SYSTEM = "system";
  static final String PAYMENT_SELECT = """
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

  CanteenAccounts(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

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

  Optional<Payment> paymentById(long id) {
    return jdbc.sql(PAYMENT_SELECT + " where j.id = :id").param("id", id).query(CanteenRows::payment).optional();
  }

  Optional<Payment> paymentByKey(IdempotencyKey key) {
    return jdbc.sql(PAYMENT_SELECT + " where j.idempotency_scope = :scope and j.idempotency_key = :key")
        .param("scope", key.scope()).param("key", key.value())
        .query(CanteenRows::payment).optional();
  }

  /** Whether a payment was refunded already (a payment is refunded at most once). */
  boolean refunded(long paymentId) {
    return jdbc.sql("select count(*) from canteen_journal where refunds_journal_id = :id")
        .param("id", paymentId).query(Long.class).single() > 0;
  }

  // ---------------------------------------------------------------- who may

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

  /** Whether the signed-in person holds the account themself (an API key acts for no one). */
  static boolean owns(CurrentUser by, LockedAccount account) {
    return by.staffId() != null && by.staffId().equals(account.staffId()) && !by.isApiKey();
  }

  /** The account, if a canteen manager of its region asks; 404 otherwise, as if there were none. */
  static LockedAccount requireManaged(LockedAccount account, CurrentUser by) {
    if (!manages(by, account.regionId())) {
      throw new NotFoundException("canteenAccount", account.id());
    }
    return account;
  }

  /** Fen as yuan with two decimals, for messages. */
  static String yuan(long fen) {
    return Money.ofFen(fen).plain();
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
