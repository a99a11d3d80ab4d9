package cn.smartaffairs.canteen.kitchen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.time.DayOfWeek;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Weekly menus: a week is reused for the next, and a dish someone ordered stays on the menu. */
@IntegrationTest
class MenusTest {

  @Autowired Menus menus;
  @Autowired Accounts accounts;

  @Test
  void lastWeeksMenuIsCopiedOntoTheNextWeekDayByDayWithoutDoubles() {
    KitchenFixture fixture = new KitchenFixture(menus, accounts);
    CurrentUser manager = fixture.manager();
    CanteenSite site = fixture.freshSite();
    LocalDate monday = KitchenFixture.someFutureDay(70).with(DayOfWeek.MONDAY);
    MenuItem pork = fixture.onMenu(site, monday, Meal.LUNCH, "红烧肉", 800);
    MenuItem fish = fixture.onMenu(site, monday.plusDays(2), Meal.DINNER, "清蒸鲈鱼", 900);
    menus.addToMenu(site.id(), monday.plusDays(7), Meal.LUNCH, pork.dishId(), null, manager);

    int added = menus.copyWeek(site.id(), monday.plusDays(3), monday.plusDays(9), manager);

    assertThat(added).isEqualTo(1);
    var next = menus.week(site.id(), monday.plusDays(7), manager);
    assertThat(next.get(monday.plusDays(7))).extracting(MenuItem::dishName, MenuItem::meal)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("红烧肉", Meal.LUNCH));
    assertThat(next.get(monday.plusDays(9))).extracting(MenuItem::dishId, MenuItem::meal, MenuItem::priceFen)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(fish.dishId(), Meal.DINNER, 900L));
    assertThatThrownBy(() -> menus.copyWeek(site.id(), monday, monday.plusDays(1), manager))
        .hasMessage("canteen.kitchen.copySameWeek");
  }
}
