package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ApiLocale;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 食堂: terminal payments, offline batches, accounts, top-ups, refunds and the ledger check. */
@RestController
@Tag(name = "食堂 Canteen accounts and payments")
@SecurityRequirement(name = "bearer")
class CanteenApiController {

  private final CanteenAccounts accounts;
  private final AccountLifecycle lifecycle;
  private final AccountFunding funding;
  private final MealPayments mealPayments;
  private final TerminalPayments payments;
  private final LedgerCheck ledgerCheck;
  private final OverdraftFlags overdrafts;
  private final MessageSource messages;

  CanteenApiController(CanteenAccounts accounts, AccountLifecycle lifecycle, AccountFunding funding,
      MealPayments mealPayments, TerminalPayments payments, LedgerCheck ledgerCheck,
      OverdraftFlags overdrafts, MessageSource messages) {
    this.accounts = accounts;
    this.lifecycle = lifecycle;
    this.funding = funding;
    this.mealPayments = mealPayments;
    this.payments = payments;
    this.ledgerCheck = ledgerCheck;
    this.overdrafts = overdrafts;
    this.messages = messages;
  }

  @PostMapping("/api/v1/canteen/payments")
  @Operation(summary = "刷卡/扫码支付 A terminal's payment (API key with scope canteen:payments, or a canteen manager)", description = "credential is a card number or QR token; leave amountFen out for a fixed-price meal (price rules by "
      + "meal period and staff category). 201 with the payment and the new balance (balanceAfterFen); the same "
      + "idempotencyKey again answers 200 with the original payment and charges nothing. 422 with reason "
      + "INSUFFICIENT_BALANCE, CARD_FROZEN, CARD_LOST, ACCOUNT_CLOSED, DAILY_LIMIT_REACHED, UNKNOWN_CREDENTIAL, "
      + "UNKNOWN_TERMINAL or NO_MEAL_PERIOD. 400 for a missing or reserved idempotencyKey (subsidy:, "
      + "canteen-preorder-, web-) or a bad amount. The answer comes once the payment is committed; at a peak, "
      + "payments arriving together are committed together (ADR 0009).")
  ResponseEntity<Payment> pay(@RequestBody TerminalPayments.PaymentRequest request) {
    Payment payment = payments.pay(request, CurrentUsers.current());
    return created(payment);
  }

