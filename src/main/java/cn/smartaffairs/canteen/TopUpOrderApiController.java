package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.ApiLocale;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** 在线充值: a holder's payment orders, and the payment providers' signed notifications that credit them. */
@RestController
@Tag(name = "食堂 Online top-up orders")
@SecurityRequirement(name = "bearer")
class TopUpOrderApiController {

  private final TopUpOrders orders;
  private final MessageSource messages;

  TopUpOrderApiController(TopUpOrders orders, MessageSource messages) {
    this.orders = orders;
    this.messages = messages;
  }

  record OrderRequest(Long amountFen) {}

  @PostMapping("/api/v1/canteen/my/top-up-orders")
  @Operation(summary = "在线充值下单 The holder creates a payment order for their own account", description = "201 with the PENDING order and payAt, where the payer goes to pay (the sandbox's 演示支付 page in "
      + "the demo). Nothing is credited until the provider confirms the payment by its signed notification. 400 "
      + "naming the limit when amountFen passes the region's per-top-up or per-day limit (rule table, "
      + "/canteen/rules), or when online payment is not enabled; 404 without an own canteen account.")
  ResponseEntity<TopUpOrders.OrderView> create(@RequestBody OrderRequest request) {
    var started = orders.create(CurrentUsers.current(), request == null || request.amountFen() == null
        ? 0
        : request.amountFen());
    return ResponseEntity.created(URI.create("/api/v1/canteen/my/top-up-orders/" + started.order().orderNo()))
        .body(started.order());
  }

  @GetMapping("/api/v1/canteen/my/top-up-orders")
  @Operation(summary = "我的充值订单 The holder's own orders, newest first (PENDING, PAID, EXPIRED, CANCELLED)")
  List<TopUpOrders.OrderView> mine() {
    return orders.mine(CurrentUsers.current(), 50);
  }

  @GetMapping("/api/v1/canteen/my/top-up-orders/{orderNo}")
  @Operation(summary = "充值订单 One of the holder's own orders (404 for anyone else's)")
  TopUpOrders.OrderView one(@PathVariable String orderNo) {
    return orders.mine(CurrentUsers.current(), orderNo);
  }

  @PostMapping("/api/v1/canteen/my/top-up-orders/{orderNo}/cancel")
  @Operation(summary = "取消充值订单 The holder cancels a PENDING order (409-like 400 for any other state)")
  TopUpOrders.OrderView cancel(@PathVariable String orderNo) {
    return orders.cancel(CurrentUsers.current(), orderNo);
  }

  @PostMapping("/api/v1/canteen/payments/notify/{provider}")
  @SecurityRequirements
  @Operation(summary = "支付结果通知 A payment provider confirms a payment (no sign-in: the signature is the "
      + "authentication)", description = "The provider's signed notification, body exactly as signed (the sandbox: JSON {orderNo, amountFen, "
          + "paidAt, transactionId} with its HMAC-SM3 in the X-Sandbox-Signature header). 200 {result: CREDITED} "
          + "credits the order once; the same notification again answers 200 {result: REPLAYED} and credits nothing; "
          + "a genuine payment the order can no longer take (expired, cancelled, already paid by another "
          + "transaction) answers 200 {result: REFUND_DUE}, credits nothing and is recorded for a refund through the "
          + "provider. A wrong or missing signature, an unknown order, or an amount other than the order's answers "
          + "400 with reason BAD_SIGNATURE, UNKNOWN_ORDER, AMOUNT_MISMATCH, WRONG_PROVIDER or "
          + "INCOMPLETE_NOTIFICATION, credits nothing and is audited; 404 for an unknown provider.")
  ResponseEntity<?> notify(@PathVariable String provider, @RequestBody(required = false) String body,
      @RequestHeader HttpHeaders headers, HttpServletRequest request) {
    TopUpOrders.NotifyOutcome outcome = orders.handleNotification(provider, body, headers);
    if (outcome.result() == TopUpOrders.Result.REJECTED) {
      var refusal = outcome.refusal();
      var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, messages.getMessage(
          refusal.messageKey(), refusal.arguments(), refusal.messageKey(), ApiLocale.of(request)));
      problem.setProperty("reason", refusal.reason().name());
      problem.setProperty("code", refusal.messageKey());
      return ResponseEntity.badRequest().body(problem);
    }
    return ResponseEntity.ok(Map.of("result", outcome.result().name(),
        "orderNo", outcome.orderNo() == null ? "" : outcome.orderNo()));
  }
}
