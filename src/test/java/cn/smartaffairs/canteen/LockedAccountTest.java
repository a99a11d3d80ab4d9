package cn.smartaffairs.canteen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.canteen.Ledger.Entry;
import cn.smartaffairs.canteen.Ledger.Leg;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.PlatformConfiguration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The canteen account's own rules, without Spring or a database: every move it allows, refuses or records. */
class LockedAccountTest {

  private static final LocalDate TODAY = LocalDate.of(2026, 3, 18);
  private static final Instant NOW = TODAY.atTime(LocalTime.NOON).atZone(PlatformConfiguration.ZONE).toInstant();
  private static final Optional<CanteenRules.CategoryRule> NO_RULE = Optional.empty();

  private final Journals journals = new Journals();

  /** Posts journals in memory through the ledger's own chaining, numbering them 1, 2, ... */
  private static final class Journals implements JournalWriter {
    final List<Entry> entries = new ArrayList<>();

    @Override
    public long post(LockedAccount account, Entry entry, List<Leg> legs) {
      entries.add(entry);
      Ledger.chain(account, entry, legs, entries.size());
      return entries.size();
    }

    List<JournalKind> kinds() {
      return entries.stream().map(Entry::kind).toList();
    }
  }

  private static LockedAccount account(AccountStatus status, long cashFen, long subsidyFen,
      LocalDate subsidyExpiresOn) {
    return new LockedAccount(7, 1, 70L, "ESTABLISHED", status, cashFen, subsidyFen, subsidyExpiresOn);
  }

  private static LockedAccount activeWithCash(long cashFen) {
    return account(AccountStatus.ACTIVE, cashFen, 0, null);
  }

  private static LockedAccount activeWith(long cashFen, long subsidyFen) {
    return account(AccountStatus.ACTIVE, cashFen, subsidyFen, TODAY.withDayOfMonth(31));
  }

  private static MealCharge meal(long amountFen) {
    return meal(amountFen, NOW);
  }

  private static MealCharge meal(long amountFen, Instant at) {
    return MealCharge.preOrder(amountFen, IdempotencyKey.ofAccount(7, "k-" + amountFen), null, at, "holder");
  }

  private static MealCharge atTerminal(long amountFen, boolean offline, CredentialStatus card) {
    var terminal = new CanteenTerminals.Terminal(3, "YX-T01", 1, "职工食堂", 1, "一号窗口", true, NOW);
    var payment = new MealPayments.TerminalPayment(terminal, "800000000007", amountFen,
        IdempotencyKey.ofTerminal("YX-T01", "t-" + amountFen), NOW, "terminal", false);
    return MealCharge.atTerminal(payment, amountFen, offline, card);
  }

  private static Optional<CanteenRules.CategoryRule> rule(Long perMealCapFen, Long dailyLimitFen) {
    return Optional.of(new CanteenRules.CategoryRule(1, null, "ESTABLISHED", LocalDate.of(2020, 1, 1), 30_000,
        perMealCapFen, dailyLimitFen));
  }

  private static void assertRefused(Runnable move, PaymentRefused.Reason reason) {
    assertThatThrownBy(move::run).isInstanceOfSatisfying(PaymentRefused.class,
        refused -> assertThat(refused.reason()).isEqualTo(reason));
  }

  private static void assertConflict(Runnable move, String messageKey) {
    assertThatThrownBy(move::run).isInstanceOfSatisfying(ConflictException.class,
        refused -> assertThat(refused.messageKey()).isEqualTo(messageKey));
  }

  // ---------------------------------------------------------------- paying

  @Test
  void aMealIsPaidFromTheSubsidyFirstAndTheRestFromCash() {
    LockedAccount account = activeWith(1_000, 300);

    Payment payment = account.pay(meal(500), NO_RULE, NOW, journals);

    assertThat(payment.subsidyFen()).isEqualTo(-300);
    assertThat(payment.cashFen()).isEqualTo(-200);
    assertThat(payment.balanceAfterFen()).isEqualTo(800);
    assertThat(account.subsidyFen()).isZero();
    assertThat(account.cashFen()).isEqualTo(800);
  }

