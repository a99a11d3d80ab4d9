package cn.smartaffairs.canteen;

import cn.smartaffairs.crypto.Sm3;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes journals and their postings. Every posting on a holder's wallet takes the next place in the account's hash
 * chain: its SM3 hash covers the previous hash and what it records, so an edited, removed or inserted entry breaks the
 * chain that {@link LedgerCheck} recomputes. Callers hold the account row lock ({@link LockedAccount}).
 */
@Component
class Ledger implements JournalWriter {

  static final String GENESIS = "0".repeat(64);

  /** A holder's two wallets (the {@code canteen_posting.wallet} CHECK): cash, and the subsidy that is spent first. */
  enum Wallet {
    CASH, SUBSIDY
  }

  /** One leg of a journal: either a holder's wallet or one of the canteen's own books. */
  record Leg(Wallet wallet, String book, long amountFen) {
    static Leg cash(long amountFen) {
      return new Leg(Wallet.CASH, null, amountFen);
    }

    static Leg subsidy(long amountFen) {
      return new Leg(Wallet.SUBSIDY, null, amountFen);
    }

    static Leg book(String book, long amountFen) {
      return new Leg(null, book, amountFen);
    }
  }

  /** What a journal is about, apart from its legs. */
  record Entry(JournalKind kind, long amountFen, IdempotencyKey idempotencyKey, JournalChannel channel, Long terminalId,
      Long refunds, String description, Instant occurredAt, Instant recordedAt, String recordedBy) {}

  private final JdbcClient jdbc;
  private final javax.sql.DataSource dataSource;
  private final ApplicationEventPublisher events;

  Ledger(JdbcClient jdbc, javax.sql.DataSource dataSource, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.dataSource = dataSource;
    this.events = events;
  }

  /**
   * Records a journal on a locked account, moves its wallets and writes the account row back — journal, postings and
   * account in one statement (one round trip on the payment path). The journal id comes from the sequence first
   * (reserved with the row lock when possible), because each posting's hash covers it.
   */
  @Override
  public long post(LockedAccount account, Entry entry, List<Leg> legs) {
    Long reserved = account.takeReservedJournalId();
    long journalId = reserved != null ? reserved : nextJournalId();
    JournalRows rows = chain(account, entry, legs, journalId);
    List<Object> values = new ArrayList<>(rows.journal().length + rows.postings().size() * 9 + 9);
    values.addAll(java.util.Arrays.asList(rows.journal()));
    rows.postings().forEach(posting -> values.addAll(java.util.Arrays.asList(posting)));
    values.addAll(accountRow(account));
    // the statement text depends only on the number of legs, never on input
    jdbc.sql(POST_PREFIX + String.join(", ", java.util.Collections.nCopies(legs.size(), POSTING_ROW)) + POST_SUFFIX)
        .params(values).update();
    recorded(account, journalId, entry).ifPresent(this::announce);
    return journalId;
  }

  /**
   * What other modules hear of a journal: meal payments, refunds and top-ups; the other kinds (subsidies, corrections,
   * settlements) are the ledger's own business.
   */
  static Optional<PaymentRecorded> recorded(LockedAccount account, long journalId, Entry entry) {
    return Arrays.stream(PaymentRecorded.Kind.values()).filter(kind -> kind.name().equals(entry.kind().name()))
        .findFirst().map(kind -> new PaymentRecorded(journalId, account.id(), account.regionId(), kind,
            entry.amountFen(), entry.channel().name(), entry.occurredAt()));
  }

  /**
   * Publishes in the caller's transaction. Spring Modulith writes a registry row only per registry-backed listener of
   * the event; without one, this costs an in-memory dispatch and nothing in the database (docs/architecture.md).
   */
  void announce(PaymentRecorded recorded) {
    events.publishEvent(recorded);
  }

  /** A journal and its postings as the rows to insert (columns in the order of {@link #POST_PREFIX}). */
  record JournalRows(Object[] journal, List<Object[]> postings) {}

