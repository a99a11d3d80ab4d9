package cn.smartaffairs.canteen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffMember;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongUnaryOperator;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 开户、挂失、补卡、销户: a canteen account's life — opening (one by one, or in bulk at a roll-out), lost-card freeze and
 * its lifting, a new card or face or QR secret, and settle-and-close for staff who leave. The account decides each move
 * ({@link LockedAccount}); this service locks it, writes the credentials and the row, and audits.
 */
@Service
public class AccountLifecycle {

  private final JdbcClient jdbc;
  private final Ledger ledger;
  private final AuditTrail audit;
  private final StaffDirectory staff;
  private final AccountTransactions transactions;
  private final CanteenAccounts reads;
  private final SecureRandom random = new SecureRandom();

  AccountLifecycle(JdbcClient jdbc, Ledger ledger, AuditTrail audit, StaffDirectory staff,
      AccountTransactions transactions, CanteenAccounts reads) {
    this.jdbc = jdbc;
    this.ledger = ledger;
    this.audit = audit;
    this.staff = staff;
    this.transactions = transactions;
    this.reads = reads;
  }

  // ---------------------------------------------------------------- opening

  /** Opens the canteen account of a staff member of the manager's regions, with a card and a QR token. Audited. */
  public CanteenAccount openStaffAccount(long staffId, String cardNo, CurrentUser by) {
    StaffMember member = staff.get(staffId, CanteenAccounts.managing(by));
    if (member.status() != StaffStatus.ACTIVE) {
      throw new BusinessRuleException("canteen.staffNotActive", member.name());
    }
    String category = member.withinEstablishment() ? "ESTABLISHED" : "NON_ESTABLISHED";
    return open(member.regionId(), staffId, member.name(), "STAFF", category, cardNo, by);
  }