  @Test
  void theSubsidyPaysNoMoreThanTheCategorysPerMealCap() {
    LockedAccount account = activeWith(1_000, 2_000);

    Payment payment = account.pay(meal(800), rule(500L, null), NOW, journals);

    assertThat(payment.subsidyFen()).isEqualTo(-500);
    assertThat(payment.cashFen()).isEqualTo(-300);
  }

  @Test
  void aPaymentIsRecordedAsAMealPaymentOfItsChannel() {
    Payment payment = activeWithCash(1_000).pay(meal(400), NO_RULE, NOW, journals);

    assertThat(payment.kind()).isEqualTo("MEAL_PAYMENT");
    assertThat(payment.channel()).isEqualTo("PRE_ORDER");
    assertThat(payment.amountFen()).isEqualTo(400);
    assertThat(payment.idempotencyKey()).isEqualTo("k-400");
    assertThat(payment.flag()).isNull();
    assertThat(payment.replayed()).isFalse();
  }

  @Test
  void aTerminalPaymentNamesItsTerminal() {
    Payment payment = activeWithCash(1_000).pay(atTerminal(400, false, CredentialStatus.ACTIVE), NO_RULE, NOW,
        journals);

    assertThat(payment.channel()).isEqualTo("TERMINAL");
    assertThat(payment.terminalId()).isEqualTo("YX-T01");
    assertThat(journals.entries.get(0).terminalId()).isEqualTo(3);
  }

  @Test
  void aFrozenAccountRefusesToPay() {
    LockedAccount account = account(AccountStatus.FROZEN, 1_000, 0, null);

    assertRefused(() -> account.pay(meal(100), NO_RULE, NOW, journals), PaymentRefused.Reason.CARD_FROZEN);
  }

  @Test
  void aClosedAccountRefusesToPay() {
    LockedAccount account = account(AccountStatus.CLOSED, 1_000, 0, null);

    assertRefused(() -> account.pay(meal(100), NO_RULE, NOW, journals), PaymentRefused.Reason.ACCOUNT_CLOSED);
  }

  @Test
  void aLostCardIsRefusedOnAnActiveAccount() {
    LockedAccount account = activeWithCash(1_000);

    assertRefused(() -> account.pay(atTerminal(100, false, CredentialStatus.LOST), NO_RULE, NOW, journals),
        PaymentRefused.Reason.CARD_LOST);
  }

  @Test
  void aLostCardOnAFrozenAccountIsRefusedAsLost() {
    LockedAccount account = account(AccountStatus.FROZEN, 1_000, 0, null);

    assertRefused(() -> account.pay(atTerminal(100, false, CredentialStatus.LOST), NO_RULE, NOW, journals),
        PaymentRefused.Reason.CARD_LOST);
  }

  @Test
  void aClosedAccountIsRefusedAsClosedWhateverTheCard() {
    LockedAccount account = account(AccountStatus.CLOSED, 1_000, 0, null);

    assertRefused(() -> account.pay(atTerminal(100, false, CredentialStatus.REVOKED), NO_RULE, NOW, journals),
        PaymentRefused.Reason.ACCOUNT_CLOSED);
  }

  @Test
  void aPaymentBeyondTheBalanceIsRefusedNamingBalanceAndAmount() {
    LockedAccount account = activeWith(300, 100);

    assertThatThrownBy(() -> account.pay(meal(500), NO_RULE, NOW, journals))
        .isInstanceOfSatisfying(PaymentRefused.class, refused -> {
          assertThat(refused.reason()).isEqualTo(PaymentRefused.Reason.INSUFFICIENT_BALANCE);
          assertThat(refused.arguments()).containsExactly("4.00", "5.00");
        });
  }

  @Test
  void aRefusedPaymentMovesNoMoneyAndRecordsNothing() {
    LockedAccount account = activeWithCash(300);

    assertRefused(() -> account.pay(meal(500), NO_RULE, NOW, journals), PaymentRefused.Reason.INSUFFICIENT_BALANCE);

    assertThat(account.balanceFen()).isEqualTo(300);
    assertThat(account.spentOn(TODAY)).isZero();
    assertThat(journals.entries).isEmpty();
  }