  @PostMapping("/api/v1/canteen/payments/offline-batch")
  @Operation(summary = "离线流水上传 Payments a terminal took while offline", description = "Each item {terminalId, credential, amountFen, idempotencyKey, paidAt}. Keys already recorded answer "
      + "DUPLICATE and charge nothing; payments that overdraw or use a frozen card are recorded and FLAGGED for a "
      + "manager; unknown cards are REJECTED. At most 1000 items.")
  TerminalPayments.OfflineBatchResult offlineBatch(@RequestBody List<TerminalPayments.OfflinePayment> items) {
    return payments.offlineBatch(items, CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/payments/{id}/refunds")
  @Operation(summary = "退款 Refund a meal payment in full (canteen managers; holders their own pre-order charges)")
  ResponseEntity<Payment> refund(@PathVariable long id, @RequestBody RefundRequest request) {
    return created(mealPayments.refund(id, IdempotencyKey.requireClientKey(request.idempotencyKey()), request.reason(),
        CurrentUsers.current()));
  }

  @GetMapping("/api/v1/canteen/accounts")
  @Operation(summary = "食堂账户列表 Accounts in the caller's scope", description = "q matches the holder's name or a card.")
  Page<CanteenAccount> accounts(@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size,
      @RequestParam(required = false) String q) {
    return accounts.accounts(CurrentUsers.current(), q, page, size);
  }

  @GetMapping("/api/v1/canteen/accounts/mine")
  @Operation(summary = "我的食堂账户 The caller's own account with its recent entries")
  AccountDetail mine() {
    var user = CurrentUsers.current();
    CanteenAccount account = user.staffId() == null ? null : accounts.accountOfStaff(user.staffId()).orElse(null);
    if (account == null) {
      throw new cn.smartaffairs.platform.NotFoundException("canteenAccount", "mine");
    }
    return detail(account.id());
  }

  @GetMapping("/api/v1/canteen/accounts/{id}")
  @Operation(summary = "账户详情 An account's balance and its recent entries")
  AccountDetail account(@PathVariable long id) {
    return detail(id);
  }

  @PostMapping("/api/v1/canteen/accounts/{id}/top-ups")
  @Operation(summary = "柜台充值 Counter top-up by a canteen manager of the account's region", description = "201 with the top-up; the same idempotencyKey of the same manager again answers 200 with the "
      + "original; that key with another account, operation or amount answers 409 naming it. A holder cannot "
      + "credit their own account here (400): they create a payment order (POST /api/v1/canteen/my/top-up-orders), credited once the provider confirms the payment.")
  ResponseEntity<Payment> topUp(@PathVariable long id, @RequestBody TopUpRequest request) {
    long amount = request.amountFen() == null ? 0 : request.amountFen();
    var user = CurrentUsers.current();
    if (!CanteenAccounts.manages(user, accounts.account(id, user).regionId())) {
      // a holder's own money comes only through a confirmed payment, never by saying so (issue 12, section 2)
      throw new BusinessRuleException("canteen.ownTopUpNeedsOrder");
    }
    return created(funding.topUp(id, amount, IdempotencyKey.requireClientKey(request.idempotencyKey()), user));
  }

  @PostMapping("/api/v1/canteen/accounts/{id}/freeze")
  @Operation(summary = "挂失冻结 Freeze an account at once (its holder or a canteen manager)")
  CanteenAccount freeze(@PathVariable long id) {
    return lifecycle.freeze(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/canteen/ledger-check")
  @Operation(summary = "对账 Check that every balance in the caller's regions is the sum of its entries and every "
      + "hash chain and journal is intact")
  LedgerCheck.Result ledgerCheck() {
    return ledgerCheck.check(CurrentUsers.current());
  }

  @GetMapping("/api/v1/canteen/overdrafts")
  @Operation(summary = "透支标记 Flagged offline payments not yet resolved")
  List<OverdraftFlags.Flag> overdrafts() {
    return overdrafts.open(CurrentUsers.current());
  }

  record TopUpRequest(Long amountFen, String idempotencyKey) {}

  record RefundRequest(String idempotencyKey, String reason) {}

  /** An account with its latest entries. */
  record AccountDetail(long id, Long staffId, String cardNo, long balanceFen, long cashFen, long subsidyFen,
      LocalDate subsidyExpiresOn, String holderName, String category, String status,
      List<Payment> entries) {}

  private AccountDetail detail(long id) {
    var user = CurrentUsers.current();
    CanteenAccount account = accounts.account(id, user);
    return new AccountDetail(account.id(), account.staffId(), account.cardNo(), account.balanceFen(),
        account.cashFen(), account.subsidyFen(), account.subsidyExpiresOn(), account.holderName(), account.category(),
        account.status(), accounts.entries(id, 20, user));
  }

  private static ResponseEntity<Payment> created(Payment payment) {
    if (payment.replayed()) {
      return ResponseEntity.ok(payment);
    }
    return ResponseEntity.created(URI.create("/api/v1/canteen/payments/" + payment.id())).body(payment);
  }

  /** A refused payment is 422 with a machine-readable reason and a message in the caller's language. */
  @ExceptionHandler(PaymentRefused.class)
  ProblemDetail refused(PaymentRefused refused, HttpServletRequest request) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY, messages.getMessage(
        refused.messageKey(), refused.arguments(), refused.messageKey(), ApiLocale.of(request)));
    problem.setProperty("reason", refused.reason().name());
    problem.setProperty("code", refused.messageKey());
    return problem;
  }
}
