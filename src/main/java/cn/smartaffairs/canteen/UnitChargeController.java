package cn.smartaffairs.canteen;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import jakarta.servlet.http.HttpServletResponse;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 单位挂账 for canteen managers and region administrators: the charges to units by month and unit with their total,
 * the monthly statement a unit settles, and its export.
 */
@PageController
class UnitChargeController {

  static final ListColumns<UnitCharge> COLUMNS = ListColumns.<UnitCharge>sortedBy(UnitChargeList.SORT_KEYS)
      .sortable("chargedAt", "canteen.unitCharge.chargedAt",
          c -> c.chargedAt().atZone(PlatformConfiguration.ZONE).toLocalDateTime().withSecond(0).withNano(0))
      .sortable("chargeNo", "canteen.unitCharge.chargeNo", UnitCharge::chargeNo)
      .sortable("unit", "canteen.unitCharge.unit", UnitCharge::unitName)
      .column("canteen.unitCharge.description", UnitCharge::description).css("d-none d-md-table-cell")
      .sortable("amount", "canteen.unitCharge.amountYuan", c -> Money.ofFen(c.amountFen())).css("text-end")
      .column("canteen.unitCharge.chargedBy", UnitCharge::chargedBy).css("d-none d-lg-table-cell")
      .exportOnly("canteen.unitCharge.reference", UnitCharge::reference)
      .searchedFor("canteen.unitCharge.search").exportedAs("canteen.unitCharge.title");

  private final UnitChargeList list;
  private final MessageSource messages;

  UnitChargeController(UnitChargeList list, MessageSource messages) {
    this.list = list;
    this.messages = messages;
  }

  @ModelAttribute("zone")
  java.time.ZoneId zone() {
    return PlatformConfiguration.ZONE;
  }

  @GetMapping("/canteen/unit-charges")
  String charges(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CanteenController.requireManager();
    ListQuery query = COLUMNS.parse(parameters);
    YearMonth month = month(parameters.get("month"));
    Long unit = unit(parameters.get("unit"));
    UnitChargeList.Result result = list.search(query, month, unit, user);
    COLUMNS.show(model, query, result.page());
    model.addAttribute("totalFen", result.totalFen());
    model.addAttribute("month", month);
    model.addAttribute("unit", unit);
    model.addAttribute("units", list.units(user));
    return "canteen/unit-charges";
  }

  @GetMapping("/canteen/unit-charges/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser user = CanteenController.requireManager();
    ListExport.send(response, COLUMNS, list.search(COLUMNS.parse(parameters).forExport(),
        month(parameters.get("month")), unit(parameters.get("unit")), user).page().items(), messages, locale);
  }

  /** The month filter; a value that is no month filters nothing rather than failing. */
  private static YearMonth month(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return YearMonth.parse(value.strip());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private static Long unit(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
