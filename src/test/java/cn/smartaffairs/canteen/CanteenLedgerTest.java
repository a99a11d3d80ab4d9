package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.TestClock;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

@IntegrationTest
class CanteenLedgerTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  @Autowired CanteenAccounts accounts;
  @Autowired AccountLifecycle lifecycle;
  @Autowired AccountFunding funding;
  @Autowired MealPayments payments;
  @Autowired LedgerCheck ledgerCheck;
  @Autowired Accounts users;
  @Autowired JdbcClient jdbc;
  @Autowired TestClock clock;
  @Autowired PlatformTransactionManager transactions;
  @Autowired CanteenRules rules;
  CanteenFixture fixture;

  @BeforeEach
  void setUp() {
    fixture = new CanteenFixture(accounts, lifecycle, funding, users, jdbc);
  }

  @AfterEach
  void resumeClock() {
    clock.resume();
  }

  @Test
  void aChargeMovesMoneyAsBalancedEntriesAndTheBalanceIsTheirSum() {
    CanteenAccount account = fixture.visitorWith(5_000);

    Payment payment = payments.charge(account.id(), 1_250, CanteenFixture.key(), "午餐预订", fixture.manager);

    assertThat(payment.amountFen()).isEqualTo(1_250);
    assertThat(payment.cashFen()).isEqualTo(-1_250);
    assertThat(payment.balanceAfterFen()).isEqualTo(3_750);
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(3_750);
    long journalSum = jdbc.sql("select sum(amount_fen) from canteen_posting where journal_id = :j")
        .param("j", payment.id()).query(Long.class).single();
    assertThat(journalSum).isZero();
    long entriesSum = jdbc.sql("select sum(amount_fen) from canteen_posting where account_id = :a")
        .param("a", account.id()).query(Long.class).single();
    assertThat(entriesSum).isEqualTo(3_750);
    assertThat(accounts.entries(account.id(), 10, fixture.manager)).extracting(Payment::kind)
        .containsExactly("MEAL_PAYMENT", "TOP_UP");
  }

  @Test
  void theSameIdempotencyKeyChargesOnlyOnce() {
    CanteenAccount account = fixture.visitorWith(5_000);
    String key = CanteenFixture.key();

    Payment first = payments.charge(account.id(), 800, key, null, fixture.manager);
    Payment again = payments.charge(account.id(), 800, key, null, fixture.manager);

    assertThat(first.replayed()).isFalse();
    assertThat(again.replayed()).isTrue();
    assertThat(again.id()).isEqualTo(first.id());
    assertThat(again.balanceAfterFen()).isEqualTo(4_200);
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(4_200);
  }

  @Test
  void aChargeThatWouldOverdrawIsRefusedAndChangesNothing() {
    CanteenAccount account = fixture.visitorWith(500);

    assertThatThrownBy(() -> payments.charge(account.id(), 501, CanteenFixture.key(), null, fixture.manager))
        .isInstanceOfSatisfying(PaymentRefused.class,
            refused -> assertThat(refused.reason()).isEqualTo(PaymentRefused.Reason.INSUFFICIENT_BALANCE));

    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(500);
    assertThat(accounts.entries(account.id(), 10, fixture.manager)).hasSize(1);
  }

  @Test
  void theDailyLimitOfTheCategoryHolds() {
    // visitors: 100 yuan a day by the seeded national rule
    CanteenAccount account = fixture.visitorWith(50_000);
    payments.charge(account.id(), 6_000, CanteenFixture.key(), null, fixture.manager);

    assertThatThrownBy(() -> payments.charge(account.id(), 4_001, CanteenFixture.key(), null, fixture.manager))
        .isInstanceOfSatisfying(PaymentRefused.class,
            refused -> assertThat(refused.reason()).isEqualTo(PaymentRefused.Reason.DAILY_LIMIT_REACHED));
    assertThat(payments.charge(account.id(), 4_000, CanteenFixture.key(), null, fixture.manager).balanceAfterFen())
        .isEqualTo(40_000);
  }

  @Test
  void aLostCardIsFrozenAtOnceAndItsReplacementKeepsTheBalance() {
    CanteenAccount account = fixture.visitorWith(3_000);
    String oldCard = account.cardNo();

    lifecycle.freeze(account.id(), fixture.manager);
    assertThatThrownBy(() -> payments.charge(account.id(), 100, CanteenFixture.key(), null, fixture.manager))
        .isInstanceOfSatisfying(PaymentRefused.class,
            refused -> assertThat(refused.reason()).isEqualTo(PaymentRefused.Reason.CARD_FROZEN));

    CanteenAccount replaced = lifecycle.replaceCard(account.id(), null, fixture.manager);

    assertThat(replaced.cardNo()).isNotEqualTo(oldCard);
    assertThat(replaced.status()).isEqualTo("ACTIVE");
    assertThat(replaced.balanceFen()).isEqualTo(3_000);
    assertThat(accounts.credentials(account.id(), fixture.manager)).filteredOn(c -> c.credential().equals(oldCard))
        .extracting(CanteenAccounts.Credential::status).containsExactly("LOST");
    assertThat(payments.charge(account.id(), 100, CanteenFixture.key(), null, fixture.manager).balanceAfterFen())
        .isEqualTo(2_900);
  }

  @Test
  void aPaymentIsRefundedOnceIntoTheWalletsItCameFrom() {
    CanteenAccount account = fixture.visitorWith(2_000);
    Payment payment = payments.charge(account.id(), 1_500, CanteenFixture.key(), null, fixture.manager);

    Payment refund = payments.refund(payment.id(), CanteenFixture.key(), "菜品售罄", fixture.manager);

    assertThat(refund.balanceAfterFen()).isEqualTo(2_000);
    assertThat(refund.refundsPaymentId()).isEqualTo(payment.id());
    assertThatThrownBy(() -> payments.refund(payment.id(), CanteenFixture.key(), "再退一次", fixture.manager))
        .isInstanceOf(ConflictException.class);
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(2_000);
  }

  @Test
  void aCorrectionNeedsAReasonMayNotOverdrawAndIsAudited() {
    CanteenAccount account = fixture.visitorWith(1_000);

    assertThatThrownBy(() -> funding.correct(account.id(), -200, " ", CanteenFixture.key(), fixture.manager))
        .isInstanceOf(BusinessRuleException.class);
    assertThatThrownBy(() -> funding.correct(account.id(), -1_001, "多充", CanteenFixture.key(), fixture.manager))
        .isInstanceOf(BusinessRuleException.class);
    Payment correction = funding.correct(account.id(), -300, "柜台多充值3元", CanteenFixture.key(), fixture.manager);

    assertThat(correction.balanceAfterFen()).isEqualTo(700);
    long audited = jdbc.sql(
        """
            select count(*) from audit_event where entity_type = 'canteen_account' and entity_id = :id and action = 'CORRECT'""")
        .param("id", String.valueOf(account.id())).query(Long.class).single();
    assertThat(audited).isEqualTo(1);
    assertThatThrownBy(() -> funding.correct(account.id(), 100, "越权", CanteenFixture.key(), fixture.staff))
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void staffWhoLeaveAreSettledAndClosed() {
    CanteenAccount account = fixture.visitorWith(4_321);

    CanteenAccount closed = lifecycle.settleAndClose(account.id(), "退休", fixture.manager);

    assertThat(closed.status()).isEqualTo("CLOSED");
    assertThat(closed.balanceFen()).isZero();
    assertThat(closed.cardNo()).isNull();
    assertThat(accounts.entries(account.id(), 5, fixture.manager).get(0).kind()).isEqualTo("SETTLEMENT");
    assertThatThrownBy(() -> payments.charge(account.id(), 100, CanteenFixture.key(), null, fixture.manager))
        .isInstanceOfSatisfying(PaymentRefused.class,
            refused -> assertThat(refused.reason()).isEqualTo(PaymentRefused.Reason.ACCOUNT_CLOSED));
    assertThatThrownBy(() -> funding.topUp(account.id(), 100, CanteenFixture.key(), fixture.manager))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void theMonthlySubsidyIsSpentBeforeCashAndExpiresAtTheMonthsEnd() {
    clock.stopAt(LocalDateTime.of(2031, 3, 10, 12, 0).atZone(SHANGHAI).toInstant());
    CanteenAccount account = fixture.countyStaffWith(5_000);

    var run = funding.grantMonthlySubsidies(YearMonth.of(2031, 3), fixture.countyAdmin);
    var again = funding.grantMonthlySubsidies(YearMonth.of(2031, 3), fixture.countyAdmin);

    assertThat(run.accounts()).isGreaterThanOrEqualTo(1);
    assertThat(again.accounts()).isZero();
    CanteenAccount granted = accounts.account(account.id(), fixture.countyAdmin);
    assertThat(granted.subsidyFen()).isEqualTo(30_000);
    assertThat(granted.subsidyExpiresOn()).isEqualTo(YearMonth.of(2031, 3).atEndOfMonth());

    // established staff: the subsidy pays at most 10 yuan of a meal, cash the rest
    Payment lunch = payments.charge(account.id(), 1_500, CanteenFixture.key(), null, fixture.countyAdmin);
    assertThat(lunch.subsidyFen()).isEqualTo(-1_000);
    assertThat(lunch.cashFen()).isEqualTo(-500);

    clock.stopAt(LocalDateTime.of(2031, 4, 1, 0, 30).atZone(SHANGHAI).toInstant());
    assertThat(funding.expireSubsidies()).isGreaterThanOrEqualTo(1);
    CanteenAccount expired = accounts.account(account.id(), fixture.countyAdmin);
    assertThat(expired.subsidyFen()).isZero();
    assertThat(expired.cashFen()).isEqualTo(4_500);
    assertThat(accounts.entries(account.id(), 1, fixture.countyAdmin).get(0).kind()).isEqualTo("SUBSIDY_EXPIRY");
    assertThat(ledgerCheck.check(fixture.countyAdmin).ok()).isTrue();
  }

  @Test
  void oneKeySentByManyThreadsAtOnceChargesOnceAndEveryAnswerIsThatPayment() throws Exception {
    CanteenAccount account = fixture.visitorWith(10_000);
    String key = CanteenFixture.key();
    List<Callable<Payment>> attempts = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      attempts.add(() -> payments.charge(account.id(), 450, key, "重复提交", fixture.manager));
    }

    List<Long> paymentIds = CanteenFixture.allAtOnce(8, attempts).stream().map(Payment::id).toList();

    assertThat(paymentIds).as("every thread is answered with the one payment").containsOnly(paymentIds.get(0));
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(10_000 - 450);
  }

  @Test
  void manyThreadsChargingOneCardAtOnceNeverOverdrawIt() throws Exception {
    CanteenAccount account = fixture.visitorWith(10_000);
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      attempts.add(() -> {
        try {
          payments.charge(account.id(), 300, CanteenFixture.key(), null, fixture.manager);
          return true;
        } catch (PaymentRefused refused) {
          return false;
        }
      });
    }

    long succeeded = CanteenFixture.countAtOnce(16, attempts);

    // 100 yuan at 3 yuan a meal: 33 meals, 1 yuan left; the rest refused
    assertThat(succeeded).isEqualTo(33);
    CanteenAccount after = accounts.account(account.id(), fixture.manager);
    assertThat(after.balanceFen()).isEqualTo(100);
    assertThat(ledgerCheck.check(fixture.manager).problems()).noneMatch(problem -> problem.accountId() == account.id());
  }

  @Test
  void theLedgerCheckFindsATamperedEntry() {
    CanteenAccount account = fixture.visitorWith(2_000);
    Payment payment = payments.charge(account.id(), 700, CanteenFixture.key(), null, fixture.manager);
    assertThat(ledgerCheck.check(fixture.manager).ok()).isTrue();

    var tx = new TransactionTemplate(transactions);
    tamper(tx, payment.id(), -70);
    try {
      var result = ledgerCheck.check(fixture.manager);
      assertThat(result.ok()).isFalse();
      assertThat(result.problems()).anyMatch(problem -> problem.accountId() == account.id()
          && problem.problem().contains("altered"));
    } finally {
      tamper(tx, payment.id(), -700);
    }
    assertThat(ledgerCheck.check(fixture.manager).ok()).isTrue();
  }

  /** Edits a posting behind the ledger's back: only a superuser bypassing the triggers can. */
  private void tamper(TransactionTemplate tx, long journalId, long amountFen) {
    tx.executeWithoutResult(status -> {
      jdbc.sql("set local session_replication_role = replica").update();
      jdbc.sql("update canteen_posting set amount_fen = :amount where journal_id = :j and wallet = 'CASH'")
          .param("amount", amountFen).param("j", journalId).update();
      jdbc.sql("update canteen_posting set amount_fen = :amount where journal_id = :j and book = 'MEAL_REVENUE'")
          .param("amount", -amountFen).param("j", journalId).update();
    });
  }

  @Test
  void theDatabaseRefusesToChangeEntriesOrToRecordAnUnbalancedJournal() {
    CanteenAccount account = fixture.visitorWith(1_000);
    assertThatThrownBy(() -> jdbc.sql("update canteen_posting set amount_fen = 1 where account_id = :a")
        .param("a", account.id()).update()).isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.sql("delete from canteen_journal where account_id = :a")
        .param("a", account.id()).update()).isInstanceOf(DataAccessException.class);
    var tx = new TransactionTemplate(transactions);
    assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
      long journal = jdbc.sql("""
          insert into canteen_journal (kind, account_id, amount_fen, balance_after_fen, channel, occurred_at,
                                       recorded_at, recorded_by)
          values ('CORRECTION', :a, 100, 1100, 'MANAGER', now(), now(), 'test') returning id""")
          .param("a", account.id()).query(Long.class).single();
      jdbc.sql("insert into canteen_posting (journal_id, book, amount_fen) values (:j, 'CORRECTION', 100)")
          .param("j", journal).update();
      jdbc.sql("insert into canteen_posting (journal_id, book, amount_fen) values (:j, 'MEAL_REVENUE', -99)")
          .param("j", journal).update();
    })).isInstanceOf(DataAccessException.class).hasMessageContaining("unbalanced");
  }

  @Test
  void aHolderMayCancelTheirOwnPreOrderChargeButNotRefundAnythingElse() {
    CanteenAccount own = accounts.accountOfStaff(fixture.staff.staffId()).orElseThrow();
    funding.topUp(own.id(), 1_000, CanteenFixture.key(), fixture.manager);
    long before = accounts.account(own.id(), fixture.staff).balanceFen();
    Payment preOrder = payments.charge(own.id(), 600, CanteenFixture.key(), "预订午餐", fixture.staff);
    Payment counter = payments.charge(own.id(), 200, CanteenFixture.key(), null, fixture.manager);

    Payment cancelled = payments.refund(preOrder.id(), CanteenFixture.key(), "取消预订", fixture.staff);

    assertThat(cancelled.balanceAfterFen()).isEqualTo(before - 200);
    assertThat(counter.channel()).isEqualTo("PRE_ORDER");
    CanteenAccount other = fixture.visitorWith(1_000);
    Payment someoneElses = payments.charge(other.id(), 100, CanteenFixture.key(), null, fixture.manager);
    assertThatThrownBy(() -> payments.refund(someoneElses.id(), CanteenFixture.key(), "不是我的", fixture.staff))
        .isInstanceOf(BusinessRuleException.class);
  }

  @Test
  void staffWhoLeftAreListedUntilTheirAccountIsSettledAndClosed() {
    CanteenAccount account = fixture.countyStaffWith(800);
    jdbc.sql("update staff set status = 'RETIRED', status_changed_on = current_date where id = :id")
        .param("id", account.staffId()).update();

    assertThat(accounts.accounts(fixture.countyAdmin, null, true, 0, 200).items()).extracting(CanteenAccount::id)
        .contains(account.id());
    lifecycle.settleAndClose(account.id(), "退休", fixture.countyAdmin);

    assertThat(accounts.accounts(fixture.countyAdmin, null, true, 0, 200).items()).extracting(CanteenAccount::id)
        .doesNotContain(account.id());
    assertThat(accounts.accountOfStaff(account.staffId())).isEmpty();
  }

  @Test
  void aRegionsOwnRuleBeatsTheNationalDefaultFromItsEffectiveDate() {
    CanteenAccount account = fixture.countyStaffWith(5_000);
    var before = java.time.LocalDate.of(2039, 12, 31);
    var from = java.time.LocalDate.of(2040, 1, 1);
    rules.addCategoryRule("ESTABLISHED", from, 0, null, 500L, fixture.countyAdmin);

    clock.stopAt(before.atTime(12, 0).atZone(SHANGHAI).toInstant());
    assertThat(payments.charge(account.id(), 600, CanteenFixture.key(), null, fixture.countyAdmin).amountFen())
        .isEqualTo(600);
    clock.stopAt(from.atTime(12, 0).atZone(SHANGHAI).toInstant());
    assertThatThrownBy(() -> payments.charge(account.id(), 600, CanteenFixture.key(), null, fixture.countyAdmin))
        .isInstanceOfSatisfying(PaymentRefused.class,
            refused -> assertThat(refused.reason()).isEqualTo(PaymentRefused.Reason.DAILY_LIMIT_REACHED));
    assertThatThrownBy(() -> rules.addCategoryRule("ESTABLISHED", from, 0, null, 500L, fixture.staff))
        .isInstanceOf(BusinessRuleException.class);
  }
}
