package cn.smartaffairs.meeting;

import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUsers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 会议室使用报表: occupancy heat map, no-show rate, services delivered, and the same as .xlsx. */
@PageController
class MeetingReportController {

  private static final int FIRST_HOUR = 7;
  private static final int LAST_HOUR = 21;

  private final MeetingReports reports;
  private final MeetingRooms rooms;
  private final ObjectMapper json;
  private final MessageSource messages;
  private final java.time.Clock clock;

  MeetingReportController(MeetingReports reports, MeetingRooms rooms, ObjectMapper json, MessageSource messages,
      java.time.Clock clock) {
    this.clock = clock;
    this.reports = reports;
    this.rooms = rooms;
    this.json = json;
    this.messages = messages;
  }

  @GetMapping("/meeting-reports")
  String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long room, Model model, Locale locale) throws JsonProcessingException {
    LocalDate end = to != null ? to : LocalDate.ofInstant(clock.instant(), PlatformConfiguration.ZONE);
    LocalDate start = from != null ? from : end.withDayOfMonth(1);
    MeetingReports.Report report = reports.report(start, end, room, CurrentUsers.current());
    model.addAttribute("report", report);
    model.addAttribute("rooms", rooms.rooms(CurrentUsers.current()));
    model.addAttribute("chart", json.writeValueAsString(heatMap(report, locale)));
    return "meeting/reports";
  }

  @GetMapping("/meeting-reports/export.xlsx")
  void export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) Long room, HttpServletResponse response, Locale locale) {
    MeetingReports.Report report = reports.report(from, to, room, CurrentUsers.current());
    XlsxDownload.send(response, "会议室使用_" + from + "_" + to + ".xlsx",
        new Xlsx.Sheet("会议室使用", List.of("会议室", "预订数", "预订小时", "开放小时", "使用率", "已到时间的预订", "未签到"),
            report.rooms().stream().map(r -> Arrays.<Object>asList(r.name(), r.bookings(), r.bookedHours(),
                r.openHours(), r.occupancy(), r.held(), r.noShows()))),
        new Xlsx.Sheet("按星期与小时", List.of("星期", "小时", "预订小时"),
            report.heat().stream().map(c -> Arrays.<Object>asList(
                messages.getMessage("meeting.weekday." + c.weekday(), null, locale), c.hour(), c.hours()))),
        new Xlsx.Sheet("会务服务", List.of("服务", "已完成"),
            report.servicesDelivered().entrySet().stream().map(e -> Arrays.<Object>asList(
                messages.getMessage("meeting.service." + e.getKey(), null, locale), e.getValue()))));
  }

  /** An ECharts heat map: hours of the day across, weekdays down, booked hours as colour. */
  private Map<String, Object> heatMap(MeetingReports.Report report, Locale locale) {
    List<String> hours = IntStream.rangeClosed(FIRST_HOUR, LAST_HOUR).mapToObj(h -> String.format("%02d:00", h))
        .toList();
    List<String> weekdays = IntStream.rangeClosed(1, 7)
        .mapToObj(d -> messages.getMessage("meeting.weekday." + d, null, locale)).toList();
    List<List<Object>> data = new ArrayList<>();
    double max = 1;
    for (MeetingReports.HeatCell cell : report.heat()) {
      if (cell.hour() >= FIRST_HOUR && cell.hour() <= LAST_HOUR) {
        data.add(List.of(cell.hour() - FIRST_HOUR, cell.weekday() - 1, Math.round(cell.hours() * 10) / 10.0));
        max = Math.max(max, cell.hours());
      }
    }
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of("position", "top"));
    option.put("grid", Map.of("left", 48, "right", 24, "top", 16, "bottom", 72));
    option.put("xAxis", Map.of("type", "category", "data", hours, "splitArea", Map.of("show", true)));
    option.put("yAxis",
        Map.of("type", "category", "data", weekdays, "inverse", true, "splitArea", Map.of("show", true)));
    option.put("visualMap", Map.of("min", 0, "max", Math.ceil(max), "calculable", true, "orient", "horizontal",
        "left", "center", "bottom", 8));
    option.put("series", List.of(Map.of("name", messages.getMessage("meeting.reports.booked", null, locale),
        "type", "heatmap", "data", data, "label", Map.of("show", true))));
    return option;
  }
}
