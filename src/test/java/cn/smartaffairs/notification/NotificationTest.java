package cn.smartaffairs.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Work-order steps reach people in the platform and by e-mail. The SMTP server is GreenMail on 127.0.0.1:3025, where
 * application-test.yml points spring.mail; it runs only while a test here needs it.
 */
@IntegrationTest
class NotificationTest {

  private static final Duration TEN_SECONDS = Duration.ofSeconds(10);
  private static final String WORKER_ADDRESS = "weixiugong@smartaffairs.test";

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Accounts accounts;
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

  private long userId(String username) {
    return jdbc.sql("select id from user_account where username = :u").param("u", username).query(Long.class).single();
  }

  /** Reports a broken air conditioner as the demo staff member; answers the order's id and number. */
  private Map.Entry<Long, String> reportBrokenAirConditioner() {
    var answer = api.post("/api/v1/work-orders", api.tokenFor("staff"), Map.of("category", "REPAIR_AIRCON",
        "description", "三楼会议室空调不制冷", "priority", "NORMAL"));
    assertThat(answer.status()).isEqualTo(201);
    return Map.entry(answer.body().get("id").asLong(), answer.body().get("orderNo").asText());
  }

  private ApiClient.Answer move(String username, long id, Map<String, ?> transition) {
    return api.post("/api/v1/work-orders/" + id + "/transitions", api.tokenFor(username), transition);
  }

  private ApiClient.Answer dispatchToWorker(long id) {
    return move("repair.manager", id, Map.of("action", "dispatch", "assigneeUserId", userId("worker")));
  }

  /** The newest notification of the order to the person, waiting for it: it is written after the order's commit. */
  private long notificationOf(String username, long orderId) {
    return await().atMost(TEN_SECONDS).until(() -> jdbc.sql(
        "select id from notification where user_id = :user and link = :link order by id desc limit 1")
        .param("user", userId(username)).param("link", "/work-orders/" + orderId).query(Long.class).optional(),
        java.util.Optional::isPresent).orElseThrow();
  }

  private String deliveryStatus(long notificationId) {
    return jdbc.sql("select status from notification_delivery where notification_id = :id and channel = 'EMAIL'")
        .param("id", notificationId).query(String.class).single();
  }