  @Test
  void aPaymentPastTheDailyLimitIsRefusedNamingLimitAndSpent() {
    LockedAccount account = activeWithCash(10_000);
    account.pay(meal(2_500), rule(null, 3_000L), NOW, journals);

    assertThatThrownBy(() -> account.pay(meal(600), rule(null, 3_000L), NOW, journals))
        .isInstanceOfSatisfying(PaymentRefused.class, refused -> {
          assertThat(refused.reason()).isEqualTo(PaymentRefused.Reason.DAILY_LIMIT_REACHED);
          assertThat(refused.arguments()).containsExactly("30.00", "25.00");
        });
    assertThat(account.pay(meal(500), rule(null, 3_000L), NOW, journals).balanceAfterFen()).isEqualTo(7_000);
  }

  @Test
  void yesterdaysSpendingDoesNotCountTowardsTodaysLimit() {
    LockedAccount account = activeWithCash(10_000);
    account.pay(meal(2_500, NOW.minusSeconds(86_400)), rule(null, 3_000L), NOW, journals);

    assertThat(account.spentOn(TODAY)).isZero();
    assertThat(account.pay(meal(2_500), rule(null, 3_000L), NOW, journals).amountFen()).isEqualTo(2_500);
  }

  @Test
  void aLateOfflinePaymentOfAnEarlierDayDoesNotResetTodaysSpending() {
    LockedAccount account = activeWithCash(10_000);
    account.pay(meal(1_000), NO_RULE, NOW, journals);

    var lateCharge = new MealCharge(700, IdempotencyKey.ofTerminal("YX-T01", "late"), JournalChannel.OFFLINE, 3L,
        "YX-T01", null, NOW.minusSeconds(86_400), "terminal", true, CredentialStatus.ACTIVE);
    account.pay(lateCharge, NO_RULE, NOW, journals);

    assertThat(account.spentOn(TODAY)).isEqualTo(1_000);
  }

  @Test
  void anOfflinePaymentThatOverdrawsIsRecordedAndFlagged() {
    LockedAccount account = activeWithCash(300);

    Payment payment = account.pay(atTerminal(500, true, CredentialStatus.ACTIVE), NO_RULE, NOW, journals);

    assertThat(payment.flag()).isEqualTo("INSUFFICIENT_BALANCE");
    assertThat(payment.channel()).isEqualTo("OFFLINE");
    assertThat(account.cashFen()).isEqualTo(-200);
  }

  @Test
  void anOfflinePaymentOnAFrozenAccountIsRecordedAndFlaggedFrozen() {
    LockedAccount account = account(AccountStatus.FROZEN, 1_000, 0, null);

    Payment payment = account.pay(atTerminal(500, true, CredentialStatus.ACTIVE), NO_RULE, NOW, journals);

    assertThat(payment.flag()).isEqualTo("CARD_FROZEN");
    assertThat(account.cashFen()).isEqualTo(500);
  }

  @Test
  void aSubsidyThatFellDueExpiresBeforeAPaymentEvenWhenThePaymentIsRefused() {
    LockedAccount account = account(AccountStatus.ACTIVE, 100, 400, TODAY.minusDays(1));

    assertRefused(() -> account.pay(meal(300), NO_RULE, NOW, journals), PaymentRefused.Reason.INSUFFICIENT_BALANCE);

    assertThat(account.subsidyFen()).isZero();
    assertThat(account.subsidyExpiresOn()).isNull();
    assertThat(journals.kinds()).containsExactly(JournalKind.SUBSIDY_EXPIRY);
    assertThat(journals.entries.get(0).recordedBy()).isEqualTo(CanteenAccounts.SYSTEM);
  }

  // ---------------------------------------------------------------- refunding

  @Test
  void aRefundPaysBackExactlyWhatThePaymentTookFromEachWallet() {
    LockedAccount account = activeWith(1_000, 300);
    Payment payment = account.pay(meal(500), NO_RULE, NOW, journals);

    Payment refund = account.refund(payment, false, JournalChannel.MANAGER, IdempotencyKey.ofUser("m", "r"), "售罄",
        "m", NOW, journals);

    assertThat(refund.kind()).isEqualTo("REFUND");
    assertThat(refund.amountFen()).isEqualTo(500);
    assertThat(refund.subsidyFen()).isEqualTo(300);
    assertThat(refund.cashFen()).isEqualTo(200);
    assertThat(refund.refundsPaymentId()).isEqualTo(payment.id());
    assertThat(account.cashFen()).isEqualTo(1_000);
    assertThat(account.subsidyFen()).isEqualTo(300);
  }

