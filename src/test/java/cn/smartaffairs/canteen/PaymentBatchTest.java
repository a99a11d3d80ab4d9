package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.canteen.MealPayments.BatchOutcome;
import cn.smartaffairs.canteen.MealPayments.TerminalPayment;
import cn.smartaffairs.security.Accounts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Group commit of online terminal payments: several payments, one transaction, the same rules as one at a time. */
@IntegrationTest
class PaymentBatchTest {

  @Autowired CanteenAccounts accounts;
  @Autowired AccountLifecycle lifecycle;
  @Autowired AccountFunding funding;
  @Autowired MealPayments payments;
  @Autowired CanteenTerminals terminals;
  @Autowired TerminalPayments terminalPayments;
  @Autowired PaymentQueue queue;
  @Autowired LedgerCheck ledgerCheck;
  @Autowired Accounts users;
  @Autowired JdbcClient jdbc;
  CanteenFixture fixture;
  CanteenTerminals.Terminal terminal;

  @BeforeEach
  void setUp() {
    fixture = new CanteenFixture(accounts, lifecycle, funding, users, jdbc);
    terminal = terminals.usableBy("YX-T01", fixture.manager);
  }

  private TerminalPayment payment(String credential, long amountFen, String key) {
    return payments.terminalPayment(terminal, credential, amountFen, key, Instant.now(), "test");
  }

  @Test
  void paymentsOfOneBatchSeeEachOtherInArrivalOrderAndARefusalSpoilsNothingElse() {
    CanteenAccount a = fixture.visitorWith(1_000);
    CanteenAccount b = fixture.visitorWith(500);

    List<BatchOutcome> outcomes = payments.payTerminalBatch(List.of(
        payment(a.cardNo(), 600, CanteenFixture.key()),
        payment(a.cardNo(), 600, CanteenFixture.key()),
        payment(b.cardNo(), 300, CanteenFixture.key()),
        payment(a.cardNo(), 300, CanteenFixture.key())));

    assertThat(outcomes.get(0).payment().balanceAfterFen()).isEqualTo(400);
    assertThat(outcomes.get(1).refusal()).isInstanceOf(PaymentRefused.class);
    assertThat(((PaymentRefused) outcomes.get(1).refusal()).reason())
        .isEqualTo(PaymentRefused.Reason.INSUFFICIENT_BALANCE);
    assertThat(outcomes.get(2).payment().balanceAfterFen()).isEqualTo(200);
    assertThat(outcomes.get(3).payment().balanceAfterFen()).isEqualTo(100);
    assertThat(accounts.account(a.id(), fixture.manager).balanceFen()).isEqualTo(100);
    assertThat(accounts.account(b.id(), fixture.manager).balanceFen()).isEqualTo(200);
    assertThat(accounts.entries(a.id(), 10, fixture.manager)).extracting(Payment::kind)
        .containsExactly("MEAL_PAYMENT", "MEAL_PAYMENT", "TOP_UP");
    assertThat(ledgerCheck.check(fixture.manager).problems())
        .noneMatch(problem -> problem.accountId() == a.id() || problem.accountId() == b.id());
  }

  @Test
  void aKeyUsedBeforeOrTwiceAndAnUnknownCardAreLeftToBePaidAlone() {
    CanteenAccount a = fixture.visitorWith(1_000);
    String earlier = CanteenFixture.key();
    payments.payTerminalBatch(List.of(payment(a.cardNo(), 100, earlier)));
    String twice = CanteenFixture.key();

    List<BatchOutcome> outcomes = payments.payTerminalBatch(List.of(
        payment(a.cardNo(), 100, earlier),
        payment(a.cardNo(), 200, twice),
        payment(a.cardNo(), 200, twice),
        payment("NO-SUCH-CARD", 100, CanteenFixture.key())));

    assertThat(outcomes.get(0).alone()).isTrue();
    assertThat(outcomes.get(1).payment().amountFen()).isEqualTo(200);
    assertThat(outcomes.get(2).alone()).isTrue();
    assertThat(outcomes.get(3).alone()).isTrue();
    assertThat(accounts.account(a.id(), fixture.manager).balanceFen()).isEqualTo(700);
  }

