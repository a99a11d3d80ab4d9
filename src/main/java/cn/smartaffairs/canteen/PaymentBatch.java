package cn.smartaffairs.canteen;

import cn.smartaffairs.canteen.Ledger.Entry;
import cn.smartaffairs.canteen.Ledger.JournalRows;
import cn.smartaffairs.canteen.Ledger.Leg;
import java.sql.Timestamp;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The journals of one batch of terminal payments, chained on their locked accounts in memory and written by
 * {@link #write} in one statement: every journal, every posting and every touched account row (its final state).
 * The postings' per-statement balance check and the journals' deferred check run on them as on single journals.
 */
final class PaymentBatch implements JournalWriter {

  private final Ledger ledger;
  private final Deque<Long> journalIds = new ArrayDeque<>();
  private final List<Object[]> journals = new ArrayList<>();
  private final List<Object[]> postings = new ArrayList<>();
  private final Set<LockedAccount> touched = new LinkedHashSet<>();
  private final List<PaymentRecorded> recorded = new ArrayList<>();

  PaymentBatch(Ledger ledger) {
    this.ledger = ledger;
  }

  /** Journal ids drawn from the sequence for this batch (with the row locks, in the same round trip). */
  void addJournalIds(List<Long> ids) {
    journalIds.addAll(ids);
  }

  @Override
  public long post(LockedAccount account, Entry entry, List<Leg> legs) {
    Long reserved = account.takeReservedJournalId();
    Long journalId = reserved != null ? reserved : journalIds.poll();
    if (journalId == null) {
      throw new IllegalStateException("a payment batch ran out of reserved journal ids");
    }
    JournalRows rows = Ledger.chain(account, entry, legs, journalId);
    journals.add(rows.journal());
    postings.addAll(rows.postings());
    touched.add(account);
    Ledger.recorded(account, journalId, entry).ifPresent(recorded::add);
    return journalId;
  }

  void write(JdbcClient jdbc) {
    if (journals.isEmpty()) {
      return;
    }
    List<Object[]> accounts = touched.stream().map(account -> Ledger.accountRow(account).toArray()).toList();
    jdbc.sql("""
        with journals as (
          insert into canteen_journal (id, kind, account_id, amount_fen, balance_after_fen, idempotency_key,
                                       idempotency_scope, channel, terminal_id, refunds_journal_id, description,
                                       occurred_at, recorded_at, recorded_by)
          overriding system value
          select * from unnest(cast(:j0 as bigint[]), cast(:j1 as text[]), cast(:j2 as bigint[]), cast(:j3 as bigint[]),
                               cast(:j4 as bigint[]), cast(:j5 as text[]), cast(:j6 as text[]), cast(:j7 as text[]),
                               cast(:j8 as bigint[]), cast(:j9 as bigint[]), cast(:j10 as text[]),
                               cast(:j11 as timestamptz[]), cast(:j12 as timestamptz[]), cast(:j13 as text[]))
        ), postings as (
          insert into canteen_posting (journal_id, account_id, wallet, book, amount_fen, balance_after_fen, sequence_no,
                                       previous_hash, hash)
          select * from unnest(cast(:p0 as bigint[]), cast(:p1 as bigint[]), cast(:p2 as text[]), cast(:p3 as text[]),
                               cast(:p4 as bigint[]), cast(:p5 as bigint[]), cast(:p6 as bigint[]), cast(:p7 as text[]),
                               cast(:p8 as text[]))
        )
        update canteen_account a
           set cash_fen = u.cash_fen, subsidy_fen = u.subsidy_fen, subsidy_expires_on = u.subsidy_expires_on,
               spent_on = u.spent_on, spent_today_fen = u.spent_today_fen, entry_count = u.entry_count,
               last_hash = u.last_hash, status = u.status
          from unnest(cast(:a0 as bigint[]), cast(:a1 as bigint[]), cast(:a2 as date[]), cast(:a3 as date[]),
                      cast(:a4 as bigint[]), cast(:a5 as bigint[]), cast(:a6 as text[]), cast(:a7 as text[]),
                      cast(:a8 as bigint[]))
               as u(cash_fen, subsidy_fen, subsidy_expires_on, spent_on, spent_today_fen, entry_count, last_hash,
                    status, id)
         where a.id = u.id""")
        .params(columns("j", journals, 14))
        .params(columns("p", postings, 9))
        .params(columns("a", accounts, 9))
        .update();
    // published once the batch's rows are written, in its one transaction: the registry's rows (if a listener asks
    // for them) commit with the batch, at no extra commit
    recorded.forEach(ledger::announce);
  }

  /**
   * Rows turned into one array per column, named prefix0, prefix1, ...: numbers as bigint, everything else
   * (timestamps and dates as ISO text) as text, cast to the column's type in the statement.
   */
  private static Map<String, Object> columns(String prefix, List<Object[]> rows, int width) {
    Map<String, Object> params = new HashMap<>();
    for (int column = 0; column < width; column++) {
      final int c = column;
      // a column of nulls only goes as text, which the statement can cast to any type
      boolean numeric = rows.stream().map(row -> row[c]).anyMatch(v -> v instanceof Long)
          && rows.stream().map(row -> row[c]).allMatch(v -> v == null || v instanceof Long);
      Function<Object, Object> asText = v -> v == null
          ? null
          : v instanceof Timestamp t ? t.toInstant().toString() : v.toString();
      params.put(prefix + column, numeric
          ? rows.stream().map(row -> (Long) row[c]).toArray(Long[]::new)
          : rows.stream().map(row -> (String) asText.apply(row[c])).toArray(String[]::new));
    }
    return params;
  }
}
