package cn.smartaffairs.reception;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 接待规则: the reception rule tables (values, room standards by grade, banned items) and the designated hotels as an
 * administrator keeps them (under /admin, for the platform and region administrators).
 */
@PageController
@RequestMapping("/admin/reception-rules")
class ReceptionRulesController {

  private static final String PAGE = "/admin/reception-rules";

  private final ReceptionRuleTables rules;
  private final MessageSource messages;
  private final Clock clock;

  ReceptionRulesController(ReceptionRuleTables rules, MessageSource messages, Clock clock) {
    this.rules = rules;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping
  String page(Model model) {
    CurrentUser user = CurrentUsers.current();
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    model.addAttribute("inForce", rules.inForce(user.regionId(), today));
    model.addAttribute("values", rules.values(user.regionId()));
    model.addAttribute("rooms", rules.roomStandards(user.regionId()));
    model.addAttribute("banned", rules.bannedItems(user.regionId()));
    model.addAttribute("hotels", rules.hotels(user.regionId(), false));
    model.addAttribute("keys", ReceptionRuleTables.Key.values());
    model.addAttribute("grades", RankGrade.values());
    model.addAttribute("roomKinds", RoomKind.values());
    if (!model.containsAttribute("valueForm")) {
      model.addAttribute("valueForm", new RuleValueForm());
    }
    if (!model.containsAttribute("roomForm")) {
      model.addAttribute("roomForm", new RoomStandardForm());
    }
    if (!model.containsAttribute("bannedForm")) {
      model.addAttribute("bannedForm", new BannedItemForm());
    }
    if (!model.containsAttribute("hotelForm")) {
      model.addAttribute("hotelForm", new HotelForm());
    }
    return "reception/rules";
  }

  @PostMapping("/values")
  String addValue(@Valid @ModelAttribute("valueForm") RuleValueForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(binding, () -> rules.addValue(form.getKey(), form.storedValue(),
        form.getEffectiveFrom(), form.isNational(), form.getSource(), user),
        () -> messages.getMessage("common.saved", null, locale), PAGE, redirect, messages, locale);
  }

  @PostMapping("/rooms")
  String addRoom(@Valid @ModelAttribute("roomForm") RoomStandardForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(binding, () -> rules.addRoomStandard(form.getGrade(), form.getRoomKind(),
        Money.ofFormYuan(form.getPriceCap()).fen(), form.getEffectiveFrom(), form.isNational(), form.getSource(),
        user), () -> messages.getMessage("common.saved", null, locale), PAGE, redirect, messages, locale);
  }

  @PostMapping("/banned")
  String addBanned(@Valid @ModelAttribute("bannedForm") BannedItemForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(binding, () -> rules.addBannedItem(form.getWord(), form.isBanned(),
        form.getEffectiveFrom(), form.isNational(), user),
        () -> messages.getMessage("common.saved", null, locale), PAGE, redirect, messages, locale);
  }

  @PostMapping("/hotels")
  String addHotel(@Valid @ModelAttribute("hotelForm") HotelForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(binding, () -> rules.addHotel(form.getName(), form.getAddress(), user),
        () -> messages.getMessage("reception.hotelAdded", new Object[] {form.getName().strip()}, locale), PAGE,
        redirect, messages, locale);
  }
}
