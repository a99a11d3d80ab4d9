package cn.smartaffairs.reception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.support.WebSession;
import java.time.LocalDate;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A region's own rule version overrides the national default from its day on, for that region only. */
@IntegrationTest
class ReceptionRuleTablesTest {

  @LocalServerPort int port;
  @Autowired ReceptionRuleTables rules;
  @Autowired Accounts accounts;

  @Test
  void aRegionsOwnMealStandardAndBanApplyFromTheirDayInThatRegionOnly() {
    var city = accounts.loadUserByUsername("region.admin");
    var county = accounts.loadUserByUsername("county.admin");
    LocalDate day = LocalDate.of(2200, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(30000));
    rules.addValue(ReceptionRuleTables.Key.LUNCH_CAP_FEN, 7000, day, false, "市定标准", county);
    rules.addBannedItem("白酒", true, day, false, county);
    assertThat(rules.inForce(county.regionId(), day).mealCapFen().get(MealKind.LUNCH)).isEqualTo(7000);
    assertThat(rules.inForce(county.regionId(), day).bannedWords()).contains("白酒", "鱼翅");
    assertThat(rules.inForce(city.regionId(), day).mealCapFen().get(MealKind.LUNCH)).isEqualTo(9000);
    assertThat(rules.inForce(city.regionId(), day).bannedWords()).doesNotContain("白酒");
    rules.addBannedItem("白酒", false, day.plusDays(1), false, county);
    assertThat(rules.inForce(county.regionId(), day.plusDays(1)).bannedWords()).doesNotContain("白酒");
    assertThatThrownBy(() -> rules.addValue(ReceptionRuleTables.Key.LUNCH_CAP_FEN, 6000, day, false, null, county))
        .hasMessage("reception.ruleVersionExists");
    assertThatThrownBy(() -> rules.addValue(ReceptionRuleTables.Key.LUNCH_CAP_FEN, 6000, day, true, null, county))
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> rules.addValue(ReceptionRuleTables.Key.LUNCH_CAP_FEN, 6000, day.plusDays(2), false, null,
        accounts.loadUserByUsername("liaison"))).isInstanceOf(ForbiddenException.class);
  }

  @Test
  void theRulesPageShowsNationalVersionsAndOnlyAdministratorsOpenIt() {
    String body = new WebSession(port).signedInAs("region.admin", ApiClient.DEMO_PASSWORD)
        .get("/admin/reception-rules").body();
    assertThat(body).contains("每次接待工作餐次数", "<td>全国默认</td>", "普通套间", "鱼翅");
    assertThat(new WebSession(port).signedInAs("liaison", ApiClient.DEMO_PASSWORD).get("/admin/reception-rules")
        .status()).isEqualTo(403);
  }
}
