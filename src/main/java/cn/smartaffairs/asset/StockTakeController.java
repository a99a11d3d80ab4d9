package cn.smartaffairs.asset;

import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.space.Room;
import cn.smartaffairs.space.SpaceRegister;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 清查盘点: the campaigns, one campaign's reconciliation (and its .xlsx), and the phone page that scans labels by
 * camera (js/stocktake-scan.js) or takes a typed number, each scan answered by a line htmx adds to the page.
 */
@PageController
class StockTakeController {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final StockTakes stockTakes;
  private final OrganisationDirectory organisation;
  private final SpaceRegister space;
  private final MessageSource messages;

  StockTakeController(StockTakes stockTakes, OrganisationDirectory organisation, SpaceRegister space,
      MessageSource messages) {
    this.stockTakes = stockTakes;
    this.organisation = organisation;
    this.space = space;
    this.messages = messages;
  }

  @GetMapping("/assets/stocktakes")
  String list(Model model) {
    CurrentUser user = CurrentUsers.current();
    requireKeeper(user);
    model.addAttribute("campaigns", stockTakes.list(user));
    model.addAttribute("units", organisation.unitChoices(AssetRegister.editScope(user)));
    model.addAttribute("roomGroups", roomGroups(user));
    if (!model.containsAttribute("openForm")) {
      model.addAttribute("openForm", new StockTakeForms.OpenForm());
    }
    return "asset/stocktakes";
  }

  @PostMapping("/assets/stocktakes")
  String open(@Valid @ModelAttribute("openForm") StockTakeForms.OpenForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return PageOutcome.redirectWithErrors(binding, "/assets/stocktakes", redirect);
    }
    try {
      long id = stockTakes.open(form.getName(), form.getUnitId(), form.getRoomId(), CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("asset.stocktake.opened", new Object[] {form.getName()},
          locale));
      return "redirect:/assets/stocktakes/" + id;
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(),
          locale));
      return "redirect:/assets/stocktakes";
    }
  }

  @GetMapping("/assets/stocktakes/{id}")
  String campaign(@PathVariable long id, Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("campaign", stockTakes.get(id, user));
    model.addAttribute("lines", stockTakes.reconciliation(id, user));
    model.addAttribute("roomNames", stockTakes.roomNames(user));
    return "asset/stocktake";
  }

  @PostMapping("/assets/stocktakes/{id}/close")
  String close(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> stockTakes.close(id, CurrentUsers.current()),
        () -> messages.getMessage("asset.stocktake.closedDone", null, locale), "/assets/stocktakes/" + id, redirect,
        messages, locale);
  }

  @GetMapping("/assets/stocktakes/{id}/scan")
  String scanPage(@PathVariable long id, Model model) {
    CurrentUser user = CurrentUsers.current();
    StockTakes.StockTake campaign = stockTakes.get(id, user);
    model.addAttribute("campaign", campaign);
    model.addAttribute("roomGroups", roomGroups(user));
    if (!model.containsAttribute("scanForm")) {
      var form = new StockTakeForms.ScanForm();
      form.setRoomId(campaign.roomId());
      model.addAttribute("scanForm", form);
    }
    model.addAttribute("conditions", StockTakes.Condition.values());
    return "asset/stocktake-scan";
  }

  /** One scan; answers the line the scan page adds (htmx), or a refusal in words. */
  @PostMapping("/assets/stocktakes/{id}/scans")
  String scan(@PathVariable long id, @Valid @ModelAttribute("scanForm") StockTakeForms.ScanForm form,
      BindingResult binding, Model model, Locale locale) {
    if (binding.hasErrors()) {
      model.addAttribute("refusal", messages.getMessage("asset.stocktake.codeRequired", null, locale));
      return "asset/stocktake-scan :: result";
    }
    try {
      model.addAttribute("scan", stockTakes.scan(id, form.getCode(), form.getRoomId(), form.getCondition(),
          CurrentUsers.current()));
    } catch (BusinessRuleException e) {
      model.addAttribute("refusal", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "asset/stocktake-scan :: result";
  }

  @GetMapping("/assets/stocktakes/{id}/reconciliation.xlsx")
  void reconciliation(@PathVariable long id, HttpServletResponse response, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    StockTakes.StockTake campaign = stockTakes.get(id, user);
    Map<Long, String> rooms = stockTakes.roomNames(user);
    List<List<?>> rows = new ArrayList<>();
    for (StockTakes.Line line : stockTakes.reconciliation(id, user)) {
      rows.add(List.of(line.number(), line.name(), line.unitName(),
          text("asset.stocktake.outcome." + line.outcome(), locale),
          line.expectedRoomId() == null ? "" : rooms.getOrDefault(line.expectedRoomId(), ""),
          line.foundRoomId() == null ? "" : rooms.getOrDefault(line.foundRoomId(), ""),
          line.condition() == null ? "" : text("asset.stocktake.condition." + line.condition(), locale),
          line.foundAt() == null ? "" : TIME.format(line.foundAt().atZone(PlatformConfiguration.ZONE)),
          line.locationUpdated() ? text("common.yes", locale) : ""));
    }
    XlsxDownload.send(response, campaign.name() + "-" + text("asset.stocktake.reconciliation", locale) + ".xlsx",
        new Xlsx.Sheet(text("asset.stocktake.reconciliation", locale), List.of(text("asset.number", locale),
            text("asset.name", locale), text("asset.unit", locale), text("asset.stocktake.outcome", locale),
            text("asset.stocktake.expectedRoom", locale), text("asset.stocktake.foundRoom", locale),
            text("asset.stocktake.condition", locale), text("asset.stocktake.foundAt", locale),
            text("asset.stocktake.locationUpdated", locale)), rows.stream()));
  }

  private String text(String key, Locale locale) {
    return messages.getMessage(key, null, locale);
  }

  private Map<String, List<Room>> roomGroups(CurrentUser user) {
    Map<String, List<Room>> rooms = new LinkedHashMap<>();
    space.rooms(user).forEach(r -> rooms.computeIfAbsent(r.buildingName(), b -> new ArrayList<>()).add(r));
    return rooms;
  }

  private static void requireKeeper(CurrentUser user) {
    if (!AssetRegister.editScope(user).isRegionWide()) {
      throw new cn.smartaffairs.platform.ForbiddenException();
    }
  }
}