  @Test
  void dispatchingAWorkOrderEmailsTheWorkerInChinese() throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(3025, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      var order = reportBrokenAirConditioner();
      assertThat(dispatchToWorker(order.getKey()).status()).isEqualTo(200);

      assertThat(smtp.waitForIncomingEmail(5000, 1)).isTrue();
      MimeMessage mail = Arrays.stream(smtp.getReceivedMessages())
          .filter(message -> {
            try {
              return message.getSubject().contains(order.getValue());
            } catch (jakarta.mail.MessagingException e) {
              throw new IllegalStateException(e);
            }
          })
          .findFirst().orElseThrow();
      assertThat(mail.getSubject()).isEqualTo("【智慧机关事务平台】新工单 " + order.getValue() + "：三楼会议室空调不制冷");
      assertThat(mail.getAllRecipients()).extracting(Object::toString).containsExactly(WORKER_ADDRESS);
      assertThat(mail.getFrom()[0].toString()).contains("noreply@smartaffairs.test");
      assertThat(mail.getContentType()).contains("text/plain").containsIgnoringCase("charset=UTF-8");
      assertThat((String) mail.getContent()).contains(order.getValue()).contains("三楼会议室空调不制冷，请及时处理")
          .contains("/work-orders/" + order.getKey());
      long notification = notificationOf("worker", order.getKey());
      await().atMost(TEN_SECONDS).untilAsserted(() -> assertThat(deliveryStatus(notification)).isEqualTo("SENT"));
    } finally {
      smtp.stop();
    }
  }

  @Test
  void anUnreachableMailServerDoesNotHoldUpTheDispatchAndTheFailureIsRecorded() {
    var order = reportBrokenAirConditioner();

    assertThat(dispatchToWorker(order.getKey()).status()).isEqualTo(200);

    var stored = api.get("/api/v1/work-orders/" + order.getKey(), api.tokenFor("repair.manager")).body();
    assertThat(stored.get("status").asText()).isEqualTo("DISPATCHED");
    assertThat(stored.get("assigneeUserId").asLong()).isEqualTo(userId("worker"));
    long notification = notificationOf("worker", order.getKey());
    await().atMost(TEN_SECONDS).untilAsserted(() -> assertThat(deliveryStatus(notification)).isEqualTo("FAILED"));
    assertThat(jdbc.sql("select detail from notification_delivery where notification_id = :id")
        .param("id", notification).query(String.class).single()).isNotBlank();
  }

  @Test
  void theInAppNotificationIsShownToItsRecipientOnlyAndCanBeMarkedRead() {
    var order = reportBrokenAirConditioner();
    dispatchToWorker(order.getKey());
    long notification = notificationOf("worker", order.getKey());

    WebSession worker = new WebSession(port).signedInAs("worker", ApiClient.DEMO_PASSWORD);
    var page = worker.get("/notifications");
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body()).contains("新工单 " + order.getValue()).contains("id=\"shell-unread\"")
        .containsPattern("id=\"notification-" + notification + "\"[^>]*>\\s*<div>\\s*<div class=\"fw-bold\">");

    WebSession other = new WebSession(port).signedInAs("repair.manager", ApiClient.DEMO_PASSWORD);
    String othersPage = other.get("/notifications").body();
    assertThat(othersPage).doesNotContain(order.getValue());
    assertThat(other.post("/notifications/" + notification + "/read",
        Map.of("_csrf", other.get("/notifications").csrfToken())).status()).isEqualTo(404);
    assertThat(readAt(notification)).as("someone else cannot mark it read").isNull();

    var marked = worker.post("/notifications/" + notification + "/read", Map.of("_csrf", page.csrfToken()));
    assertThat(marked.status()).isEqualTo(302);
    assertThat(marked.redirectPath()).isEqualTo("/notifications");
    assertThat(readAt(notification)).isNotNull();
    assertThat(worker.get("/notifications").body())
        .doesNotContainPattern("id=\"notification-" + notification + "\"[^>]*>\\s*<div>\\s*<div class=\"fw-bold\">");
  }

  @Test
  void theRequesterIsAskedToConfirmWhenTheOrderIsResolved() {
    var order = reportBrokenAirConditioner();
    dispatchToWorker(order.getKey());
    move("worker", order.getKey(), Map.of("action", "accept"));
    move("worker", order.getKey(), Map.of("action", "resolve", "comment", "补充制冷剂"));

    WebSession staff = new WebSession(port).signedInAs("staff", ApiClient.DEMO_PASSWORD);
    await().atMost(TEN_SECONDS).untilAsserted(() -> assertThat(staff.get("/notifications").body())
        .contains("您的工单已办结，请确认：" + order.getValue()));
  }

  @Test
  void aReopenedOrderGoesBackToTheWorkerAndClosingItTellsTheRequester() {
    var order = reportBrokenAirConditioner();
    long id = order.getKey();
    dispatchToWorker(id);
    move("worker", id, Map.of("action", "accept"));
    move("worker", id, Map.of("action", "resolve"));
    move("staff", id, Map.of("action", "confirm"));
    move("repair.manager", id, Map.of("action", "visit", "satisfaction", "UNSATISFIED", "handlerAtFault", true));
    move("worker", id, Map.of("action", "accept"));
    move("worker", id, Map.of("action", "resolve"));
    move("staff", id, Map.of("action", "confirm"));
    move("repair.manager", id, Map.of("action", "visit", "satisfaction", "SATISFIED"));
    assertThat(move("repair.manager", id, Map.of("action", "close")).status()).isEqualTo(200);

    await().atMost(TEN_SECONDS).untilAsserted(
        () -> assertThat(titlesOf("worker", id)).containsExactly("新工单 " + order.getValue() + "：三楼会议室空调不制冷",
            "工单重新办理 " + order.getValue() + "：三楼会议室空调不制冷"));
    await().atMost(TEN_SECONDS).untilAsserted(() -> assertThat(titlesOf("staff", id)).containsExactly(
        "您的工单已办结，请确认：" + order.getValue(), "您的工单已办结，请确认：" + order.getValue(),
        "您的工单已销号：" + order.getValue()));
  }

  private java.util.List<String> titlesOf(String username, long orderId) {
    return jdbc.sql("select title from notification where user_id = :user and link = :link order by id")
        .param("user", userId(username)).param("link", "/work-orders/" + orderId).query(String.class).list();
  }

  @Test
  void aPersonSetsTheirOwnAddressOnTheNotificationsPageAndTheChangeIsAudited() {
    WebSession worker = new WebSession(port).signedInAs("worker", ApiClient.DEMO_PASSWORD);
    String csrf = worker.get("/notifications").csrfToken();

    var refused = worker.post("/notifications/email", Map.of("email", "weixiugong at example", "_csrf", csrf));
    assertThat(refused.redirectPath()).isEqualTo("/notifications");
    assertThat(worker.get("/notifications").body()).contains("id=\"email-error\"").contains("格式不正确");
    assertThat(accounts.emailOf(userId("worker"))).contains(WORKER_ADDRESS);

    worker.post("/notifications/email", Map.of("email", "xinxiang@smartaffairs.test", "_csrf", csrf));
    assertThat(accounts.emailOf(userId("worker"))).contains("xinxiang@smartaffairs.test");
    assertThat(jdbc.sql("""
        select count(*) from audit_event where entity_type = 'user_account' and entity_id = :id
           and actor = 'worker' and after_state ->> 'email' = 'xinxiang@smartaffairs.test'""")
        .param("id", String.valueOf(userId("worker"))).query(Long.class).single()).isEqualTo(1);
  }

  @Test
  void anImplausibleAddressIsRefused() {
    CurrentUser worker = accounts.findByUsername("worker").orElseThrow();
    assertThatThrownBy(() -> accounts.setEmail(worker.userId(), "weixiugong at example", worker))
        .isInstanceOf(BusinessRuleException.class);
    assertThat(accounts.emailOf(worker.userId())).contains(WORKER_ADDRESS);
    assertThatThrownBy(() -> jdbc.sql("update user_account set email = 'weixiugong' where id = :id")
        .param("id", worker.userId()).update())
        .as("the database refuses it too").isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);
  }

  private java.sql.Timestamp readAt(long notificationId) {
    return jdbc.sql("select read_at from notification where id = :id").param("id", notificationId)
        .query(java.sql.Timestamp.class).optional().orElse(null);
  }
}
