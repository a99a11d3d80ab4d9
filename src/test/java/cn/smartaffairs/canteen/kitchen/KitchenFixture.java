package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

/** Small builders for canteen tests: a fresh canteen in the city with a dish on a day's meal. */
public final class KitchenFixture {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

  private final Menus menus;
  private final Accounts accounts;

  public KitchenFixture(Menus menus, Accounts accounts) {
    this.menus = menus;
    this.accounts = accounts;
  }

  public CurrentUser manager() {
    return accounts.loadUserByUsername("canteen.manager");
  }

  public CurrentUser user(String username) {
    return accounts.loadUserByUsername(username);
  }

  public CanteenSite freshSite() {
    return menus.createSite("测试食堂-" + UUID.randomUUID().toString().substring(0, 8), "测试地址", manager());
  }

  public Dish dish(CanteenSite site, String name, long priceFen) {
    return menus.createDish(site.id(), name, "MAIN", priceFen, manager());
  }

  public MenuItem onMenu(CanteenSite site, LocalDate date, Meal meal, String dishName, long priceFen) {
    Dish dish = dish(site, dishName, priceFen);
    return menus.addToMenu(site.id(), date, meal, dish.id(), null, manager());
  }

  /** A day far enough ahead that no other test plays on it, Beijing time. */
  public static LocalDate someFutureDay(int daysAhead) {
    return LocalDate.now(SHANGHAI).plusDays(daysAhead);
  }

  public static Instant at(LocalDate date, String time) {
    return date.atTime(LocalTime.parse(time)).atZone(SHANGHAI).toInstant();
  }
}