  /** Opens a visitor account (来宾卡) in the manager's region. Audited. */
  public CanteenAccount openVisitorAccount(String holderName, String cardNo, CurrentUser by) {
    if (!CanteenAccounts.manages(by, by.regionId())) {
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
      return transactions.inTransaction(() -> {
        Instant now = transactions.now();
        long id = jdbc.sql("""
            insert into canteen_account (region_id, staff_id, holder_name, kind, category, status, opened_at)
            values (:region, :staff, :name, :kind, :category, :status, :now) returning id""")
            .param("region", regionId).param("staff", staffId).param("name", holderName).param("kind", kind)
            .param("category", category).param("status", AccountStatus.ACTIVE.name())
            .param("now", Timestamp.from(now)).query(Long.class).single();
        String card = cardNo == null || cardNo.isBlank() ? newCardNo(id) : cardNo.trim();
        issue(id, CredentialKind.CARD, card, now);
        issue(id, CredentialKind.QR, newQrToken(), now);
        audit.record(AuditEntry.created("canteen_account", id, regionId,
            Map.of("holder", holderName, "kind", kind, "category", category, "cardNo", card)));
        return reads.account(id, by);
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
  public int openAllStaffAccounts(long regionId, LongUnaryOperator openingFenOfStaff, CurrentUser by) {
    if (!CanteenAccounts.manages(by, regionId)) {
      throw new ForbiddenException();
    }
    return transactions.inTransaction(() -> {
      Instant now = transactions.now();
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

  // ---------------------------------------------------------------- freezing

  /** 挂失: the holder or a manager freezes the account at once; nothing can be paid until a manager acts. Audited. */
  public CanteenAccount freeze(long accountId, CurrentUser by) {
    return transactions.inTransaction(() -> {
      LockedAccount account = transactions.lock(accountId);
      if (!CanteenAccounts.owns(by, account) && !CanteenAccounts.manages(by, account.regionId())) {
        throw new NotFoundException("canteenAccount", accountId);
      }
      AccountStatus before = account.status();
      if (account.freeze()) {
        ledger.save(account);
        auditStatusChange("FREEZE", account, before, by);
      }
      return reads.account(accountId, by);
    });
  }

  /** A manager lifts a freeze (the card was found). Audited. */
  public CanteenAccount unfreeze(long accountId, CurrentUser by) {
    return transactions.inTransaction(() -> {
      LockedAccount account = CanteenAccounts.requireManaged(transactions.lock(accountId), by);
      AccountStatus before = account.status();
      account.unfreeze();
      ledger.save(account);
      auditStatusChange("UNFREEZE", account, before, by);
      return reads.account(accountId, by);
    });
  }

  private void auditStatusChange(String action, LockedAccount account, AccountStatus before, CurrentUser by) {
    audit.record(new AuditEntry(action, "canteen_account", account.id(), account.regionId(),
        Map.of("status", before.name()), Map.of("status", account.status().name(), "by", by.getUsername())));
  }

  // ---------------------------------------------------------------- cards, faces, QR secrets

  /**
   * 补卡: a manager issues a new card; the old one is marked lost and refused from now on, the account (and its
   * balance) stays the same and is unfrozen. Audited.
   */
  public CanteenAccount replaceCard(long accountId, String newCardNo, CurrentUser by) {
    try {
      return transactions.inTransaction(() -> {
        LockedAccount account = CanteenAccounts.requireManaged(transactions.lock(accountId), by);
        AccountStatus before = account.status();
        account.replaceCard();
        Instant now = transactions.now();
        String oldCard = jdbc.sql("""
            update canteen_credential set status = 'LOST', ended_at = :now
             where account_id = :account and kind = 'CARD' and status = 'ACTIVE' returning credential""")
            .param("now", Timestamp.from(now)).param("account", accountId).query(String.class).optional().orElse(null);
        String card = newCardNo == null || newCardNo.isBlank() ? nextCardNo(accountId) : newCardNo.trim();
        issue(accountId, CredentialKind.CARD, card, now);
        ledger.save(account);
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("cardNo", oldCard);
        was.put("status", before.name());
        audit.record(new AuditEntry("REPLACE_CARD", "canteen_account", accountId, account.regionId(), was,
            Map.of("cardNo", card, "status", account.status().name())));
        return reads.account(accountId, by);
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
    CredentialKind registered = CredentialKind.registrable(kind)
        .orElseThrow(() -> new BusinessRuleException("canteen.credentialKindInvalid"));
    boolean none = credential == null || credential.isBlank();
    if (registered == CredentialKind.FACE && none) {
      throw new BusinessRuleException("canteen.credentialRequired");
    }
    String value = none ? newQrToken() : credential.trim();
    try {
      return transactions.inTransaction(() -> {
        LockedAccount account = CanteenAccounts.requireManaged(transactions.lock(accountId), by);
        account.requireOpen();
        Instant now = transactions.now();
        jdbc.sql("""
            update canteen_credential set status = 'REVOKED', ended_at = :now
             where account_id = :account and kind = :kind and status = 'ACTIVE'""")
            .param("now", Timestamp.from(now)).param("account", accountId).param("kind", registered.name()).update();
        issue(accountId, registered, value, now);
        audit.record(AuditEntry.created("canteen_credential", accountId, account.regionId(),
            Map.of("kind", registered.name(), "account", accountId)));
        return reads.account(accountId, by);
      });
    } catch (DuplicateKeyException e) {
      throw new ConflictException("canteen.cardTaken", value);
    }
  }

  private void issue(long accountId, CredentialKind kind, String credential, Instant now) {
    jdbc.sql("""
        insert into canteen_credential (account_id, kind, credential, status, issued_at)
        values (:account, :kind, :credential, 'ACTIVE', :now)""")
        .param("account", accountId).param("kind", kind.name()).param("credential", credential)
        .param("now", Timestamp.from(now)).update();
  }

  /** Card numbers are printed on the card: 12 digits derived from the account id, so they never collide. */
  static String newCardNo(long accountId) {
    return String.format("8%011d", accountId);
  }

  /** A replacement card's number: the account's number with a running suffix, so it never collides either. */
  private String nextCardNo(long accountId) {
    long issued = jdbc.sql("select count(*) from canteen_credential where account_id = :id and kind = 'CARD'")
        .param("id", accountId).query(Long.class).single();
    return newCardNo(accountId) + "-" + issued;
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

  // ---------------------------------------------------------------- closing

  /**
   * 结算销户: for staff who leave (调出/退休). Unused subsidy expires, the cash balance is paid out to the holder
   * (a SETTLEMENT journal), every credential is revoked and the account closed. An overdrawn account must be settled
   * first (top-up or correction). Audited.
   */
  public CanteenAccount settleAndClose(long accountId, String reason, CurrentUser by) {
    String why = CanteenInput.requireReason(reason);
    return transactions.inTransaction(() -> {
      LockedAccount account = CanteenAccounts.requireManaged(transactions.lock(accountId), by);
      Instant now = transactions.now();
      LockedAccount.Settlement settled = account.settleAndClose(why, by.getUsername(), now, ledger);
      ledger.save(account);
      jdbc.sql(
          "update canteen_credential set status = 'REVOKED', ended_at = :now where account_id = :id and status = 'ACTIVE'")
          .param("now", Timestamp.from(now)).param("id", accountId).update();
      audit.record(new AuditEntry("CLOSE", "canteen_account", accountId, account.regionId(),
          Map.of("status", settled.before().name()),
          Map.of("status", account.status().name(), "paidOutFen", settled.paidOutFen(), "expiredSubsidyFen",
              settled.expiredSubsidyFen(), "reason", why)));
      return reads.account(accountId, by);
    });
  }
}
