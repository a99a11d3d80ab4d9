package cn.smartaffairs.canteen.kitchen;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.notification.Notifications;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.workbench.TodoInbox;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 留样管理: every dish of a meal gets a sample of at least the region's minimum weight (125 g), kept at least the
 * rule's hours (48 h) before it may be discarded. A watch reminds the canteen managers (to-do and message) when a
 * sample may be discarded and when a meal that has been served has dishes without a sample.
 */
@Service
public class FoodSamples {

  private static final String SAMPLE = """
      select f.*, d.name as dish_name, m.serve_date, m.meal from canteen_food_sample f
        join canteen_menu_item m on m.id = f.menu_item_id join canteen_dish d on d.id = m.dish_id
      """;
  /** When each meal has been served, so that its samples must exist (Beijing time). */
  private static final Map<Meal, java.time.LocalTime> SERVED_BY = Map.of(Meal.BREAKFAST, java.time.LocalTime.of(9, 0),
      Meal.LUNCH, java.time.LocalTime.of(13, 0), Meal.DINNER, java.time.LocalTime.of(19, 0));
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Menus menus;
  private final FoodSafetyRules rules;
  private final Accounts accounts;
  private final TodoInbox todos;
  private final Notifications notifications;
  private final Clock clock;

  public FoodSamples(JdbcClient jdbc, AuditTrail audit, Menus menus, FoodSafetyRules rules, Accounts accounts,
      TodoInbox todos, Notifications notifications, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.menus = menus;
    this.rules = rules;
    this.accounts = accounts;
    this.todos = todos;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** Records the sample of a dish; lighter than the region's minimum is refused with the rule's value. */
  @Transactional
  public FoodSample take(long menuItemId, int weightGrams, String takenBy, String storage, CurrentUser by) {
    MenuItem item = menus.menuItem(menuItemId, by);
    CanteenSite site = menus.site(item.siteId(), by);
    Menus.requireManager(by, site.regionId());
    var rule = rules.inEffect(site.regionId(), item.serveDate());
    if (weightGrams < rule.sampleMinGrams()) {
      throw new BusinessRuleException("canteen.kitchen.sampleTooLight", item.dishName(), weightGrams,
          rule.sampleMinGrams());
    }
    if (takenBy == null || takenBy.isBlank() || takenBy.trim().length() > 100) {
      throw new BusinessRuleException("canteen.kitchen.sampleTakerRequired");
    }
    Instant now = clock.instant();
    Instant keepUntil = now.plusSeconds(rule.sampleKeepHours() * 3600L);
    long id;
    try {
      id = jdbc
          .sql(
              """
                  insert into canteen_food_sample (menu_item_id, weight_grams, taken_at, taken_by, keep_until, storage, recorded_by)
                  values (:item, :grams, :now, :taker, :keep, :storage, :by) returning id""")
          .param("item", menuItemId).param("grams", weightGrams).param("now", Timestamp.from(now))
          .param("taker", takenBy.trim()).param("keep", Timestamp.from(keepUntil))
          .param("storage", storage == null || storage.isBlank() ? null : storage.trim()).param("by", by.userId())
          .query(Long.class).single();
    } catch (DuplicateKeyException e) {
      throw new ConflictException("canteen.kitchen.sampleAlreadyTaken", item.dishName());
    }
    audit.record(AuditEntry.created("canteen_food_sample", id, site.regionId(), Map.of("dish", item.dishName(),
        "date", item.serveDate().toString(), "meal", item.meal().name(), "weightGrams", weightGrams,
        "keepUntil", keepUntil.toString())));
    return sample(id);
  }

  /** Discards a sample once its keeping time is over; earlier is refused. */
  @Transactional
  public FoodSample discard(long sampleId, CurrentUser by) {
    FoodSample sample = sample(sampleId);
    MenuItem item = menus.menuItem(sample.menuItemId(), by);
    long regionId = menus.site(item.siteId(), by).regionId();
    Menus.requireManager(by, regionId);
    if (sample.discardedAt() != null) {
      throw new ConflictException("canteen.kitchen.sampleAlreadyDiscarded", sample.dishName());
    }
    if (!sample.mayBeDiscardedAt(clock.instant())) {
      throw new BusinessRuleException("canteen.kitchen.sampleKeptUntil", sample.dishName(),
          sample.keepUntil().atZoneSameInstant(PlatformConfiguration.ZONE).format(TIME));
    }
    jdbc.sql("update canteen_food_sample set discarded_at = :now, discarded_by = :by where id = :id")
        .param("now", Timestamp.from(clock.instant())).param("by", by.userId()).param("id", sampleId).update();
    audit.record(AuditEntry.updated("canteen_food_sample", sampleId, regionId, Map.of("discarded", false),
        Map.of("discarded", true)));
    todos.doneForLink(link(item.siteId(), item.serveDate()));
    return sample(sampleId);
  }

  /** The samples of a canteen's day, meal by meal. */
  public List<FoodSample> day(long siteId, LocalDate date, CurrentUser viewer) {
    Menus.requireManager(viewer, menus.site(siteId, viewer).regionId());
    return jdbc.sql(SAMPLE + """
        where m.site_id = :site and m.serve_date = :date
        order by array_position(array['BREAKFAST','LUNCH','DINNER'], m.meal), d.name""")
        .param("site", siteId).param("date", Date.valueOf(date)).query(FoodSamples::sample).list();
  }

  /** Dishes of the day's meals already served that have no sample. */
  public List<MenuItem> missing(long siteId, LocalDate date, CurrentUser viewer) {
    Menus.requireManager(viewer, menus.site(siteId, viewer).regionId());
    return jdbc.sql(Menus.MENU_ITEM + """
        where m.site_id = :site and m.serve_date = :date
          and not exists (select 1 from canteen_food_sample f where f.menu_item_id = m.id)
        order by array_position(array['BREAKFAST','LUNCH','DINNER'], m.meal), d.name""")
        .param("site", siteId).param("date", Date.valueOf(date)).query(Menus::menuItem).list();
  }

  /** Every ten minutes on one instance only (the job's lock answers no count, hence this void entry). */
  @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT2M")
  @SchedulerLock(name = "canteen-food-sample-reminders")
  @Transactional
  public void remindOnSchedule() {
    remind();
  }

  /**
   * Reminds the canteen managers of each canteen's region: once per sample when it may be discarded, and once per
   * served meal whose dishes lack a sample. Runs every ten minutes; returns how many reminders went out.
   */
  @Transactional
  public int remind() {
    Instant now = clock.instant();
    int sent = 0;
    var due = jdbc.sql("""
        select f.*, d.name as dish_name, m.serve_date, m.meal, s.id as site_id, s.region_id
          from canteen_food_sample f join canteen_menu_item m on m.id = f.menu_item_id
          join canteen_dish d on d.id = m.dish_id join canteen s on s.id = m.site_id
         where f.discarded_at is null and not f.discard_reminded and f.keep_until <= :now""")
        .param("now", Timestamp.from(now))
        .query((rs, n) -> Map.entry(sample(rs, n), new long[] {rs.getLong("site_id"), rs.getLong("region_id")}))
        .list();
    for (var entry : due) {
      FoodSample sample = entry.getKey();
      String title = "留样可以处理：" + sample.serveDate() + " " + mealName(sample.meal()) + " " + sample.dishName();
      sent += remindManagers(entry.getValue()[1], title, link(entry.getValue()[0], sample.serveDate()));
      jdbc.sql("update canteen_food_sample set discard_reminded = true where id = :id").param("id", sample.id())
          .update();
    }
    LocalDate today = LocalDate.ofInstant(now, PlatformConfiguration.ZONE);
    for (Meal meal : Meal.values()) {
      if (now.isBefore(today.atTime(SERVED_BY.get(meal)).atZone(PlatformConfiguration.ZONE).toInstant())) {
        continue;
      }
      var lacking = jdbc
          .sql(
              """
                  select s.id, s.region_id, s.name, count(*) as dishes from canteen_menu_item m join canteen s on s.id = m.site_id
                   where m.serve_date = :today and m.meal = :meal
                     and not exists (select 1 from canteen_food_sample f where f.menu_item_id = m.id)
                     and not exists (select 1 from canteen_sample_missing_reminder r
                                      where r.site_id = m.site_id and r.serve_date = m.serve_date and r.meal = m.meal)
                   group by s.id, s.region_id, s.name""")
          .param("today", Date.valueOf(today)).param("meal", meal.name())
          .query((rs, n) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getLong(4)}).list();
      for (Object[] site : lacking) {
        String title = "未留样提醒：" + site[2] + " " + today + " " + mealName(meal) + " 有 " + site[3] + " 道菜未留样";
        sent += remindManagers((Long) site[1], title, link((Long) site[0], today));
        jdbc.sql("""
            insert into canteen_sample_missing_reminder (site_id, serve_date, meal, reminded_at)
            values (:site, :date, :meal, :now)""")
            .param("site", site[0]).param("date", Date.valueOf(today)).param("meal", meal.name())
            .param("now", Timestamp.from(now)).update();
      }
    }
    return sent;
  }

