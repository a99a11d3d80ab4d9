package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The frame every ledger transaction on an account runs in: one short transaction that locks the account row (with,
 * for an idempotent request, the journal its key recorded before), lets the account decide, and writes. Idempotency
 * keys are unique within their caller's scope ({@link IdempotencyKey}), so a repeated request answers the original
 * journal and charges nothing, and a key reused for another operation, account or amount is refused.
 */
@Component
class AccountTransactions {

  /** A locked account and, when the idempotency key was used before, that journal's id. */
  record Locked(LockedAccount account, Long existing, CredentialStatus credentialStatus,
      CredentialKind credentialKind) {

    /** Whether the request's key was used before, so it is answered again rather than run. */
    boolean repeated() {
      return existing != null;
    }
  }

  /**
   * The accounts a batch of terminal payments reaches, locked, by the credential presented; the batch's keys that were
   * used before; and journal ids drawn for the batch.
   */
  record LockedBatch(Map<String, Locked> byCredential, Set<IdempotencyKey> usedKeys, List<Long> journalIds) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final CanteenAccounts reads;

  AccountTransactions(JdbcClient jdbc, PlatformTransactionManager transactions, Clock clock, CanteenAccounts reads) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.reads = reads;
  }

  /** Runs in one transaction (joining the caller's, if there is one). */
  <T> T inTransaction(Supplier<T> work) {
    return transaction.execute(status -> work.get());
  }

  /**
   * Runs one idempotent ledger transaction. Two requests with the same new key may race past the lookup; the unique
   * key then refuses the second insert, and the second caller gets the first one's journal.
   */
  Payment idempotently(IdempotencyKey key, Supplier<Payment> work) {
    try {
      return inTransaction(work);
    } catch (DuplicateKeyException e) {
      // another request with the same key committed first: run again, so the replay passes the same checks of the
      // caller's right to the account (and of the key's account) as any other replay
      return inTransaction(work);
    }
  }

  /** Locks an account (404 when there is none). */
  LockedAccount lock(long accountId) {
    return lock(accountId, null).account();
  }

  /** Locks an account and looks up its request's key (404 when there is no account). */
  Locked lock(long accountId, IdempotencyKey key) {
    return jdbc
        .sql("select " + LockedAccount.COLUMNS
            + """
                , (select j.id from canteen_journal j where j.idempotency_scope = :scope and j.idempotency_key = :key) as existing
                  from canteen_account a where a.id = :id for update of a""")
        .param("scope", key == null ? null : key.scope()).param("key", key == null ? null : key.value())
        .param("id", accountId)
        .query((rs, n) -> new Locked(new LockedAccount(rs), (Long) rs.getObject("existing"), null, null))
        .optional().orElseThrow(() -> new NotFoundException("canteenAccount", accountId));
  }

  /** Locks the account a credential reaches and looks up the request's key; null when no account has it. */
  Locked lockByCredential(String credential, IdempotencyKey key) {
    return jdbc
        .sql("select " + LockedAccount.COLUMNS
            + """
                , c.status as credential_status, c.kind as credential_kind,
                  (select j.id from canteen_journal j where j.idempotency_scope = :scope and j.idempotency_key = :key) as existing
                  from canteen_credential c join canteen_account a on a.id = c.account_id
                 where c.credential = :credential for update of a""")
        .param("scope", key.scope()).param("key", key.value()).param("credential", credential)
        .query((rs, n) -> new Locked(new LockedAccount(rs), (Long) rs.getObject("existing"),
            CredentialStatus.valueOf(rs.getString("credential_status")),
            CredentialKind.valueOf(rs.getString("credential_kind"))))
        .optional().orElse(null);
  }

  /**
   * Locks every account a batch's credentials reach in one statement, in id order (so two batches never deadlock),
   * drawing {@code journals} journal ids and finding which of the keys were used before in the same round trip. A card
   * and a QR token of one account reach the same locked account.
   */
  LockedBatch lockBatch(List<String> credentials, List<IdempotencyKey> keys, int journals) {
    Map<String, Locked> byCredential = new HashMap<>();
    Set<IdempotencyKey> usedKeys = new HashSet<>();
    Map<Long, LockedAccount> byAccount = new HashMap<>();
    List<Long> journalIds = new ArrayList<>();
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
        .param("n", journals)
        .param("scopes", keys.stream().map(IdempotencyKey::scope).toArray(String[]::new))
        .param("keys", keys.stream().map(IdempotencyKey::value).toArray(String[]::new))
        .param("credentials", credentials.toArray(String[]::new))
        .query(rs -> {
          if (byAccount.isEmpty()) {
            // the same on every row (evaluated once): the batch's journal ids and its keys already recorded
            journalIds.addAll(List.of((Long[]) rs.getArray("journal_ids").getArray()));
            java.sql.Array used = rs.getArray("used_keys");
            if (used != null) {
              // scope and key joined by the unit separator, which neither a terminal code nor a key contains
              for (String pair : (String[]) used.getArray()) {
                int cut = pair.indexOf('\u001f');
                usedKeys.add(new IdempotencyKey(pair.substring(0, cut), pair.substring(cut + 1)));
              }
            }
          }
          LockedAccount account = byAccount.computeIfAbsent(rs.getLong("id"), id -> lockedAccount(rs));
          byCredential.put(rs.getString("credential"), new Locked(account, null,
              CredentialStatus.valueOf(rs.getString("credential_status")),
              CredentialKind.valueOf(rs.getString("credential_kind"))));
        });
    return new LockedBatch(byCredential, usedKeys, journalIds);
  }

  private static LockedAccount lockedAccount(ResultSet rs) {
    try {
      return new LockedAccount(rs);
    } catch (SQLException e) {
      throw new IllegalStateException("unreadable canteen account row", e);
    }
  }

  /**
   * The journal a repeated key names, answered again only when the request is the same one: the same account (the
   * caller's right to it is checked before), operation, amount (when the request names one) and, for a refund, the
   * same payment refunded. Otherwise 409 naming the key: a key never stands in for another request.
   */
  Payment replay(long journalId, long accountId, JournalKind kind, Long amountFen, Long refunds) {
    Payment payment = reads.paymentById(journalId).orElseThrow();
    if (payment.accountId() != accountId) {
      throw new ConflictException("canteen.idempotencyKeyReused");
    }
    if (!payment.kind().equals(kind.name()) || (amountFen != null && payment.amountFen() != amountFen)
        || (refunds != null && !refunds.equals(payment.refundsPaymentId()))) {
      throw new ConflictException("canteen.idempotencyKeyConflict", payment.idempotencyKey(),
          new DefaultMessageSourceResolvable(new String[] {"canteen.kind." + payment.kind()}, payment.kind()),
          CanteenAccounts.yuan(payment.amountFen()));
    }
    return payment.asReplay();
  }

  /** The database keeps microseconds; so do the answers, so that a replay answers exactly the same body. */
  Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MICROS);
  }

  LocalDate today() {
    return now().atZone(PlatformConfiguration.ZONE).toLocalDate();
  }
}
