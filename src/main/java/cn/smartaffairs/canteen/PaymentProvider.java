package cn.smartaffairs.canteen;

import java.time.Instant;
import org.springframework.http.HttpHeaders;

/**
 * 支付机构: where a holder pays for an online top-up order, and who then confirms the payment by a signed notification
 * to {@code POST /api/v1/canteen/payments/notify/{name}}. The platform ships one, the sandbox (演示支付, no real
 * money). A real gateway — UnionPay, WeChat Pay or Alipay style — plugs in as another implementation: {@link #start}
 * calls its "create order" API and answers its cashier page (or QR content), {@link #verify} checks its signature
 * over the notification (RSA/SM2 with the gateway's certificate, or an HMAC with the merchant key) and reads its
 * fields. Nothing is credited anywhere else.
 */
interface PaymentProvider {

  /** The name in the notify URL and in the order's {@code provider} column, e.g. {@code sandbox}. */
  String name();

  /** Whether payments here are a demonstration (no real money); the pages label them so. */
  boolean isDemo();

  /** Starts the payment of a new order: where the payer goes to pay (a page of ours or the gateway's cashier). */
  PaymentStart start(TopUpOrder order);

  /**
   * Checks a notification's signature over its exact body and reads it.
   *
   * @throws InvalidNotification when the signature is missing or wrong or the body is not a notification
   */
  PaymentNotification verify(String body, HttpHeaders headers);

  /** Where the payer is sent to pay. */
  record PaymentStart(String redirectTo) {}

  /** What a genuine notification says: which order, how much was paid, when, and the provider's transaction id. */
  record PaymentNotification(String orderNo, long amountFen, Instant paidAt, String transactionId) {}

  /** A notification whose signature or form is wrong: it credits nothing and is audited. */
  class InvalidNotification extends RuntimeException {
    InvalidNotification(String why) {
      super(why);
    }
  }
}