  private int remindManagers(long regionId, String title, String link) {
    List<Long> managers = accounts.holdersOf(Role.CANTEEN_MANAGER, regionId, null);
    for (long userId : managers) {
      todos.add(userId, "canteen", title, link, null);
      notifications.send(userId, title, title, link);
    }
    return managers.size();
  }

  static String link(long siteId, LocalDate date) {
    return "/canteen/kitchen/samples?site=" + siteId + "&date=" + date;
  }

  private static String mealName(Meal meal) {
    return switch (meal) {
      case BREAKFAST -> "早餐";
      case LUNCH -> "午餐";
      case DINNER -> "晚餐";
    };
  }

  private FoodSample sample(long id) {
    return jdbc.sql(SAMPLE + " where f.id = :id").param("id", id).query(FoodSamples::sample).optional()
        .orElseThrow(() -> new NotFoundException("canteenFoodSample", id));
  }

  private static FoodSample sample(ResultSet rs, int row) throws SQLException {
    return new FoodSample(rs.getLong("id"), rs.getLong("menu_item_id"), rs.getString("dish_name"),
        rs.getDate("serve_date").toLocalDate(), Meal.valueOf(rs.getString("meal")), rs.getInt("weight_grams"),
        beijing(rs, "taken_at"), rs.getString("taken_by"), beijing(rs, "keep_until"), rs.getString("storage"),
        beijing(rs, "discarded_at"));
  }

  private static OffsetDateTime beijing(ResultSet rs, String column) throws SQLException {
    OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.atZoneSameInstant(PlatformConfiguration.ZONE).toOffsetDateTime();
  }
}