  /**
   * Checks a journal's legs, moves the locked account's wallets in memory and extends its hash chain: the rows the
   * journal needs, not yet written. The caller writes them and the account row in the same transaction.
   */
  static JournalRows chain(LockedAccount account, Entry entry, List<Leg> legs, long journalId) {
    long total = legs.stream().mapToLong(Leg::amountFen).sum();
    if (total != 0 || legs.size() < 2) {
      throw new IllegalArgumentException("a journal's legs must be two or more and sum to zero: " + legs);
    }
    long balanceAfter = account.balanceFen() + legs.stream().filter(leg -> leg.wallet() != null)
        .mapToLong(Leg::amountFen).sum();
    IdempotencyKey key = entry.idempotencyKey();
    Object[] journal = {journalId, entry.kind().name(), account.id(), entry.amountFen(), balanceAfter,
        key == null ? null : key.value(), key == null ? null : key.scope(), entry.channel().name(), entry.terminalId(),
        entry.refunds(), entry.description(), Timestamp.from(entry.occurredAt()), Timestamp.from(entry.recordedAt()),
        entry.recordedBy()};
    List<Object[]> postings = new ArrayList<>(legs.size());
    for (Leg leg : legs) {
      if (leg.wallet() == null) {
        postings.add(new Object[] {journalId, null, null, leg.book(), leg.amountFen(), null, null, null, null});
        continue;
      }
      LockedAccount.ChainLink link = account.moveWallet(leg, journalId);
      postings.add(new Object[] {journalId, account.id(), leg.wallet().name(), null, leg.amountFen(),
          link.balanceAfterFen(), link.sequenceNo(), link.previousHash(), link.hash()});
    }
    return new JournalRows(journal, postings);
  }

  private static final String POST_PREFIX = """
      with journal as (
        insert into canteen_journal (id, kind, account_id, amount_fen, balance_after_fen, idempotency_key,
                                     idempotency_scope, channel, terminal_id, refunds_journal_id, description,
                                     occurred_at, recorded_at, recorded_by)
        overriding system value values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id
      ), postings as (
        insert into canteen_posting (journal_id, account_id, wallet, book, amount_fen, balance_after_fen, sequence_no,
                                     previous_hash, hash)
        values """;
  private static final String POSTING_ROW = "(?, ?, ?, ?, ?, ?, ?, ?, ?)";
  private static final String POST_SUFFIX = """
      )
      update canteen_account set cash_fen = ?, subsidy_fen = ?, subsidy_expires_on = ?, spent_on = ?,
             spent_today_fen = ?, entry_count = ?, last_hash = ?, status = ?
       where id = ? and exists (select 1 from journal)""";

  private long nextJournalId() {
    return jdbc.sql("select nextval(pg_get_serial_sequence('canteen_journal', 'id'))").query(Long.class).single();
  }

  static List<Object> accountRow(LockedAccount account) {
    return java.util.Arrays.asList(account.cashFen(), account.subsidyFen(), date(account.subsidyExpiresOn()),
        date(account.spentOn()), account.spentTodayFen(), account.entryCount(), account.lastHash(),
        account.status().name(), account.id());
  }

