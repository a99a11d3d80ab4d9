package cn.smartaffairs.canteen.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.FieldErrors;
import cn.smartaffairs.support.WebSession;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The supplier and receiving-inspection forms name every bad field at once and save nothing. */
@IntegrationTest
class ProcurementFormErrorsTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Suppliers suppliers;
  @Autowired PurchaseRequests requests;
  @Autowired Accounts accounts;

  private long count(String table) {
    return jdbc.sql("select count(*) from " + table).query(Long.class).single();
  }

  @Test
  void aSupplierWithoutNameAndContactIsRefusedOnBothFieldsAndKeepsTheAddress() {
    var manager = new WebSession(port).signedInAs("canteen.manager", ApiClient.DEMO_PASSWORD);
    long before = count("canteen_supplier");

    var refused = manager.post("/canteen/procurement/suppliers", Map.of("_csrf",
        manager.get("/canteen/procurement/suppliers").csrfToken(), "name", " ", "address", "云溪路1号", "contact", ""));

    assertThat(refused.redirectPath()).isEqualTo("/canteen/procurement/suppliers");
    String page = manager.get("/canteen/procurement/suppliers").body();
    assertThat(FieldErrors.of(page, "name")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "contact")).containsExactly("请填写此项");
    assertThat(FieldErrors.value(page, "address")).isEqualTo("云溪路1号");
    assertThat(count("canteen_supplier")).isEqualTo(before);
  }

  @Test
  void anInspectionWithoutItemAndWithAPriceThatIsNoAmountIsRefusedOnBothFields() {
    var manager = new WebSession(port).signedInAs("canteen.manager", ApiClient.DEMO_PASSWORD);
    long canteen = jdbc.sql("select id from canteen where name = '市行政中心职工食堂'").query(Long.class).single();
    long supplier = jdbc.sql("select min(id) from canteen_supplier").query(Long.class).single();
    String batches = "/canteen/procurement/batches?site=" + canteen;
    long before = count("canteen_batch");
    Map<String, String> fields = new HashMap<>(Map.of("_csrf", manager.get(batches).csrfToken(),
        "siteId", String.valueOf(canteen), "supplierId", String.valueOf(supplier), "itemName", "", "spec", "5kg/袋",
        "quantity", "3", "unit", "袋", "unitPriceYuan", "十元", "productionDate", "2030-01-01", "shelfLifeDays", "30"));
    fields.put("inspector", "查验员");
    fields.put("pesticideTest", "PASS");

    var refused = manager.post("/canteen/procurement/batches", fields);

    assertThat(refused.redirectPath()).isEqualTo(batches);
    String page = manager.get(batches).body();
    assertThat(FieldErrors.of(page, "itemName")).containsExactly("请填写此项");
    assertThat(FieldErrors.of(page, "unitPriceYuan")).containsExactly("请输入以元为单位的金额，不小于0，最多两位小数");
    assertThat(FieldErrors.value(page, "unitPriceYuan")).isEqualTo("十元");
    assertThat(count("canteen_batch")).isEqualTo(before);
  }

  @Test
  void aQuoteWhosePriceIsNoAmountIsRefusedOnItsOwnRequest() {
    var manager = new WebSession(port).signedInAs("canteen.manager", ApiClient.DEMO_PASSWORD);
    var managerUser = accounts.loadUserByUsername("canteen.manager");
    long canteen = jdbc.sql("select id from canteen where name = '市行政中心职工食堂'").query(Long.class).single();
    long supplier = jdbc.sql("select id from canteen_supplier where name = '云溪绿源蔬菜配送有限公司'")
        .query(Long.class).single();
    PurchaseRequest eggs = requests.create(canteen, "鸡蛋", null, new BigDecimal("10"), "千克", null, managerUser);
    PurchaseRequest flour = requests.create(canteen, "面粉", null, new BigDecimal("5"), "袋", null, managerUser);
    String page = "/canteen/procurement/requests?site=" + canteen;

    manager.post("/canteen/procurement/requests/" + eggs.id() + "/quotes", Map.of("_csrf",
        manager.get(page).csrfToken(), "siteId", String.valueOf(canteen), "supplierId", String.valueOf(supplier),
        "unitPriceYuan", "十二元"));

    String shown = manager.get(page).body();
    assertThat(FieldErrors.of(shown, "quote-" + eggs.id() + "-price"))
        .containsExactly("请输入以元为单位的金额，不小于0，最多两位小数");
    assertThat(FieldErrors.value(shown, "quote-" + eggs.id() + "-price")).isEqualTo("十二元");
    assertThat(FieldErrors.of(shown, "quote-" + flour.id() + "-price")).as("another request's row").isEmpty();
    assertThat(jdbc.sql("select count(*) from canteen_quote where request_id = :id").param("id", eggs.id())
        .query(Long.class).single()).isZero();
  }

  @Test
  void aLicenceWithoutNumberIsRefusedOnItsOwnSupplier() {
    var manager = new WebSession(port).signedInAs("canteen.manager", ApiClient.DEMO_PASSWORD);
    String tag = UUID.randomUUID().toString().substring(0, 6);
    Supplier supplier = suppliers.create("阿" + tag + "副食", "云溪路2号", "周" + tag,
        accounts.loadUserByUsername("canteen.manager"));

    var refused = manager.post("/canteen/procurement/suppliers/" + supplier.id() + "/licences", Map.of("_csrf",
        manager.get("/canteen/procurement/suppliers").csrfToken(), "kind", "FOOD_BUSINESS", "number", "",
        "expiresOn", "2031-06-30"));

    assertThat(refused.redirectPath()).isEqualTo("/canteen/procurement/suppliers");
    String shown = manager.get("/canteen/procurement/suppliers?keyword=" + tag).body();
    assertThat(FieldErrors.of(shown, "licence-" + supplier.id() + "-number")).containsExactly("请填写此项");
    assertThat(FieldErrors.value(shown, "licence-" + supplier.id() + "-expiresOn")).isEqualTo("2031-06-30");
    assertThat(suppliers.supplier(supplier.id(), accounts.loadUserByUsername("canteen.manager")).licences())
        .isEmpty();
  }
}
