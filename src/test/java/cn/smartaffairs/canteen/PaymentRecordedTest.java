package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.canteen.MealPayments.BatchOutcome;
import cn.smartaffairs.canteen.PaymentRecorded.Kind;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.RecordedEvents;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Other modules hear of every meal payment, refund and top-up of the ledger — terminal payments paid in a batch too,
 * one event each — but not of the ledger's own journals (corrections, subsidies).
 */
@IntegrationTest
class PaymentRecordedTest {

  @Autowired CanteenAccounts accounts;
  @Autowired AccountLifecycle lifecycle;
  @Autowired AccountFunding funding;
  @Autowired MealPayments payments;
  @Autowired CanteenTerminals terminals;
  @Autowired Accounts users;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  @Test
  void topUpsMealPaymentsAndRefundsArePublishedWithTheirJournal() {
    CanteenFixture fixture = new CanteenFixture(accounts, lifecycle, funding, users, jdbc);
    try (var recorded = RecordedEvents.of(context, PaymentRecorded.class)) {
      CanteenAccount account = fixture.visitorWith(2_000);
      Payment meal = payments.charge(account.id(), 1_200, CanteenFixture.key(), "午餐预订", fixture.manager);
      Payment refund = payments.refund(meal.id(), CanteenFixture.key(), "预订取消", fixture.manager);
      funding.correct(account.id(), -100, "更正测试", CanteenFixture.key(), fixture.manager);

      assertThat(recorded.list()).filteredOn(e -> e.accountId() == account.id())
          .extracting(PaymentRecorded::kind, PaymentRecorded::amountFen)
          .containsExactly(org.assertj.core.groups.Tuple.tuple(Kind.TOP_UP, 2_000L),
              org.assertj.core.groups.Tuple.tuple(Kind.MEAL_PAYMENT, 1_200L),
              org.assertj.core.groups.Tuple.tuple(Kind.REFUND, 1_200L));
      assertThat(recorded.list()).filteredOn(e -> e.accountId() == account.id())
          .extracting(PaymentRecorded::journalId).containsSubsequence(meal.id(), refund.id());
      assertThat(recorded.list()).filteredOn(e -> e.accountId() == account.id())
          .allSatisfy(e -> assertThat(e.regionId()).isEqualTo(fixture.manager.regionId()));
    }
  }

  @Test
  void eachPaymentOfATerminalBatchIsPublishedOnceTheBatchIsWritten() {
    CanteenFixture fixture = new CanteenFixture(accounts, lifecycle, funding, users, jdbc);
    CanteenTerminals.Terminal terminal = terminals.usableBy("YX-T01", fixture.manager);
    CanteenAccount a = fixture.visitorWith(1_000);
    CanteenAccount b = fixture.visitorWith(1_000);
    try (var recorded = RecordedEvents.of(context, PaymentRecorded.class)) {
      List<BatchOutcome> outcomes = payments.payTerminalBatch(List.of(
          payments.terminalPayment(terminal, a.cardNo(), 300L, CanteenFixture.key(), Instant.now(), "test"),
          payments.terminalPayment(terminal, b.cardNo(), 5_000L, CanteenFixture.key(), Instant.now(), "test"),
          payments.terminalPayment(terminal, b.cardNo(), 400L, CanteenFixture.key(), Instant.now(), "test")));

      assertThat(outcomes.get(1).refusal()).as("a refused payment is not recorded").isNotNull();
      assertThat(recorded.list()).filteredOn(e -> e.accountId() == a.id() || e.accountId() == b.id())
          .extracting(PaymentRecorded::journalId, PaymentRecorded::kind, PaymentRecorded::channel)
          .containsExactly(
              org.assertj.core.groups.Tuple.tuple(outcomes.get(0).payment().id(), Kind.MEAL_PAYMENT, "TERMINAL"),
              org.assertj.core.groups.Tuple.tuple(outcomes.get(2).payment().id(), Kind.MEAL_PAYMENT, "TERMINAL"));
    }
    // no module listens through the registry yet, so the payment path writes no registry rows (ADR 0012)
    assertThat(jdbc.sql("select count(*) from event_publication where event_type = :type")
        .param("type", PaymentRecorded.class.getName()).query(Long.class).single()).isZero();
  }
}