  @Test
  void theQueueAnswersLeftOverPaymentsAsOneAtATimeWouldAndABrokenBatchIsPaidOneByOne() throws Exception {
    CanteenAccount a = fixture.visitorWith(1_000);
    String key = CanteenFixture.key();
    Payment first = queue.pay(payment(a.cardNo(), 100, key));
    // a terminal that is not in the database makes the batch's write fail (foreign key) and roll back
    var ghost = new CanteenTerminals.Terminal(-1, terminal.terminalCode(), terminal.canteenId(), terminal.canteenName(),
        terminal.regionId(), terminal.name(), true, terminal.registeredAt());
    var queued = List.of(
        new PaymentQueue.Queued(payment(a.cardNo(), 100, key), new CompletableFuture<>()),
        new PaymentQueue.Queued(payment(a.cardNo(), 200, CanteenFixture.key()), new CompletableFuture<>()),
        new PaymentQueue.Queued(payments.terminalPayment(ghost, a.cardNo(), 300L, CanteenFixture.key(), Instant.now(),
            "test"), new CompletableFuture<>()),
        new PaymentQueue.Queued(payment("NO-SUCH-CARD", 100, CanteenFixture.key()), new CompletableFuture<>()));

    queue.payBatch(queued);

    Payment replayed = queued.get(0).answer().get();
    assertThat(replayed.replayed()).isTrue();
    assertThat(replayed.id()).isEqualTo(first.id());
    assertThat(queued.get(1).answer().get().balanceAfterFen()).isEqualTo(700);
    assertThat(causeOf(queued.get(2).answer())).isInstanceOf(DataIntegrityViolationException.class);
    assertThat(causeOf(queued.get(3).answer())).isInstanceOf(PaymentRefused.class);
    assertThat(accounts.account(a.id(), fixture.manager).balanceFen()).isEqualTo(700);
    assertThat(ledgerCheck.check(fixture.manager).problems()).noneMatch(problem -> problem.accountId() == a.id());
  }

  @Test
  void manyTerminalsPayingOneCardAtOnceNeverOverdrawItAndEachKeyPaysOnce() throws Exception {
    CanteenAccount account = fixture.visitorWith(10_000);
    List<String> keys = new ArrayList<>();
    List<Callable<Boolean>> attempts = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      // every key is sent twice, as a terminal retrying an answer it did not get would
      String key = CanteenFixture.key();
      keys.add(key);
      for (int copy = 0; copy < 2; copy++) {
        attempts.add(() -> {
          try {
            return !terminalPayments.pay(new TerminalPayments.PaymentRequest("YX-T01", account.cardNo(), 300L, key),
                fixture.manager).replayed();
          } catch (PaymentRefused refused) {
            return false;
          }
        });
      }
    }

    long charged = CanteenFixture.countAtOnce(16, attempts);

    // 100 yuan at 3 yuan a meal: 33 meals, 1 yuan left; the rest refused
    assertThat(charged).isEqualTo(33);
    assertThat(accounts.account(account.id(), fixture.manager).balanceFen()).isEqualTo(100);
    long journals = jdbc.sql("select count(*) from canteen_journal where idempotency_key in (:keys)")
        .param("keys", keys).query(Long.class).single();
    assertThat(journals).isEqualTo(33);
    assertThat(ledgerCheck.check(fixture.manager).problems()).noneMatch(problem -> problem.accountId() == account.id());
  }

  private static Throwable causeOf(CompletableFuture<Payment> answer) {
    try {
      answer.get();
      return null;
    } catch (ExecutionException | InterruptedException failed) {
      return failed.getCause();
    }
  }
}
