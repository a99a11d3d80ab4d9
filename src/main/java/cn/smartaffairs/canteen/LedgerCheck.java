package cn.smartaffairs.canteen;

import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 对账: proves, for every account in scope, that its balance is the sum of its entries and that its hash chain is
 * intact (every posting's hash recomputes, sequence numbers run without gaps, each balance-after is the running sum,
 * the account's chain head is the last hash), and that every journal's postings sum to zero.
 */
@Service
class LedgerCheck {

  record Problem(long accountId, Long journalId, String problem) {}

  record Result(boolean ok, Instant checkedAt, long accounts, long postings, long journals, List<Problem> problems) {}

  private static final int MAX_PROBLEMS = 200;

  private final JdbcClient jdbc;
  private final Clock clock;

  LedgerCheck(JdbcClient jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  /** Checks the accounts the caller manages (a platform admin: all). */
  @Transactional(readOnly = true)
  Result check(CurrentUser viewer) {
    return check(CanteenAccounts.managing(viewer));
  }

  @Transactional(readOnly = true)
  Result check(DataScope scope) {
    List<Problem> problems = new ArrayList<>();
    String inScope = DataScope.sqlCondition("a.region_id", null, null);
    MapSqlParameterSource params = scope.bind(new MapSqlParameterSource());
    long[] accounts = {0};
    jdbc.sql("""
        select a.id, a.cash_fen, a.subsidy_fen, a.entry_count,
               coalesce(sum(p.amount_fen) filter (where p.wallet = 'CASH'), 0) as cash_sum,
               coalesce(sum(p.amount_fen) filter (where p.wallet = 'SUBSIDY'), 0) as subsidy_sum,
               count(p.id) as postings
          from canteen_account a left join canteen_posting p on p.account_id = a.id
         where """ + inScope + " group by a.id order by a.id")
        .paramSource(params)
        .query(rs -> {
          accounts[0]++;
          long id = rs.getLong("id");
          if (rs.getLong("cash_fen") != rs.getLong("cash_sum")) {
            add(problems, new Problem(id, null, "cash balance " + rs.getLong("cash_fen") + " ≠ sum of entries "
                + rs.getLong("cash_sum")));
          }
          if (rs.getLong("subsidy_fen") != rs.getLong("subsidy_sum")) {
            add(problems, new Problem(id, null, "subsidy balance " + rs.getLong("subsidy_fen")
                + " ≠ sum of entries " + rs.getLong("subsidy_sum")));
          }
          if (rs.getLong("entry_count") != rs.getLong("postings")) {
            add(problems, new Problem(id, null, "entry count " + rs.getLong("entry_count") + " ≠ postings "
                + rs.getLong("postings")));
          }
        });
    ChainWalker walker = new ChainWalker(problems);
    jdbc.sql("""
        select p.account_id, p.journal_id, p.wallet, p.amount_fen, p.balance_after_fen, p.sequence_no,
               p.previous_hash, p.hash, a.last_hash
          from canteen_posting p join canteen_account a on a.id = p.account_id
         where """ + inScope + " order by p.account_id, p.sequence_no")
        .paramSource(params)
        .query(rs -> {
          walker.next(rs.getLong("account_id"), rs.getLong("journal_id"), rs.getString("wallet"),
              rs.getLong("amount_fen"), rs.getLong("balance_after_fen"), rs.getLong("sequence_no"),
              rs.getString("previous_hash"), rs.getString("hash"), rs.getString("last_hash"));
        });
    walker.finish();
    long[] journals = {0};
    jdbc.sql("""
        select j.id, j.account_id, coalesce(sum(p.amount_fen), 0) as total, count(p.id) as legs
          from canteen_journal j join canteen_account a on a.id = j.account_id
          left join canteen_posting p on p.journal_id = j.id
         where """ + inScope + " group by j.id order by j.id")
        .paramSource(params)
        .query(rs -> {
          journals[0]++;
          if (rs.getLong("total") != 0 || rs.getLong("legs") < 2) {
            add(problems, new Problem(rs.getLong("account_id"), rs.getLong("id"), "journal's " + rs.getLong("legs")
                + " postings sum to " + rs.getLong("total")));
          }
        });
    return new Result(problems.isEmpty(), clock.instant(), accounts[0], walker.postings, journals[0],
        List.copyOf(problems));
  }

  private static void add(List<Problem> problems, Problem problem) {
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(problem);
    }
  }

  /** Recomputes the chains while the postings stream by, one account after another. */
  private static final class ChainWalker {
    private final List<Problem> problems;
    private long account = -1;
    private String expectedPrevious;
    private long expectedSequence;
    private long cash;
    private long subsidy;
    private String head;
    private boolean broken;
    long postings;

    ChainWalker(List<Problem> problems) {
      this.problems = problems;
    }

    void next(long accountId, long journalId, String wallet, long amountFen, long balanceAfterFen, long sequence,
        String previousHash, String hash, String lastHash) {
      postings++;
      if (accountId != account) {
        finish();
        account = accountId;
        expectedPrevious = Ledger.GENESIS;
        expectedSequence = 1;
        cash = 0;
        subsidy = 0;
        head = lastHash;
        broken = false;
      }
      if (broken) {
        return;
      }
      long balance = Ledger.Wallet.valueOf(wallet) == Ledger.Wallet.CASH ? (cash += amountFen) : (subsidy += amountFen);
      String recomputed = Ledger.chainHash(previousHash, accountId, sequence, journalId, wallet, amountFen,
          balanceAfterFen);
      String problem = null;
      if (sequence != expectedSequence) {
        problem = "entry " + expectedSequence + " is missing";
      } else if (!previousHash.equals(expectedPrevious)) {
        problem = "entry " + sequence + " does not follow the previous entry";
      } else if (!recomputed.equals(hash)) {
        problem = "entry " + sequence + " was altered (hash mismatch)";
      } else if (balance != balanceAfterFen) {
        problem = "entry " + sequence + " balance-after " + balanceAfterFen + " ≠ running sum " + balance;
      }
      if (problem != null) {
        broken = true;
        add(problems, new Problem(accountId, journalId, problem));
        return;
      }
      expectedPrevious = hash;
      expectedSequence++;
    }

    void finish() {
      if (account >= 0 && !broken && !expectedPrevious.equals(head)) {
        add(problems, new Problem(account, null, "chain head does not match the last entry"));
      }
    }
  }
}
