package cn.smartaffairs.canteen;

import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Small builders for canteen tests: fresh accounts with a balance, fresh staff accounts, fresh keys. */
final class CanteenFixture {

  final CanteenAccounts accounts;
  final AccountLifecycle lifecycle;
  final AccountFunding funding;
  final JdbcClient jdbc;
  final CurrentUser manager;
  final CurrentUser countyAdmin;
  final CurrentUser staff;

  CanteenFixture(CanteenAccounts accounts, AccountLifecycle lifecycle, AccountFunding funding, Accounts users,
      JdbcClient jdbc) {
    this.accounts = accounts;
    this.lifecycle = lifecycle;
    this.funding = funding;
    this.jdbc = jdbc;
    this.manager = users.loadUserByUsername("canteen.manager");
    this.countyAdmin = users.loadUserByUsername("county.admin");
    this.staff = users.loadUserByUsername("staff");
  }

  /**
   * Runs the attempts on {@code threads} threads, all released at the same moment, and answers what each answered,
   * in the attempts' order.
   */
  static <T> List<T> allAtOnce(int threads, List<Callable<T>> attempts) throws Exception {
    var start = new CountDownLatch(1);
    var pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<T>> outcomes = new ArrayList<>();
      for (Callable<T> attempt : attempts) {
        outcomes.add(pool.submit(() -> {
          start.await();
          return attempt.call();
        }));
      }
      start.countDown();
      List<T> answers = new ArrayList<>();
      for (Future<T> outcome : outcomes) {
        answers.add(outcome.get());
      }
      return answers;
    } finally {
      pool.shutdown();
    }
  }

  /** The same, counting the attempts that answered true (e.g. charged rather than refused). */
  static long countAtOnce(int threads, List<Callable<Boolean>> attempts) throws Exception {
    return allAtOnce(threads, attempts).stream().filter(Boolean::booleanValue).count();
  }

  static String key() {
    return "test-" + UUID.randomUUID();
  }

  /** A fresh visitor account of the city region topped up with {@code balanceFen} at the counter. */
  CanteenAccount visitorWith(long balanceFen) {
    CanteenAccount account = lifecycle.openVisitorAccount("来宾" + UUID.randomUUID().toString().substring(0, 6), null,
        manager);
    if (balanceFen > 0) {
      funding.topUp(account.id(), balanceFen, key(), manager);
    }
    return accounts.account(account.id(), manager);
  }

  /** A fresh account of an active, established staff member of 青山县 (no demo accounts there), opened by its admin. */
  CanteenAccount countyStaffWith(long balanceFen) {
    long staffId = jdbc.sql("""
        select s.id from staff s join region r on r.id = s.region_id
         where r.code = 'QS' and s.status = 'ACTIVE' and s.within_establishment
           and not exists (select 1 from canteen_account a where a.staff_id = s.id)
         order by random() limit 1""").query(Long.class).single();
    CanteenAccount account = lifecycle.openStaffAccount(staffId, null, countyAdmin);
    if (balanceFen > 0) {
      funding.topUp(account.id(), balanceFen, key(), countyAdmin);
    }
    return accounts.account(account.id(), countyAdmin);
  }

  /** The signed-in holder of a staff account (as a page session would have them: no roles beyond their own). */
  static CurrentUser holderOf(CanteenAccount account) {
    return new CurrentUser(-account.id(), "holder-" + account.id(), account.holderName(), "", account.staffId(),
        account.regionId(), null, true, false, List.of(), java.util.Set.of());
  }
}
