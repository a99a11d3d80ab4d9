package cn.smartaffairs.reception;

import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 接待统计与公开: closed receptions per host unit — receptions, guests and cost — for a month (the monthly statistics)
 * or a whole year (the yearly publication), as a page and as .xlsx.
 */
@PageController
class ReceptionStatisticsController {

  private final ReceptionRegister register;
  private final MessageSource messages;
  private final Clock clock;

  ReceptionStatisticsController(ReceptionRegister register, MessageSource messages, Clock clock) {
    this.register = register;
    this.messages = messages;
    this.clock = clock;
  }

  /** A period: a year, or one month of it (month 1–12; anything else means the whole year). */
  record Period(int year, Integer month) {
    LocalDate from() {
      return LocalDate.of(year, month == null ? 1 : month, 1);
    }

    LocalDate to() {
      return month == null ? from().plusYears(1) : from().plusMonths(1);
    }
  }

  private Period period(Integer year, Integer month) {
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    int y = year == null || year < 2000 || year > 2100 ? today.getYear() : year;
    Integer m = month == null || month < 1 || month > 12 ? null : month;
    return new Period(y, m);
  }

  @GetMapping("/receptions/statistics")
  String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
      Model model) {
    Period period = period(year, month);
    List<ReceptionRegister.UnitTotal> totals = register.totals(CurrentUsers.current(), period.from(), period.to());
    model.addAttribute("period", period);
    model.addAttribute("totals", totals);
    model.addAttribute("receptions", totals.stream().mapToInt(ReceptionRegister.UnitTotal::receptions).sum());
    model.addAttribute("guests", totals.stream().mapToInt(ReceptionRegister.UnitTotal::guests).sum());
    model.addAttribute("costFen", totals.stream().mapToLong(ReceptionRegister.UnitTotal::costFen).sum());
    model.addAttribute("months", java.util.stream.IntStream.rangeClosed(1, 12).boxed().toList());
    return "reception/statistics";
  }

  @GetMapping("/receptions/statistics/export.xlsx")
  void export(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer month,
      HttpServletResponse response, Locale locale) {
    Period period = period(year, month);
    List<ReceptionRegister.UnitTotal> totals = register.totals(CurrentUsers.current(), period.from(), period.to());
    String title = period.month() == null
        ? messages.getMessage("reception.stats.yearTitle", new Object[] {period.year()}, locale)
        : messages.getMessage("reception.stats.monthTitle", new Object[] {period.year(), period.month()}, locale);
    List<List<?>> rows = new ArrayList<>();
    for (ReceptionRegister.UnitTotal total : totals) {
      rows.add(List.of(total.unitName(), total.receptions(), total.guests(), Money.ofFen(total.costFen()).yuan()));
    }
    rows.add(List.of(messages.getMessage("reception.total", null, locale),
        totals.stream().mapToInt(ReceptionRegister.UnitTotal::receptions).sum(),
        totals.stream().mapToInt(ReceptionRegister.UnitTotal::guests).sum(),
        Money.ofFen(totals.stream().mapToLong(ReceptionRegister.UnitTotal::costFen).sum()).yuan()));
    XlsxDownload.send(response, title + ".xlsx", new Xlsx.Sheet(title.length() > 31 ? title.substring(0, 31) : title,
        List.of(messages.getMessage("reception.hostUnit", null, locale),
            messages.getMessage("reception.stats.receptions", null, locale),
            messages.getMessage("reception.stats.guests", null, locale),
            messages.getMessage("reception.stats.cost", null, locale)),
        rows.stream()));
  }
}
