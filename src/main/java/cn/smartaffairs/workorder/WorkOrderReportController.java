package cn.smartaffairs.workorder;

import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 工单统计 page with ECharts charts and its .xlsx export; for the region's dispatchers and admins. */
@PageController
@RequestMapping("/work-orders/reports")
class WorkOrderReportController {

  private final WorkOrderReport report;
  private final ObjectMapper json;
  private final MessageSource messages;

  WorkOrderReportController(WorkOrderReport report, ObjectMapper json, MessageSource messages) {
    this.report = report;
    this.json = json;
    this.messages = messages;
  }

  @GetMapping
  String page(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "CATEGORY") WorkOrderReport.GroupBy groupBy, Model model, Locale locale)
      throws JsonProcessingException {
    CurrentUser user = requireDispatcher();
    LocalDate end = to != null ? to : LocalDate.now(PlatformConfiguration.ZONE);
    LocalDate start = from != null ? from : end.withDayOfMonth(1);
    List<WorkOrderReport.Line> lines = report.lines(start, end, groupBy, user);
    model.addAttribute("from", start);
    model.addAttribute("to", end);
    model.addAttribute("groupBy", groupBy);
    model.addAttribute("lines", lines);
    model.addAttribute("chart", json.writeValueAsString(chart(lines, key -> messages.getMessage(key, null, locale))));
    return "workorder/reports";
  }

  @GetMapping("/export.xlsx")
  void export(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "CATEGORY") WorkOrderReport.GroupBy groupBy, HttpServletResponse response) {
    List<WorkOrderReport.Line> lines = report.lines(from, to, groupBy, requireDispatcher());
    XlsxDownload.send(response, "工单统计_" + from + "_" + to + ".xlsx", new Xlsx.Sheet("工单统计",
        List.of(groupBy == WorkOrderReport.GroupBy.CATEGORY ? "类别" : "承办人", "工单数", "已销号", "响应及时率",
            "办结及时率", "平均响应小时", "平均办结小时", "满意率", "重办率"),
        lines.stream().map(l -> Arrays.asList(l.group(), l.orders(), l.closed(), l.respondOnTime(), l.resolveOnTime(),
            l.meanRespondHours(), l.meanResolveHours(), l.satisfactionRate(), l.reopenRate()))));
  }

  private static CurrentUser requireDispatcher() {
    return WorkOrders.requireDispatcher(CurrentUsers.current());
  }

  /** An ECharts option: volumes as bars, on-time and satisfaction rates as lines on a percentage axis. */
  private static Map<String, Object> chart(List<WorkOrderReport.Line> lines, UnaryOperator<String> text) {
    Map<String, Object> option = new LinkedHashMap<>();
    option.put("tooltip", Map.of("trigger", "axis"));
    option.put("legend", Map.of("top", 0));
    option.put("grid", Map.of("left", 48, "right", 48, "bottom", 60, "top", 40));
    option.put("xAxis", Map.of("type", "category", "data", lines.stream().map(WorkOrderReport.Line::group).toList(),
        "axisLabel", Map.of("interval", 0, "rotate", lines.size() > 5 ? 30 : 0)));
    option.put("yAxis", List.of(Map.of("type", "value", "name", text.apply("report.orders"), "minInterval", 1),
        Map.of("type", "value", "name", "%", "max", 100)));
    option.put("series", List.of(
        Map.of("name", text.apply("report.orders"), "type", "bar",
            "data", lines.stream().map(WorkOrderReport.Line::orders).toList()),
        rate(text.apply("report.resolveOnTime"), lines.stream().map(WorkOrderReport.Line::resolveOnTime).toList()),
        rate(text.apply("report.satisfaction"), lines.stream().map(WorkOrderReport.Line::satisfactionRate).toList())));
    return option;
  }

  private static Map<String, Object> rate(String name, List<Double> fractions) {
    return Map.of("name", name, "type", "line", "yAxisIndex", 1,
        "data", fractions.stream().map(f -> f == null ? null : Math.round(f * 1000) / 10.0).toList());
  }
}
