package cn.smartaffairs.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Events go through the publication registry: a listener that fails leaves its publisher's work alone and its
 * publication incomplete; the resubmission job tries it again with growing pauses up to a limit; a publication left
 * incomplete (as by a crash) is handed to its listener again, as at a restart. Mail goes to GreenMail on
 * 127.0.0.1:3025 (application-test.yml), which is down unless a test starts it.
 */
@IntegrationTest
class EventPublicationRegistryTest {

  private static final Duration WAIT = Duration.ofSeconds(15);
  private static final String WORKER_ADDRESS = "weixiugong.retry@smartaffairs.test";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
  @Autowired IncompleteEventResubmission resubmission;
  @Autowired IncompleteEventPublications incomplete;
  ApiClient api;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    CurrentUser worker = accounts.findByUsername("worker").orElseThrow();
    accounts.setEmail(worker.userId(), WORKER_ADDRESS, worker);
  }

  @AfterEach
  void removeTheAddress() {
    CurrentUser worker = accounts.findByUsername("worker").orElseThrow();
    accounts.setEmail(worker.userId(), null, worker);
  }

  @Test
  void aFailedMailLeavesTheDispatchDoneAndIsRetriedWithGrowingPausesUntilItIsSent() {
    long order = dispatchedOrder("五楼茶水间热水器不出热水");
    assertThat(orderStatus(order)).as("the failed mail did not undo the dispatch").isEqualTo("DISPATCHED");
    long notification = notificationOf(order);
    await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(notification)).isEqualTo("FAILED/1"));
    UUID publication = deliveryPublication(notification);
    assertThat(completed(publication)).isFalse();
    Instant published = publishedAt(publication);

    resubmission.resubmitDue(published.plusSeconds(59));
    assertThat(attempts(publication)).as("not yet a minute old").isZero();
    resubmission.resubmitDue(published.plusSeconds(61));
    assertThat(attempts(publication)).isEqualTo(1);
    await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(notification)).isEqualTo("FAILED/2"));

    resubmission.resubmitDue(published.plusSeconds(61 + 119));
    assertThat(attempts(publication)).as("the second retry waits twice as long: two minutes").isEqualTo(1);

    GreenMail smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      resubmission.resubmitDue(published.plusSeconds(61 + 120));
      assertThat(attempts(publication)).isEqualTo(2);
      await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(notification)).isEqualTo("SENT/3"));
      await().atMost(WAIT).until(() -> completed(publication));
      assertThat(smtp.getReceivedMessagesForDomain("smartaffairs.test"))
          .anySatisfy(mail -> assertThat(mail.getSubject()).contains("五楼茶水间热水器不出热水"));

      resubmission.resubmitDue(published.plus(Duration.ofDays(1)));
      assertThat(attempts(publication)).as("a completed publication is not resubmitted").isEqualTo(2);
    } finally {
      smtp.stop();
    }
  }

  @Test
  void afterTheLastAttemptAFailedDeliveryStaysIncompleteAndVisible() {
    long order = dispatchedOrder("六楼卫生间水龙头漏水");
    long notification = notificationOf(order);
    await().atMost(WAIT).untilAsserted(() -> assertThat(delivery(notification)).isEqualTo("FAILED/1"));
    UUID publication = deliveryPublication(notification);
    Instant published = publishedAt(publication);
    jdbc.sql("insert into event_publication_retry (publication_id, attempts, last_attempt_at) values (:id, 8, :at)")
        .param("id", publication).param("at", java.sql.Timestamp.from(published)).update();

    resubmission.resubmitDue(published.plus(Duration.ofDays(1)));

    assertThat(attempts(publication)).as("eight attempts are the limit").isEqualTo(8);
    assertThat(completed(publication)).isFalse();
    assertThat(delivery(notification)).isEqualTo("FAILED/1");
  }

  @Test
  void aPublicationLeftIncompleteByACrashIsHandedToItsListenerAgain() {
    long order = dispatchedOrder("七楼会议室投影仪无信号");
    long notification = notificationOf(order);
    UUID publication = jdbc.sql("""
        select id from event_publication where listener_id = 'notification.work-order-moved'
           and cast(serialized_event as jsonb) ->> 'workOrderId' = :order
           and cast(serialized_event as jsonb) ->> 'action' = 'DISPATCH'""")
        .param("order", String.valueOf(order)).query(UUID.class).single();
    await().atMost(WAIT).until(() -> completed(publication));
    // as if the application had stopped before the listener's transaction committed
    jdbc.sql("delete from notification where id = :id").param("id", notification).update();
    jdbc.sql("update event_publication set completion_date = null where id = :id").param("id", publication).update();

    // what spring.modulith.events.republish-outstanding-events-on-restart does at start
    incomplete.resubmitIncompletePublications(p -> p.getIdentifier().equals(publication));

    await().atMost(WAIT).until(() -> completed(publication));
    assertThat(notificationOf(order)).isNotEqualTo(notification);
  }

  private long dispatchedOrder(String description) {
    var created = api.post("/api/v1/work-orders", api.tokenFor("staff"), Map.of("category", "REPAIR_AIRCON",
        "description", description, "priority", "NORMAL"));
    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    long worker = jdbc.sql("select id from user_account where username = 'worker'").query(Long.class).single();
    var dispatched = api.post("/api/v1/work-orders/" + id + "/transitions", api.tokenFor("repair.manager"),
        Map.of("action", "dispatch", "assigneeUserId", worker));
    assertThat(dispatched.status()).isEqualTo(200);
    return id;
  }

  private String orderStatus(long order) {
    return api.get("/api/v1/work-orders/" + order, api.tokenFor("repair.manager")).body().get("status").asText();
  }

  private long notificationOf(long order) {
    return await().atMost(WAIT).until(() -> jdbc.sql(
        "select max(id) from notification where link = :link").param("link", "/work-orders/" + order)
        .query(Long.class).single(), id -> id != null);
  }

  private String delivery(long notification) {
    return jdbc.sql(
        """
            select status || '/' || attempts from notification_delivery where notification_id = :id and channel = 'EMAIL'""")
        .param("id", notification).query(String.class).optional().orElse("none");
  }

  private UUID deliveryPublication(long notification) {
    return jdbc.sql("""
        select id from event_publication where listener_id = 'notification.deliver'
           and cast(serialized_event as jsonb) ->> 'notificationId' = :id""")
        .param("id", String.valueOf(notification)).query(UUID.class).single();
  }

  private boolean completed(UUID publication) {
    return jdbc.sql("select completion_date is not null from event_publication where id = :id")
        .param("id", publication).query(Boolean.class).single();
  }

  private Instant publishedAt(UUID publication) {
    return jdbc.sql("select publication_date from event_publication where id = :id").param("id", publication)
        .query(java.sql.Timestamp.class).single().toInstant();
  }

  private int attempts(UUID publication) {
    return jdbc.sql("select attempts from event_publication_retry where publication_id = :id")
        .param("id", publication).query(Integer.class).optional().orElse(0);
  }
}
