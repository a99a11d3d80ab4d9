package cn.smartaffairs.canteen.procurement;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.canteen.kitchen.KitchenFixture;
import cn.smartaffairs.canteen.kitchen.Menus;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** 证照到期提醒: the canteen managers hear once of a licence that expires within the region's 30 days. */
@IntegrationTest
class LicenceWatchTest {

  @Autowired Menus menus;
  @Autowired Accounts accounts;
  @Autowired Suppliers suppliers;
  @Autowired LicenceWatch watch;
  @Autowired JdbcClient jdbc;

  @Test
  void aLicenceExpiringWithinThirtyDaysIsRemindedOnceAndOneFurtherOffIsNot() {
    CurrentUser manager = new KitchenFixture(menus, accounts).manager();
    LocalDate today = LocalDate.now(KitchenFixture.SHANGHAI);
    String soon = "将到期供应商-" + UUID.randomUUID().toString().substring(0, 6);
    String later = "远期供应商-" + UUID.randomUUID().toString().substring(0, 6);
    Supplier expiring = suppliers.create(soon, "云溪市测试路2号", "联系人", manager);
    suppliers.addLicence(expiring.id(), "FOOD_BUSINESS", "JY-SOON-" + expiring.id(), today.plusDays(10), manager);
    Supplier fine = suppliers.create(later, "云溪市测试路3号", "联系人", manager);
    suppliers.addLicence(fine.id(), "FOOD_BUSINESS", "JY-LATER-" + fine.id(), today.plusDays(100), manager);

    watch.remind();
    watch.remind();

    assertThat(todosMentioning(manager.userId(), soon)).containsExactly(
        "供应商证照即将到期：" + soon + " JY-SOON-" + expiring.id() + "（" + today.plusDays(10) + "）");
    assertThat(todosMentioning(manager.userId(), later)).isEmpty();
    assertThat(suppliers.supplier(expiring.id(), manager).usableOn(today)).isTrue();
    assertThat(suppliers.supplier(expiring.id(), manager).usableOn(today.plusDays(11))).isFalse();
  }

  private java.util.List<String> todosMentioning(long userId, String text) {
    return jdbc.sql("select title from todo_item where user_id = :user and title like :text and done_at is null")
        .param("user", userId).param("text", "%" + text + "%").query(String.class).list();
  }
}
