package cn.smartaffairs.canteen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 在线充值: a holder's online top-up as a payment order. The holder creates it (within the region's top-up limits, a
 * rule table) and pays at the provider; the account is credited only in {@link #handleNotification}, when the provider
 * confirms the payment by a signed notification for exactly the order's amount while the order is PENDING and within
 * its lifetime. The order row is locked while it is handled and it records the one journal that credited it (unique),
 * and that journal's idempotency key is the order number in the provider's scope: a replayed notification, even one
 * racing the first, credits nothing. Unpaid orders expire (a scheduled job). Every move of an order and every
 * notification that credits nothing is audited.
 */
@Service
class TopUpOrders {

  private static final DateTimeFormatter ORDER_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

  /** What a handled notification did: credited the order, was a replay, found a payment owed back, or was refused. */
  enum Result {
    CREDITED, REPLAYED, REFUND_DUE, REJECTED
  }

  record NotifyOutcome(Result result, String orderNo, TopUpOrderRefused refusal, Payment credit) {}

  /** An order as the holder and the API see it. */
  record OrderView(String orderNo, long accountId, long amountFen, TopUpOrder.State state, String provider,
      boolean demo, Instant createdAt, Instant expiresAt, Instant paidAt, Long journalId,
      String payAt) {}

  /** A new order and where its payer goes to pay. */
  record Started(OrderView order, String redirectTo) {}

  private final JdbcClient jdbc;
  private final CanteenAccounts accounts;
  private final AccountFunding funding;
  private final CanteenRules rules;
  private final AuditTrail audit;
  private final TransactionTemplate transaction;
  private final Clock clock;
  private final Map<String, PaymentProvider> providers;
  private final SecureRandom random = new SecureRandom();

  TopUpOrders(JdbcClient jdbc, CanteenAccounts accounts, AccountFunding funding, CanteenRules rules, AuditTrail audit,
      PlatformTransactionManager transactions, Clock clock, List<PaymentProvider> providers) {
    this.jdbc = jdbc;
    this.accounts = accounts;
    this.funding = funding;
    this.rules = rules;
    this.audit = audit;
    this.transaction = new TransactionTemplate(transactions);
    this.clock = clock;
    this.providers = providers.stream().collect(Collectors.toMap(PaymentProvider::name, Function.identity()));
  }

  /** The provider new orders go to, if online payment is enabled at all (the sandbox in the demo run). */
  Optional<PaymentProvider> activeProvider() {
    return providers.values().stream().findFirst();
  }

  Optional<PaymentProvider> provider(String name) {
    return Optional.ofNullable(name == null ? null : providers.get(name));
  }

  // ---------------------------------------------------------------- the holder's side

  /**
   * The holder creates an order for their own account: refused when online payment is not enabled, the amount is not
   * positive, or it would pass the region's per-top-up or per-day limit (pending and paid orders of the day count).
   * Audited.
   */
  Started create(CurrentUser holder, long amountFen) {
    PaymentProvider provider = activeProvider()
        .orElseThrow(() -> new BusinessRuleException("canteen.onlineTopUpNeedsPayment"));
    if (amountFen <= 0) {
      throw new BusinessRuleException("canteen.amountInvalid");
    }
    CanteenAccount account = accountOf(holder);
    if (account.closed()) {
      throw new BusinessRuleException("canteen.accountClosed");
    }
    return transaction.execute(status -> {
      Instant now = clock.instant();
      LocalDate today = now.atZone(PlatformConfiguration.ZONE).toLocalDate();
      CanteenRules.TopUpRule rule = rules.topUpRule(account.regionId(), today);
      if (amountFen > rule.maxPerTopUpFen()) {
        throw new BusinessRuleException("canteen.topUpOrder.overPerTopUp", CanteenAccounts.yuan(rule.maxPerTopUpFen()));
      }
      // the account row lock serialises two orders of one holder, so together they cannot pass the day's limit
      jdbc.sql("select id from canteen_account where id = :id for update").param("id", account.id())
          .query(Long.class).single();
      long ordered = jdbc.sql("""
          select coalesce(sum(amount_fen), 0) from canteen_topup_order
           where account_id = :account and state in ('PENDING', 'PAID') and created_at >= :from and created_at < :to""")
          .param("account", account.id())
          .param("from", Timestamp.from(today.atStartOfDay(PlatformConfiguration.ZONE).toInstant()))
          .param("to", Timestamp.from(today.plusDays(1).atStartOfDay(PlatformConfiguration.ZONE).toInstant()))
          .query(Long.class).single();
      if (ordered + amountFen > rule.maxPerDayFen()) {
        throw new BusinessRuleException("canteen.topUpOrder.overPerDay", CanteenAccounts.yuan(rule.maxPerDayFen()),
            CanteenAccounts.yuan(ordered));
      }
      String orderNo = "CZ" + ORDER_TIME.format(now.atZone(PlatformConfiguration.ZONE))
          + String.format("%06d", random.nextInt(1_000_000));
      Instant expiresAt = now.plusSeconds(60L * rule.orderLifetimeMinutes());
      jdbc.sql("""
          insert into canteen_topup_order (order_no, account_id, region_id, amount_fen, state, provider, created_by,
                                           created_at, expires_at)
          values (:no, :account, :region, :amount, 'PENDING', :provider, :by, :now, :expires)""")
          .param("no", orderNo).param("account", account.id()).param("region", account.regionId())
          .param("amount", amountFen).param("provider", provider.name()).param("by", holder.getUsername())
          .param("now", Timestamp.from(now)).param("expires", Timestamp.from(expiresAt)).update();
      TopUpOrder order = lock(orderNo).orElseThrow();
      audit.record(AuditEntry.created("canteen_topup_order", orderNo, account.regionId(), state(order)));
      return new Started(view(order), provider.start(order).redirectTo());
    });
  }

  /** The holder's own orders, newest first. */
  List<OrderView> mine(CurrentUser holder, int limit) {
    CanteenAccount account = accountOf(holder);
    return jdbc.sql("select * from canteen_topup_order where account_id = :account order by id desc limit :limit")
        .param("account", account.id()).param("limit", Math.max(1, Math.min(limit, 200)))
        .query(TopUpOrders::order).list().stream().map(this::view).toList();
  }

  /** One of the holder's own orders (404 for anyone else's). */
  OrderView mine(CurrentUser holder, String orderNo) {
    return view(own(holder, orderNo));
  }

  /** The order as the provider's page needs it, the holder's own only. */
  TopUpOrder own(CurrentUser holder, String orderNo) {
    CanteenAccount account = accountOf(holder);
    return jdbc.sql("select * from canteen_topup_order where order_no = :no and account_id = :account")
        .param("no", orderNo).param("account", account.id()).query(TopUpOrders::order).optional()
        .orElseThrow(() -> new NotFoundException("canteenTopUpOrder", orderNo));
  }

  /** The holder gives up a pending order. Audited. */
  OrderView cancel(CurrentUser holder, String orderNo) {
    own(holder, orderNo);
    return transaction.execute(status -> {
      TopUpOrder order = lock(orderNo).orElseThrow();
      Map<String, Object> before = state(order);
      order.cancel(clock.instant());
      save(order);
      audit.record(new AuditEntry("CANCEL", "canteen_topup_order", orderNo, order.regionId, before, state(order)));
      return view(order);
    });
  }

  private CanteenAccount accountOf(CurrentUser holder) {
    if (holder.staffId() == null || holder.isApiKey()) {
      throw new NotFoundException("canteenAccount", "mine");
    }
    return accounts.accountOfStaff(holder.staffId())
        .orElseThrow(() -> new NotFoundException("canteenAccount", "mine"));
  }

  // ---------------------------------------------------------------- the provider's side

  /**
   * 支付结果通知: the only place an online top-up is credited. The provider's signature is checked first; then, with
   * the order row locked, the order must be this provider's, PENDING, within its lifetime and for exactly the amount
   * paid. A replay of the notification that credited it answers REPLAYED; a forged, unreadable or mismatched one is
   * REJECTED; a genuine payment the order can no longer take (expired, cancelled, paid already by another transaction,
   * account closed) is REFUND_DUE — a real system then refunds it through the provider's refund API (the platform
   * records it for the canteen's finance office in the audit trail; it never credits it). Everything but a credit is
   * audited as what it was; a credit is audited as the order's PAY.
   */
  NotifyOutcome handleNotification(String providerName, String body, HttpHeaders headers) {
    String actor = "payment:" + (providerName == null
        ? "?"
        : providerName.length() > 20
            ? providerName.substring(0, 20)
            : providerName);
    PaymentProvider provider = provider(providerName).orElse(null);
    if (provider == null) {
      transaction.executeWithoutResult(status -> audit.recordAs(actor, List.of(new AuditEntry("NOTIFY_REJECTED",
          "canteen_topup_order", null, null, null, Map.of("reason", "UNKNOWN_PROVIDER")))));
      throw new NotFoundException("paymentProvider", providerName);
    }
    PaymentProvider.PaymentNotification notice;
    try {
      notice = provider.verify(body, headers);
    } catch (PaymentProvider.InvalidNotification e) {
      TopUpOrderRefused refusal = new TopUpOrderRefused(TopUpOrderRefused.Reason.BAD_SIGNATURE);
      transaction.executeWithoutResult(status -> audit.recordAs(actor, List.of(new AuditEntry("NOTIFY_REJECTED",
          "canteen_topup_order", null, null, null, rejection(refusal, body)))));
      return new NotifyOutcome(Result.REJECTED, null, refusal, null);
    }
    return transaction.execute(status -> {
      Instant now = clock.instant();
      TopUpOrder order = lock(notice.orderNo()).orElse(null);
      if (order == null) {
        TopUpOrderRefused refusal = new TopUpOrderRefused(TopUpOrderRefused.Reason.UNKNOWN_ORDER, notice.orderNo());
        audit.recordAs(actor, List.of(new AuditEntry("NOTIFY_REJECTED", "canteen_topup_order", notice.orderNo(), null,
            null, rejection(refusal, notice))));
        return new NotifyOutcome(Result.REJECTED, notice.orderNo(), refusal, null);
      }
      if (order.isPaidBy(notice.transactionId()) && order.amountFen == notice.amountFen()) {
        audit.recordAs(actor, List.of(new AuditEntry("NOTIFY_REPLAYED", "canteen_topup_order", order.orderNo,
            order.regionId, null, notified(notice))));
        return new NotifyOutcome(Result.REPLAYED, order.orderNo, null, null);
      }
      Map<String, Object> before = state(order);
      AccountStatus accountStatus = AccountStatus.valueOf(jdbc.sql("select status from canteen_account where id = :id")
          .param("id", order.accountId).query(String.class).single());
      try {
        if (accountStatus == AccountStatus.CLOSED && order.state() == TopUpOrder.State.PENDING) {
          order.cancel(now);
          save(order);
          throw new TopUpOrderRefused(TopUpOrderRefused.Reason.ALREADY_CANCELLED, order.orderNo);
        }
        order.pay(provider.name(), notice.amountFen(), notice.transactionId(), notice.paidAt(), now);
      } catch (TopUpOrderRefused refused) {
        switch (refused.reason()) {
          case EXPIRED -> {
            order.expire(now);
            save(order);
          }
          case ALREADY_EXPIRED, ALREADY_CANCELLED, ALREADY_PAID -> {
          }
          default -> {
            audit.recordAs(actor, List.of(new AuditEntry("NOTIFY_REJECTED", "canteen_topup_order", order.orderNo,
                order.regionId, before, rejection(refused, notice))));
            return new NotifyOutcome(Result.REJECTED, order.orderNo, refused, null);
          }
        }
        Map<String, Object> after = new LinkedHashMap<>(state(order));
        after.put("notification", notified(notice));
        after.put("refundDue", "支付机构已收款但订单未入账，应通过支付机构原路退款");
        audit.recordAs(actor, List.of(new AuditEntry("PAID_NOT_CREDITED", "canteen_topup_order", order.orderNo,
            order.regionId, before, after)));
        return new NotifyOutcome(Result.REFUND_DUE, order.orderNo, refused, null);
      }
      Payment credit = funding.creditPaidOrder(order.accountId, order.amountFen, provider.name(), order.orderNo);
      order.credited(credit.id());
      save(order);
      audit.recordAs(actor, List.of(new AuditEntry("PAY", "canteen_topup_order", order.orderNo, order.regionId, before,
          state(order))));
      return new NotifyOutcome(Result.CREDITED, order.orderNo, null, credit);
    });
  }

  /** Every minute on one instance only (the job's lock answers no count, hence this void entry). */
  @Scheduled(fixedDelayString = "${affairs.canteen.top-up-expiry-interval:PT1M}", initialDelayString = "${affairs.canteen.top-up-expiry-interval:PT1M}")
  @SchedulerLock(name = "canteen-top-up-order-expiry")
  public void expireOverdueOrders() {
    expireOverdue();
  }

  /** Expires the orders whose lifetime has passed unpaid. Answers how many. Audited. */
  int expireOverdue() {
    Instant now = clock.instant();
    List<String> due = jdbc.sql("""
        select order_no from canteen_topup_order where state = 'PENDING' and expires_at <= :now order by id""")
        .param("now", Timestamp.from(now)).query(String.class).list();
    int expired = 0;
    for (String orderNo : due) {
      Boolean changed = transaction.execute(status -> {
        TopUpOrder order = lock(orderNo).orElseThrow();
        if (order.state() != TopUpOrder.State.PENDING || !order.isOverdue(now)) {
          return false;
        }
        Map<String, Object> before = state(order);
        order.expire(now);
        save(order);
        audit.recordAs(CanteenAccounts.SYSTEM, List.of(new AuditEntry("EXPIRE", "canteen_topup_order", orderNo,
            order.regionId, before, state(order))));
        return true;
      });
      expired += Boolean.TRUE.equals(changed) ? 1 : 0;
    }
    return expired;
  }

  // ---------------------------------------------------------------- storage

  private Optional<TopUpOrder> lock(String orderNo) {
    return jdbc.sql("select * from canteen_topup_order where order_no = :no for update")
        .param("no", orderNo).query(TopUpOrders::order).optional();
  }

  private void save(TopUpOrder order) {
    jdbc.sql("""
        update canteen_topup_order set state = :state, provider_transaction_id = :transaction, paid_at = :paid,
               journal_id = :journal, ended_at = :ended
         where id = :id""")
        .param("state", order.state().name()).param("transaction", order.providerTransactionId())
        .param("paid", timestamp(order.paidAt())).param("journal", order.journalId())
        .param("ended", timestamp(order.endedAt())).param("id", order.id).update();
  }

  private static TopUpOrder order(ResultSet rs, int n) throws SQLException {
    return new TopUpOrder(rs.getLong("id"), rs.getString("order_no"), rs.getLong("account_id"),
        rs.getLong("region_id"), rs.getLong("amount_fen"), rs.getString("provider"), rs.getString("created_by"),
        rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("expires_at").toInstant(),
        TopUpOrder.State.valueOf(rs.getString("state")), rs.getString("provider_transaction_id"),
        instant(rs.getTimestamp("paid_at")), (Long) rs.getObject("journal_id"), instant(rs.getTimestamp("ended_at")));
  }

  OrderView view(TopUpOrder order) {
    PaymentProvider provider = providers.get(order.provider);
    String payAt = order.state() == TopUpOrder.State.PENDING && provider != null
        ? provider.start(order).redirectTo()
        : null;
    return new OrderView(order.orderNo, order.accountId, order.amountFen, order.state(), order.provider,
        provider == null || provider.isDemo(), order.createdAt, order.expiresAt, order.paidAt(), order.journalId(),
        payAt);
  }

  private static Map<String, Object> state(TopUpOrder order) {
    Map<String, Object> state = new LinkedHashMap<>();
    state.put("account", order.accountId);
    state.put("amountFen", order.amountFen);
    state.put("state", order.state().name());
    state.put("provider", order.provider);
    state.put("expiresAt", order.expiresAt.toString());
    state.put("providerTransactionId", order.providerTransactionId());
    state.put("journal", order.journalId());
    return state;
  }

  private static Map<String, Object> notified(PaymentProvider.PaymentNotification notice) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("orderNo", notice.orderNo());
    fields.put("amountFen", notice.amountFen());
    fields.put("paidAt", notice.paidAt().toString());
    fields.put("transactionId", notice.transactionId());
    return fields;
  }

  private static Map<String, Object> rejection(TopUpOrderRefused refusal, PaymentProvider.PaymentNotification notice) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reason", refusal.reason().name());
    fields.put("notification", notified(notice));
    return fields;
  }

  private static Map<String, Object> rejection(TopUpOrderRefused refusal, String body) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("reason", refusal.reason().name());
    // what arrived, cut short: enough to trace a forgery, never a whole request someone chose to send
    fields.put("body", body == null ? null : body.length() > 500 ? body.substring(0, 500) : body);
    return fields;
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
