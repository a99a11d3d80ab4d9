package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.canteen.CanteenTerminals;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 食堂与菜单: the canteens of the caller's region (table canteen), their dishes and the dishes of each day's breakfast, lunch and
 * dinner. Everyone in the region reads them; canteen managers (and region admins) change them.
 */
@Service
public class Menus {

  private static final Set<String> CATEGORIES = Set.of("STAPLE", "MAIN", "SIDE", "SOUP", "SNACK", "DRINK");
  static final String MENU_ITEM = """
      select m.id, m.site_id, m.serve_date, m.meal, m.dish_id, d.name as dish_name, d.category, m.price_fen
        from canteen_menu_item m join canteen_dish d on d.id = m.dish_id
      """;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final CanteenTerminals terminals;

  public Menus(JdbcClient jdbc, AuditTrail audit, CanteenTerminals terminals) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.terminals = terminals;
  }

  /** Whether the user may manage the canteens of a region: its canteen managers and administrators. */
  public static boolean manages(CurrentUser user, long regionId) {
    return user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.CANTEEN_MANAGER).permits(regionId, null, null);
  }

  public static void requireManager(CurrentUser user, long regionId) {
    if (!manages(user, regionId)) {
      throw new ForbiddenException();
    }
  }

  public List<CanteenSite> sites(CurrentUser viewer) {
    return jdbc.sql("select * from canteen where region_id = :region order by id")
        .param("region", viewer.regionId()).query(Menus::site).list();
  }

  /** The region a canteen belongs to, for checks on records reached by their own id. */
  long siteRegion(long siteId) {
    return jdbc.sql("select region_id from canteen where id = :id").param("id", siteId).query(Long.class).single();
  }

  /** A canteen of the caller's region; any other answers 404. */
  public CanteenSite site(long id, CurrentUser viewer) {
    return jdbc.sql("select * from canteen where id = :id and region_id = :region")
        .param("id", id).param("region", viewer.regionId()).query(Menus::site).optional()
        .orElseThrow(() -> new NotFoundException("canteenSite", id));
  }

  /** Registers a canteen of the caller's region (the canteen module's own register of canteens). */
  @Transactional
  public CanteenSite createSite(String name, String address, CurrentUser by) {
    requireManager(by, by.regionId());
    return site(terminals.createCanteen(name, address, by).id(), by);
  }

  public List<Dish> dishes(long siteId, CurrentUser viewer) {
    site(siteId, viewer);
    return jdbc.sql("select * from canteen_dish where site_id = :site order by category, name")
        .param("site", siteId).query(Menus::dish).list();
  }

  @Transactional
  public Dish createDish(long siteId, String name, String category, long priceFen, CurrentUser by) {
    CanteenSite site = site(siteId, by);
    requireManager(by, site.regionId());
    String trimmed = required(name, "canteen.kitchen.nameRequired");
    String kind = category == null || category.isBlank() ? "MAIN" : category.trim().toUpperCase(java.util.Locale.ROOT);
    if (!CATEGORIES.contains(kind)) {
      throw new BusinessRuleException("canteen.kitchen.categoryInvalid", category);
    }
    if (priceFen < 0) {
      throw new BusinessRuleException("canteen.kitchen.priceInvalid");
    }
    if (jdbc.sql("select count(*) from canteen_dish where site_id = :site and name = :name")
        .param("site", siteId).param("name", trimmed).query(Long.class).single() > 0) {
      throw new ConflictException("canteen.kitchen.dishNameTaken", trimmed);
    }
    long id = jdbc.sql("""
        insert into canteen_dish (site_id, name, category, price_fen) values (:site, :name, :category, :price)
        returning id""")
        .param("site", siteId).param("name", trimmed).param("category", kind).param("price", priceFen)
        .query(Long.class).single();
    audit.record(AuditEntry.created("canteen_dish", id, site.regionId(),
        Map.of("site", site.name(), "name", trimmed, "category", kind, "priceFen", priceFen)));
    return jdbc.sql("select * from canteen_dish where id = :id").param("id", id).query(Menus::dish).single();
  }

  /** Puts a dish of the canteen on a day's meal at its current price (or the price given for that day). */
  @Transactional
  public MenuItem addToMenu(long siteId, LocalDate date, Meal meal, long dishId, Long priceFen, CurrentUser by) {
    CanteenSite site = site(siteId, by);
    requireManager(by, site.regionId());
    if (date == null || meal == null) {
      throw new BusinessRuleException("canteen.kitchen.dateAndMealRequired");
    }
    Dish dish = jdbc.sql("select * from canteen_dish where id = :id and site_id = :site")
        .param("id", dishId).param("site", siteId).query(Menus::dish).optional()
        .orElseThrow(() -> new NotFoundException("canteenDish", dishId));
    long price = priceFen == null ? dish.priceFen() : priceFen;
    if (price < 0) {
      throw new BusinessRuleException("canteen.kitchen.priceInvalid");
    }
    boolean already = jdbc.sql("""
        select count(*) from canteen_menu_item where site_id = :site and serve_date = :date and meal = :meal
           and dish_id = :dish""")
        .param("site", siteId).param("date", Date.valueOf(date)).param("meal", meal.name()).param("dish", dishId)
        .query(Long.class).single() > 0;
    if (already) {
      throw new ConflictException("canteen.kitchen.dishAlreadyOnMenu", dish.name(), date);
    }
    long id = jdbc.sql("""
        insert into canteen_menu_item (site_id, serve_date, meal, dish_id, price_fen)
        values (:site, :date, :meal, :dish, :price) returning id""")
        .param("site", siteId).param("date", Date.valueOf(date)).param("meal", meal.name()).param("dish", dishId)
        .param("price", price).query(Long.class).single();
    audit.record(AuditEntry.created("canteen_menu_item", id, site.regionId(), Map.of("site", site.name(),
        "date", date.toString(), "meal", meal.name(), "dish", dish.name(), "priceFen", price)));
    return menuItem(id, by);
  }

  /**
   * Copies a week's menu (Monday to Sunday holding {@code fromDay}) onto the week holding {@code toDay}, day by day and
   * meal by meal at the dishes' current prices; dishes already on the target meal stay as they are. Answers how many
   * menu items were added.
   */
  @Transactional
  public int copyWeek(long siteId, LocalDate fromDay, LocalDate toDay, CurrentUser by) {
    CanteenSite site = site(siteId, by);
    requireManager(by, site.regionId());
    if (fromDay == null || toDay == null) {
      throw new BusinessRuleException("canteen.kitchen.dateAndMealRequired");
    }
    LocalDate from = fromDay.with(DayOfWeek.MONDAY);
    LocalDate to = toDay.with(DayOfWeek.MONDAY);
    if (from.equals(to)) {
      throw new BusinessRuleException("canteen.kitchen.copySameWeek");
    }
    int added = jdbc.sql("""
        insert into canteen_menu_item (site_id, serve_date, meal, dish_id, price_fen)
        select m.site_id, m.serve_date + :shift, m.meal, m.dish_id, d.price_fen
          from canteen_menu_item m join canteen_dish d on d.id = m.dish_id
         where m.site_id = :site and m.serve_date between :from and :to and d.active
        on conflict (site_id, serve_date, meal, dish_id) do nothing""")
        .param("shift", (int) java.time.temporal.ChronoUnit.DAYS.between(from, to)).param("site", siteId)
        .param("from", Date.valueOf(from)).param("to", Date.valueOf(from.plusDays(6))).update();
    audit.record(AuditEntry.created("canteen_menu_week", siteId + ":" + to, site.regionId(),
        Map.of("site", site.name(), "copiedFrom", from.toString(), "week", to.toString(), "items", added)));
    return added;
  }

  /** Takes a dish off a day's meal, unless someone has already ordered it (then it is part of their order). */
  @Transactional
  public void removeFromMenu(long menuItemId, CurrentUser by) {
    MenuItem item = menuItem(menuItemId, by);
    CanteenSite site = site(item.siteId(), by);
    requireManager(by, site.regionId());
    boolean used = jdbc.sql("""
        select exists (select 1 from canteen_preorder_line where menu_item_id = :id)
            or exists (select 1 from canteen_dish_rating where menu_item_id = :id)""")
        .param("id", menuItemId).query(Boolean.class).single();
    if (used) {
      throw new ConflictException("canteen.kitchen.menuItemInUse", item.dishName());
    }
    jdbc.sql("delete from canteen_menu_item where id = :id").param("id", menuItemId).update();
    audit.record(AuditEntry.deleted("canteen_menu_item", menuItemId, site.regionId(), Map.of("date",
        item.serveDate().toString(), "meal", item.meal().name(), "dish", item.dishName())));
  }

  /** A menu item of a canteen in the caller's region; any other answers 404. */
  public MenuItem menuItem(long id, CurrentUser viewer) {
    return jdbc.sql(MENU_ITEM + " join canteen s on s.id = m.site_id where m.id = :id and s.region_id = :region")
        .param("id", id).param("region", viewer.regionId()).query(Menus::menuItem).optional()
        .orElseThrow(() -> new NotFoundException("canteenMenuItem", id));
  }

  /** The items of one day's meals, in meal order. */
  public List<MenuItem> day(long siteId, LocalDate date, CurrentUser viewer) {
    return between(siteId, date, date, viewer);
  }

  /** 一周菜单: the week (Monday to Sunday) that holds the date, day by day. */
  public Map<LocalDate, List<MenuItem>> week(long siteId, LocalDate anyDay, CurrentUser viewer) {
    LocalDate monday = anyDay.with(DayOfWeek.MONDAY);
    List<MenuItem> items = between(siteId, monday, monday.plusDays(6), viewer);
    Map<LocalDate, List<MenuItem>> week = new LinkedHashMap<>();
    for (int i = 0; i < 7; i++) {
      LocalDate day = monday.plusDays(i);
      week.put(day, items.stream().filter(item -> item.serveDate().equals(day)).toList());
    }
    return week;
  }

  private List<MenuItem> between(long siteId, LocalDate from, LocalDate to, CurrentUser viewer) {
    site(siteId, viewer);
    return jdbc.sql(MENU_ITEM + """
        where m.site_id = :site and m.serve_date between :from and :to
        order by m.serve_date, array_position(array['BREAKFAST','LUNCH','DINNER'], m.meal), d.category, d.name""")
        .param("site", siteId).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
        .query(Menus::menuItem).list();
  }

  private static String required(String text, String key) {
    if (text == null || text.isBlank() || text.trim().length() > 100) {
      throw new BusinessRuleException(key);
    }
    return text.trim();
  }

  static CanteenSite site(ResultSet rs, int row) throws SQLException {
    return new CanteenSite(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"), rs.getString("address"));
  }

  static Dish dish(ResultSet rs, int row) throws SQLException {
    return new Dish(rs.getLong("id"), rs.getLong("site_id"), rs.getString("name"), rs.getString("category"),
        rs.getLong("price_fen"), rs.getBoolean("active"));
  }

  static MenuItem menuItem(ResultSet rs, int row) throws SQLException {
    return new MenuItem(rs.getLong("id"), rs.getLong("site_id"), rs.getDate("serve_date").toLocalDate(),
        Meal.valueOf(rs.getString("meal")), rs.getLong("dish_id"), rs.getString("dish_name"), rs.getString("category"),
        rs.getLong("price_fen"));
  }
}