  @Test
  void subsidyWhosePeriodHasPassedIsNotRefundedAsCash() {
    LockedAccount account = account(AccountStatus.ACTIVE, 1_000, 300, TODAY);
    Payment payment = account.pay(meal(500), NO_RULE, NOW, journals);
    Instant nextMonth = NOW.plusSeconds(31L * 86_400);

    Payment refund = account.refund(payment, false, JournalChannel.MANAGER, IdempotencyKey.ofUser("m", "r"), "售罄",
        "m", nextMonth, journals);

    assertThat(refund.subsidyFen()).isZero();
    assertThat(refund.cashFen()).isEqualTo(200);
    assertThat(account.subsidyFen()).isZero();
    assertThat(account.cashFen()).isEqualTo(1_000);
  }

  @Test
  void onlyAMealPaymentIsRefundable() {
    LockedAccount account = activeWithCash(0);
    Payment topUp = account.topUp(1_000, IdempotencyKey.ofUser("m", "t"), JournalChannel.COUNTER, "柜台充值", "m", NOW,
        journals);

    assertConflict(() -> account.refund(topUp, false, JournalChannel.MANAGER, IdempotencyKey.ofUser("m", "r"), "错",
        "m", NOW, journals), "canteen.notRefundable");
  }

  @Test
  void aPaymentIsRefundedAtMostOnce() {
    LockedAccount account = activeWithCash(1_000);
    Payment payment = account.pay(meal(500), NO_RULE, NOW, journals);

    assertConflict(() -> account.refund(payment, true, JournalChannel.MANAGER, IdempotencyKey.ofUser("m", "r"), "再退",
        "m", NOW, journals), "canteen.alreadyRefunded");
    assertThat(account.cashFen()).isEqualTo(500);
  }

  @Test
  void aClosedAccountTakesNoRefund() {
    LockedAccount open = activeWithCash(1_000);
    Payment payment = open.pay(meal(500), NO_RULE, NOW, journals);
    LockedAccount closed = account(AccountStatus.CLOSED, 0, 0, null);

    assertConflict(() -> closed.refund(payment, false, JournalChannel.MANAGER, IdempotencyKey.ofUser("m", "r"), "退",
        "m", NOW, journals), "canteen.accountClosed");
  }

  // ---------------------------------------------------------------- top-ups and corrections

  @Test
  void aTopUpAddsToTheCashWallet() {
    LockedAccount account = activeWith(200, 300);

    Payment topUp = account.topUp(1_000, IdempotencyKey.ofProvider("sandbox", "CZ1"), JournalChannel.ONLINE,
        "在线充值 CZ1", "payment:sandbox", NOW, journals);

    assertThat(topUp.kind()).isEqualTo("TOP_UP");
    assertThat(topUp.cashFen()).isEqualTo(1_000);
    assertThat(topUp.subsidyFen()).isZero();
    assertThat(topUp.balanceAfterFen()).isEqualTo(1_500);
  }

  @Test
  void aFrozenAccountMayStillBeToppedUp() {
    LockedAccount account = account(AccountStatus.FROZEN, 0, 0, null);

    account.topUp(500, IdempotencyKey.ofUser("m", "t"), JournalChannel.COUNTER, "柜台充值", "m", NOW, journals);

    assertThat(account.cashFen()).isEqualTo(500);
  }

  @Test
  void aClosedAccountTakesNoTopUp() {
    LockedAccount account = account(AccountStatus.CLOSED, 0, 0, null);

    assertConflict(() -> account.topUp(500, IdempotencyKey.ofUser("m", "t"), JournalChannel.COUNTER, "柜台充值", "m",
        NOW, journals), "canteen.accountClosed");
  }

  @Test
  void aCorrectionMovesTheCashWalletByItsSignedAmount() {
    LockedAccount account = activeWithCash(1_000);

    Payment correction = account.correct(-300, IdempotencyKey.ofUser("m", "c"), "多充", "m", NOW, journals);

    assertThat(correction.kind()).isEqualTo("CORRECTION");
    assertThat(correction.amountFen()).isEqualTo(300);
    assertThat(correction.cashFen()).isEqualTo(-300);
    assertThat(account.cashFen()).isEqualTo(700);
  }

