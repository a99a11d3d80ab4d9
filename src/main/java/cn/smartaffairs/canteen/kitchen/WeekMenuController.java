package cn.smartaffairs.canteen.kitchen;

import cn.smartaffairs.canteen.CanteenAccounts;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import jakarta.validation.Valid;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 食堂 for staff, phone first: this week's menu, 报餐 and its cancellation, and rating dishes already served. */
@PageController
class WeekMenuController {

  /** One meal of one day as the diner sees it: the dishes, their own order if any, and whether it is still open. */
  record MealView(Meal meal, List<MenuItem> items, Preorder order, boolean open, ZonedDateTime cutoff) {}

  /** One day of the week. */
  record DayView(LocalDate date, boolean served, List<MealView> meals) {}

  private final Menus menus;
  private final Preorders preorders;
  private final CutoffRules cutoffs;
  private final Ratings ratings;
  private final MessageSource messages;
  private final Clock clock;
  private final CanteenAccounts accounts;

  /** How many weeks ahead the page looks for the first one that still takes orders. */
  static final int WEEKS_AHEAD = 4;

  WeekMenuController(Menus menus, Preorders preorders, CutoffRules cutoffs, Ratings ratings, MessageSource messages,
      Clock clock, CanteenAccounts accounts) {
    this.accounts = accounts;
    this.menus = menus;
    this.preorders = preorders;
    this.cutoffs = cutoffs;
    this.ratings = ratings;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/canteen")
  String week(@RequestParam(required = false) Long site,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
    CurrentUser user = CurrentUsers.current();
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    List<CanteenSite> sites = menus.sites(user);
    model.addAttribute("sites", sites);
    model.addAttribute("today", today);
    // the diner's card beside the menu: what they may spend now, before ordering
    model.addAttribute("account", user.staffId() == null
        ? null
        : accounts.accountOfStaff(user.staffId()).orElse(null));
    if (sites.isEmpty()) {
      model.addAttribute("monday", today.with(DayOfWeek.MONDAY));
      return "canteen/week";
    }
    CanteenSite chosen = site == null ? sites.get(0) : menus.site(site, user);
    // without a chosen week the page opens on the first one that still takes orders (late in the week, the next)
    LocalDate monday = date != null ? date.with(DayOfWeek.MONDAY) : firstWeekTakingOrders(chosen, today, user);
    model.addAttribute("monday", monday);
    model.addAttribute("site", chosen);
    Map<String, Preorder> mine = new LinkedHashMap<>();
    for (Preorder order : preorders.mine(monday, monday.plusDays(6), user)) {
      if (order.active() && order.siteId() == chosen.id()) {
        mine.put(order.serveDate() + ":" + order.meal(), order);
      }
    }
    List<DayView> days = new ArrayList<>();
    List<Long> itemIds = new ArrayList<>();
    menus.week(chosen.id(), monday, user).forEach((day, items) -> {
      List<MealView> meals = new ArrayList<>();
      for (Meal meal : Meal.values()) {
        List<MenuItem> mealItems = items.stream().filter(item -> item.meal() == meal).toList();
        if (mealItems.isEmpty()) {
          continue;
        }
        mealItems.forEach(item -> itemIds.add(item.id()));
        ZonedDateTime cutoff = cutoffs.cutoff(chosen.regionId(), day, meal);
        meals.add(new MealView(meal, mealItems, mine.get(day + ":" + meal),
            clock.instant().isBefore(cutoff.toInstant()), cutoff));
      }
      days.add(new DayView(day, !day.isAfter(today), meals));
    });
    model.addAttribute("days", days);
    model.addAttribute("rated", ratings.ratedBy(user, itemIds));
    if (!model.containsAttribute("ratingForm")) {
      model.addAttribute("ratingForm", new RatingForm());
    }
    model.addAttribute("newRatingForm", new RatingForm());
    return "canteen/week";
  }

  /** The Monday of the first week from this one on with a meal whose cut-off has not passed; this week if none. */
  private LocalDate firstWeekTakingOrders(CanteenSite site, LocalDate today, CurrentUser user) {
    LocalDate thisWeek = today.with(DayOfWeek.MONDAY);
    for (int week = 0; week < WEEKS_AHEAD; week++) {
      LocalDate monday = thisWeek.plusWeeks(week);
      boolean open = menus.week(site.id(), monday, user).entrySet().stream()
          .anyMatch(day -> day.getValue().stream().map(MenuItem::meal).distinct()
              .anyMatch(
                  meal -> clock.instant().isBefore(cutoffs.cutoff(site.regionId(), day.getKey(), meal).toInstant())));
      if (open) {
        return monday;
      }
    }
    return thisWeek;
  }

  @PostMapping("/canteen/preorders")
  String place(@Valid @ModelAttribute("preorderForm") PreorderForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    String week = weekOf(form.getSiteId(), form.getDate());
    if (binding.hasErrors()) {
      // nothing here is typed: a refused field is a page that was tampered with or is out of date
      redirect.addFlashAttribute("flashError", messages.getMessage("canteen.kitchen.dateAndMealRequired", null,
          locale));
      return "redirect:" + week;
    }
    return PageOutcome.redirectAfter(() -> preorders.place(form.getSiteId(), form.getDate(), form.getMeal(),
        form.portions(), CurrentUsers.current()), week, redirect, messages, locale);
  }

  @PostMapping("/canteen/preorders/{id}/cancel")
  String cancel(@PathVariable long id, @RequestParam long siteId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> preorders.cancel(id, CurrentUsers.current()),
        "/canteen?site=" + siteId + "&date=" + date, redirect, messages, locale);
  }

  @PostMapping("/canteen/ratings")
  String rate(@Valid @ModelAttribute("ratingForm") RatingForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> ratings.rate(form.getMenuItemId(), form.getScore(),
        form.getComment(), CurrentUsers.current()), () -> messages.getMessage("common.saved", null, locale),
        weekOf(form.getSiteId(), form.getDate()), redirect, messages, locale);
  }

  /** The week's page a form came from, so that what it says lands where it was sent. */
  private static String weekOf(Long siteId, LocalDate date) {
    String query = siteId == null ? "" : "?site=" + siteId;
    return "/canteen" + (date == null ? query : query + (query.isEmpty() ? "?" : "&") + "date=" + date);
  }
}
