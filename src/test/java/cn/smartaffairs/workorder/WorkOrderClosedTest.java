package cn.smartaffairs.workorder;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.RecordedEvents;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Closing an order (销号) is published once, with its category, handler and the return visit's verdict. */
@IntegrationTest
class WorkOrderClosedTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired ApplicationContext context;

  @Test
  void closingAnOrderPublishesWorkOrderClosedOnceAndNoEarlierStepDoes() {
    ApiClient api = new ApiClient(port);
    long worker = jdbc.sql("select id from user_account where username = 'worker'").query(Long.class).single();
    var created = api.post("/api/v1/work-orders", api.tokenFor("staff"), Map.of("category", "REPAIR_AIRCON",
        "description", "二楼走廊空调漏水", "priority", "NORMAL"));
    long id = created.body().get("id").asLong();
    String orderNo = created.body().get("orderNo").asText();

    try (var closed = RecordedEvents.of(context, WorkOrderClosed.class)) {
      move(api, "repair.manager", id, Map.of("action", "dispatch", "assigneeUserId", worker));
      move(api, "worker", id, Map.of("action", "accept"));
      move(api, "worker", id, Map.of("action", "resolve"));
      move(api, "staff", id, Map.of("action", "confirm"));
      move(api, "repair.manager", id, Map.of("action", "visit", "satisfaction", "SATISFIED"));
      assertThat(closed.list()).noneMatch(e -> e.workOrderId() == id);

      move(api, "repair.manager", id, Map.of("action", "close"));

      assertThat(closed.list()).filteredOn(e -> e.workOrderId() == id).singleElement().satisfies(e -> {
        assertThat(e.orderNo()).isEqualTo(orderNo);
        assertThat(e.category()).isEqualTo("REPAIR_AIRCON");
        assertThat(e.handlerUserId()).isEqualTo(worker);
        assertThat(e.satisfaction()).isEqualTo("SATISFIED");
        assertThat(e.closedAt()).isNotNull();
      });
    }
  }

  private static void move(ApiClient api, String username, long id, Map<String, ?> transition) {
    var answer = api.post("/api/v1/work-orders/" + id + "/transitions", api.tokenFor(username), transition);
    assertThat(answer.status()).as(username + " " + transition + ": " + answer.body()).isEqualTo(200);
  }
}