  @Test
  void aCorrectionMayNotOverdrawTheCashWallet() {
    LockedAccount account = activeWith(1_000, 500);

    assertThatThrownBy(() -> account.correct(-1_001, IdempotencyKey.ofUser("m", "c"), "多充", "m", NOW, journals))
        .isInstanceOfSatisfying(BusinessRuleException.class, refused -> {
          assertThat(refused.messageKey()).isEqualTo("canteen.correctionOverdraws");
          assertThat(refused.arguments()).containsExactly("10.00");
        });
    assertThat(account.cashFen()).isEqualTo(1_000);
  }

  @Test
  void aClosedAccountTakesNoCorrection() {
    LockedAccount account = account(AccountStatus.CLOSED, 0, 0, null);

    assertConflict(() -> account.correct(100, IdempotencyKey.ofUser("m", "c"), "补", "m", NOW, journals),
        "canteen.accountClosed");
  }

  // ---------------------------------------------------------------- subsidies

  @Test
  void aMonthlySubsidyExpiresAtTheMonthsEnd() {
    LockedAccount account = activeWithCash(0);

    Payment grant = account.grantSubsidy(YearMonth.of(2026, 3), 30_000, IdempotencyKey.ofPlatform("s"), "m", NOW,
        journals).orElseThrow();

    assertThat(grant.subsidyFen()).isEqualTo(30_000);
    assertThat(grant.description()).isEqualTo("2026-03 月度补贴");
    assertThat(account.subsidyExpiresOn()).isEqualTo(LocalDate.of(2026, 3, 31));
  }

  @Test
  void leftoverSubsidyOfAnEarlierMonthExpiresBeforeTheNewMonthsGrant() {
    LockedAccount account = account(AccountStatus.ACTIVE, 0, 4_000, LocalDate.of(2026, 2, 28));

    account.grantSubsidy(YearMonth.of(2026, 3), 30_000, IdempotencyKey.ofPlatform("s"), "m", NOW, journals);

    assertThat(journals.kinds()).containsExactly(JournalKind.SUBSIDY_EXPIRY, JournalKind.SUBSIDY_GRANT);
    assertThat(account.subsidyFen()).isEqualTo(30_000);
  }

  @Test
  void aGrantNeverShortensALaterExpiry() {
    LockedAccount account = account(AccountStatus.ACTIVE, 0, 1_000, LocalDate.of(2026, 4, 30));

    account.grantSubsidy(YearMonth.of(2026, 3), 30_000, IdempotencyKey.ofPlatform("s"), "m", NOW, journals);

    assertThat(account.subsidyExpiresOn()).isEqualTo(LocalDate.of(2026, 4, 30));
  }

  @Test
  void aClosedAccountOrACategoryWithoutSubsidyIsGrantedNothing() {
    LockedAccount closed = account(AccountStatus.CLOSED, 0, 0, null);
    LockedAccount visitor = activeWithCash(0);

    assertThat(closed.grantSubsidy(YearMonth.of(2026, 3), 30_000, IdempotencyKey.ofPlatform("s"), "m", NOW, journals))
        .isEmpty();
    assertThat(visitor.grantSubsidy(YearMonth.of(2026, 3), 0, IdempotencyKey.ofPlatform("v"), "m", NOW, journals))
        .isEmpty();
    assertThat(journals.entries).isEmpty();
  }

  @Test
  void aSubsidyStaysSpendableOnItsLastDayAndExpiresTheDayAfter() {
    LockedAccount account = account(AccountStatus.ACTIVE, 0, 500, TODAY);

    assertThat(account.expireSubsidyIfDue(TODAY, NOW, journals)).isFalse();
    assertThat(account.expireSubsidyIfDue(TODAY.plusDays(1), NOW, journals)).isTrue();
    assertThat(account.subsidyFen()).isZero();
    assertThat(account.expireSubsidyIfDue(TODAY.plusDays(2), NOW, journals)).as("nothing left to expire").isFalse();
  }

  // ---------------------------------------------------------------- freezing and cards

