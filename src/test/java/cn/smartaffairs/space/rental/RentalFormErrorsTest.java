package cn.smartaffairs.space.rental;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The tenant and lease forms name every bad field at once, keep what was typed and save nothing. */
@IntegrationTest
class RentalFormErrorsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void aTenantWithABadCreditCodeAndPhoneIsRefusedOnBothFields() {
    var manager = new WebSession(port).signedInAs("space.manager", ApiClient.DEMO_PASSWORD);
    long before = count("space_tenant");

    var refused = manager.post("/space/rentals/tenants", Map.of("_csrf", manager.get("/space/rentals").csrfToken(),
        "name", "表单测试商行", "creditCode", "12345", "contactName", "王经理", "contactPhone", "call me"));

    assertThat(refused.redirectPath()).isEqualTo("/space/rentals");
    String page = manager.get("/space/rentals").body();
    assertThat(FieldErrors.of(page, "creditCode")).containsExactly("统一社会信用代码为18位数字或大写字母");
    assertThat(FieldErrors.of(page, "contactPhone")).containsExactly("请输入电话号码，如 13800138000 或 0571-87654321");
    assertThat(FieldErrors.value(page, "tenant-name")).isEqualTo("表单测试商行");
    assertThat(count("space_tenant")).isEqualTo(before);
  }

  @Test
  void aPaymentWithAnAmountThatIsNoAmountAndWithoutDateIsRefusedOnBothFieldsOfTheLeasePage() {
    var manager = new WebSession(port).signedInAs("space.manager", ApiClient.DEMO_PASSWORD);
    long lease = jdbc.sql("select min(l.id) from space_lease l join space_lettable s on s.id = l.lettable_id"
        + " where s.name = '附楼临街商铺101'").query(Long.class).single();
    long instalment = jdbc.sql("select min(id) from space_rent_instalment where lease_id = :lease")
        .param("lease", lease).query(Long.class).single();
    long before = count("space_rent_payment");
    String page = "/space/rentals/leases/" + lease;

    var refused = manager.post(page + "/payments", Map.of("_csrf", manager.get(page).csrfToken(),
        "instalmentId", String.valueOf(instalment), "amount", "五千", "paidOn", "", "method", "TRANSFER"));

    assertThat(refused.redirectPath()).isEqualTo(page);
    String shown = manager.get(page).body();
    assertThat(FieldErrors.of(shown, "amount")).containsExactly("请输入以元为单位的金额，不小于0，最多两位小数");
    assertThat(FieldErrors.of(shown, "paidOn")).containsExactly("请填写此项");
    assertThat(FieldErrors.value(shown, "amount")).isEqualTo("五千");
    assertThat(FieldErrors.of(shown, "invoiceNo")).as("the invoice form is another form").isEmpty();
    assertThat(count("space_rent_payment")).isEqualTo(before);
  }

  @Test
  void aLeaseWithoutContractNumberAndWithARentThatIsNoAmountIsRefusedOnBothFields() {
    var manager = new WebSession(port).signedInAs("space.manager", ApiClient.DEMO_PASSWORD);
    long before = count("space_lease");

    var refused = manager.post("/space/rentals/leases", Map.of("_csrf", manager.get("/space/rentals").csrfToken(),
        "lettableId", "1", "tenantId", "1", "contractNo", "", "startDate", "2030-01-01", "termMonths", "12",
        "frequency", "QUARTERLY", "annualRent", "12万"));

    assertThat(refused.redirectPath()).isEqualTo("/space/rentals");
    String page = manager.get("/space/rentals").body();
    assertThat(FieldErrors.of(page, "contractNo")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "annualRent")).containsExactly("请输入以元为单位的金额，不小于0，最多两位小数");
    assertThat(FieldErrors.value(page, "annualRent")).isEqualTo("12万");
    assertThat(count("space_lease")).isEqualTo(before);
  }
}