  /**
   * Opening balances for freshly opened accounts (no entries yet): one OPENING journal each, written in batches.
   * Journal ids are drawn from the identity sequence first, so postings can reference them without a round trip
   * per account. Answers the total opened with.
   */
  long postOpeningBalances(List<long[]> accountAndAmount, Instant at, String recordedBy) {
    if (accountAndAmount.isEmpty()) {
      return 0;
    }
    List<Long> journalIds = jdbc.sql("""
        select nextval(pg_get_serial_sequence('canteen_journal', 'id')) from generate_series(1, :n)""")
        .param("n", accountAndAmount.size()).query(Long.class).list();
    Timestamp timestamp = Timestamp.from(at);
    List<Object[]> journals = new ArrayList<>();
    List<Object[]> postings = new ArrayList<>();
    List<Object[]> accounts = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < accountAndAmount.size(); i++) {
      long accountId = accountAndAmount.get(i)[0];
      long amount = accountAndAmount.get(i)[1];
      long journalId = journalIds.get(i);
      total += amount;
      journals.add(new Object[] {journalId, accountId, amount, amount, timestamp, timestamp, recordedBy});
      String hash = chainHash(GENESIS, accountId, 1, journalId, "CASH", amount, amount);
      postings.add(new Object[] {journalId, accountId, "CASH", null, amount, amount, 1L, GENESIS, hash});
      postings.add(new Object[] {journalId, null, null, "OPENING_BALANCE", -amount, null, null, null, null});
      accounts.add(new Object[] {amount, hash, accountId});
    }
    var batch = new org.springframework.jdbc.core.JdbcTemplate(dataSource);
    batch.batchUpdate("""
        insert into canteen_journal (id, kind, account_id, amount_fen, balance_after_fen, channel, description,
                                     occurred_at, recorded_at, recorded_by)
        overriding system value values (?, 'OPENING', ?, ?, ?, 'SYSTEM', '开户初始余额', ?, ?, ?)""", journals);
    // a journal's postings go in one statement (the balance check runs per statement): one multi-row insert
    jdbc.sql("""
        insert into canteen_posting (journal_id, account_id, wallet, book, amount_fen, balance_after_fen, sequence_no,
                                     previous_hash, hash)
        select * from unnest(cast(:journals as bigint[]), cast(:accounts as bigint[]), cast(:wallets as text[]),
                             cast(:books as text[]), cast(:amounts as bigint[]), cast(:after as bigint[]),
                             cast(:sequences as bigint[]), cast(:previous as text[]), cast(:hashes as text[]))""")
        .param("journals", postings.stream().map(row -> row[0]).toArray(Long[]::new))
        .param("accounts", postings.stream().map(row -> row[1]).toArray(Long[]::new))
        .param("wallets", postings.stream().map(row -> row[2]).toArray(String[]::new))
        .param("books", postings.stream().map(row -> row[3]).toArray(String[]::new))
        .param("amounts", postings.stream().map(row -> row[4]).toArray(Long[]::new))
        .param("after", postings.stream().map(row -> row[5]).toArray(Long[]::new))
        .param("sequences", postings.stream().map(row -> row[6]).toArray(Long[]::new))
        .param("previous", postings.stream().map(row -> row[7]).toArray(String[]::new))
        .param("hashes", postings.stream().map(row -> row[8]).toArray(String[]::new))
        .update();
    batch.batchUpdate("update canteen_account set cash_fen = ?, entry_count = 1, last_hash = ? where id = ?", accounts);
    return total;
  }

  /**
   * Writes the account's wallets, chain head, daily spending, status and closing time back to its (locked) row — the
   * closing time with the status, which the table requires to agree.
   */
  void save(LockedAccount account) {
    jdbc.sql("""
        update canteen_account set cash_fen = :cash, subsidy_fen = :subsidy, subsidy_expires_on = :expires,
               spent_on = :spentOn, spent_today_fen = :spentToday, entry_count = :entries, last_hash = :hash,
               status = :status, closed_at = :closedAt
         where id = :id""")
        .param("cash", account.cashFen()).param("subsidy", account.subsidyFen())
        .param("expires", date(account.subsidyExpiresOn())).param("spentOn", date(account.spentOn()))
        .param("spentToday", account.spentTodayFen()).param("entries", account.entryCount())
        .param("hash", account.lastHash()).param("status", account.status().name())
        .param("closedAt", account.closedAt() == null ? null : Timestamp.from(account.closedAt()))
        .param("id", account.id())
        .update();
  }

  static String chainHash(String previous, long accountId, long sequence, long journalId, String wallet, long amountFen,
      long balanceAfterFen) {
    return Sm3.hex(previous + '|' + accountId + '|' + sequence + '|' + journalId + '|' + wallet + '|' + amountFen + '|'
        + balanceAfterFen);
  }

  private static Date date(java.time.LocalDate date) {
    return date == null ? null : Date.valueOf(date);
  }
}