  @Test
  void aLostCardFreezesAnActiveAccount() {
    LockedAccount account = activeWithCash(0);

    assertThat(account.freeze()).isTrue();
    assertThat(account.status()).isEqualTo(AccountStatus.FROZEN);
  }

  @Test
  void freezingAFrozenAccountAgainChangesNothing() {
    assertThat(account(AccountStatus.FROZEN, 0, 0, null).freeze()).isFalse();
  }

  @Test
  void aClosedAccountCannotBeFrozen() {
    assertConflict(() -> account(AccountStatus.CLOSED, 0, 0, null).freeze(), "canteen.accountClosed");
  }

  @Test
  void unfreezingMakesAFrozenAccountActive() {
    LockedAccount account = account(AccountStatus.FROZEN, 0, 0, null);

    account.unfreeze();

    assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
  }

  @Test
  void onlyAFrozenAccountCanBeUnfrozen() {
    assertConflict(() -> activeWithCash(0).unfreeze(), "canteen.notFrozen");
    assertConflict(() -> account(AccountStatus.CLOSED, 0, 0, null).unfreeze(), "canteen.notFrozen");
  }

  @Test
  void aNewCardUnfreezesTheAccountAndKeepsItsBalance() {
    LockedAccount account = account(AccountStatus.FROZEN, 1_200, 300, TODAY);

    account.replaceCard();

    assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
    assertThat(account.balanceFen()).isEqualTo(1_500);
  }

  @Test
  void aClosedAccountGetsNoNewCardOrCredential() {
    LockedAccount account = account(AccountStatus.CLOSED, 0, 0, null);

    assertConflict(account::replaceCard, "canteen.accountClosed");
    assertConflict(account::requireOpen, "canteen.accountClosed");
  }

  // ---------------------------------------------------------------- settling and closing

  @Test
  void closingPaysOutTheCashAndExpiresTheSubsidy() {
    LockedAccount account = account(AccountStatus.FROZEN, 1_200, 300, TODAY);

    LockedAccount.Settlement settled = account.settleAndClose("退休", "m", NOW, journals);

    assertThat(settled).isEqualTo(new LockedAccount.Settlement(AccountStatus.FROZEN, 1_200, 300));
    assertThat(journals.kinds()).containsExactly(JournalKind.SUBSIDY_EXPIRY, JournalKind.SETTLEMENT);
    assertThat(journals.entries.get(1).description()).isEqualTo("销户结算退款：退休");
    assertThat(account.balanceFen()).isZero();
    assertThat(account.status()).isEqualTo(AccountStatus.CLOSED);
    assertThat(account.closedAt()).isEqualTo(NOW);
  }

  @Test
  void closingAnEmptyAccountRecordsNoJournal() {
    LockedAccount account = activeWithCash(0);

    account.settleAndClose("调出", "m", NOW, journals);

    assertThat(journals.entries).isEmpty();
    assertThat(account.status()).isEqualTo(AccountStatus.CLOSED);
  }

  @Test
  void anOverdrawnAccountMustBeSettledBeforeItCloses() {
    LockedAccount account = activeWithCash(-250);

    assertThatThrownBy(() -> account.settleAndClose("退休", "m", NOW, journals))
        .isInstanceOfSatisfying(ConflictException.class, refused -> {
          assertThat(refused.messageKey()).isEqualTo("canteen.closeOverdrawn");
          assertThat(refused.arguments()).containsExactly("2.50");
        });
    assertThat(account.status()).isEqualTo(AccountStatus.ACTIVE);
  }

  @Test
  void aClosedAccountCannotCloseAgain() {
    assertConflict(() -> account(AccountStatus.CLOSED, 0, 0, null).settleAndClose("再销", "m", NOW, journals),
        "canteen.accountClosed");
  }

  // ---------------------------------------------------------------- the hash chain

  @Test
  void everyWalletPostingTakesTheNextPlaceInTheHashChain() {
    LockedAccount account = activeWith(1_000, 300);

    account.pay(meal(500), NO_RULE, NOW, journals);

    assertThat(account.entryCount()).as("a subsidy and a cash posting").isEqualTo(2);
    assertThat(account.lastHash()).isNotEqualTo(Ledger.GENESIS).hasSize(64);
  }
}
