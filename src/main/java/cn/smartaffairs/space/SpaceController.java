package cn.smartaffairs.space;

import cn.smartaffairs.platform.PageController;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffQuery;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 办公用房 pages: dashboard, rooms with their allocation, the area check, recovery, publication and filing. */
@PageController
class SpaceController {

  private final SpaceRegister register;
  private final SpaceAllocations allocations;
  private final OfficeAssignments offices;
  private final AreaCompliance compliance;
  private final SpaceReports reports;
  private final OrganisationDirectory organisation;
  private final StaffDirectory staff;
  private final MessageSource messages;
  private final ObjectMapper json;
  private final RankHistory rankHistory;

  SpaceController(SpaceRegister register, SpaceAllocations allocations, OfficeAssignments offices,
      AreaCompliance compliance, SpaceReports reports,
      OrganisationDirectory organisation, StaffDirectory staff, MessageSource messages, ObjectMapper json,
      RankHistory rankHistory) {
    this.json = json;
    this.rankHistory = rankHistory;
    this.register = register;
    this.allocations = allocations;
    this.offices = offices;
    this.compliance = compliance;
    this.reports = reports;
    this.organisation = organisation;
    this.staff = staff;
    this.messages = messages;
  }

  @GetMapping("/space")
  String dashboard(Model model, Locale locale) throws JsonProcessingException {
    var dashboard = reports.dashboard(CurrentUsers.current());
    model.addAttribute("dashboard", dashboard);
    // ECharts options as JSON in data attributes: the content security policy allows no inline scripts
    model.addAttribute("kindChart", json.writeValueAsString(Map.of(
        "tooltip", Map.of("trigger", "item", "formatter", "{b}: {c} m² ({d}%)"),
        "legend", Map.of("bottom", 0),
        "series", List.of(Map.of("type", "pie", "radius", List.of("35%", "65%"),
            "data", dashboard.byKind().stream().map(k -> Map.of("name",
                messages.getMessage("space.roomKind." + k.kind(), null, locale), "value", k.area())).toList())))));
    String allocated = messages.getMessage("space.chart.allocatedArea", null, locale);
    String allowed = messages.getMessage("space.chart.allowedArea", null, locale);
    model.addAttribute("unitChart", json.writeValueAsString(Map.of(
        "tooltip", Map.of("trigger", "axis"),
        "legend", Map.of("data", List.of(allocated, allowed)),
        "grid", Map.of("left", 140, "right", 20, "top", 30, "bottom", 20),
        "xAxis", Map.of("type", "value", "name", "m²"),
        "yAxis",
        Map.of("type", "category", "data", dashboard.byUnit().stream().map(SpaceReports.UnitArea::name).toList()),
        "series", List.of(
            Map.of("name", allocated, "type", "bar", "data",
                dashboard.byUnit().stream().map(SpaceReports.UnitArea::area).toList()),
            Map.of("name", allowed, "type", "bar", "data",
                dashboard.byUnit().stream().map(SpaceReports.UnitArea::allowedArea).toList())))));
    return "space/dashboard";
  }

  @GetMapping("/space/dashboard.xlsx")
  void dashboardXlsx(HttpServletResponse response) {
    var d = reports.dashboard(CurrentUsers.current());
    XlsxDownload.send(response, "办公用房统计-" + d.on() + ".xlsx",
        new Xlsx.Sheet("总体", List.of("项目", "数值"), Stream.of(
            List.of("楼宇数", d.buildings()), List.of("房间数", d.rooms()), List.of("总使用面积(m²)", d.totalUseArea()),
            List.of("已分配面积(m²)", d.allocatedArea()), List.of("使用率(%)", d.occupancyPercent()),
            List.of("超标人员", d.overStandardPeople()), List.of("超标单位", d.overStandardUnits()),
            List.of("空置房间", d.vacantRooms().size()), List.of("待腾退", d.openRecoveryTasks()),
            List.of("租金收入(元)", d.rentCollectedFen() == null ? "—" : Money.ofFen(d.rentCollectedFen()).yuan()))),
        new Xlsx.Sheet("按类型", List.of("类型", "房间数", "使用面积(m²)"),
            d.byKind().stream().map(k -> List.of(k.name(), k.rooms(), k.area()))),
        new Xlsx.Sheet("按单位", List.of("单位", "编制", "分配面积(m²)", "核定面积(m²)", "超标(m²)"),
            d.byUnit().stream()
                .map(u -> List.of(u.name(), u.approvedHeadcount(), u.area(), u.allowedArea(), u.excess()))),
        new Xlsx.Sheet("空置房间", List.of("楼宇", "楼层", "房间号", "类型", "使用面积(m²)"),
            d.vacantRooms().stream().map(r -> List.of(r.buildingName(), r.floorName(), r.number(),
                r.kind().chineseName(), r.useArea()))));
  }

  @GetMapping("/space/rooms/{id}")
  String room(@PathVariable long id, Model model) {
    CurrentUser user = CurrentUsers.current();
    var history = allocations.history(id, user);
    model.addAttribute("history", history);
    model.addAttribute("room", history.room());
    boolean editable = SpaceRegister.editScope(user).permits(history.room().regionId(), null, null);
    Long unitId = history.room().unitId();
    // the unit holding the room assigns its offices and may hand it over; a person who only uses it may not
    boolean unitSide = unitId != null && (editable
        || user.dataScopeAs(Role.UNIT_HEAD, Role.UNIT_LIAISON).permits(null, unitId, null));
    model.addAttribute("editable", editable);
    model.addAttribute("unitSide", unitSide);
    model.addAttribute("units", organisation.unitChoices(DataScope.region(history.room().regionId())));
    model.addAttribute("today", allocations.today());
    model.addAttribute("unitStaff", !unitSide
        ? List.of()
        : staff.search(new StaffQuery(null, null, unitId, StaffStatus.ACTIVE), DataScope.everything(), 0, 500).items());
    model.addAttribute("currentAllocation", history.allocations().stream()
        .filter(a -> a.validTo() == null).reduce((a, b) -> b).orElse(null));
    return "space/room";
  }

  @PostMapping("/space/rooms/{id}/allocate")
  String allocate(@PathVariable long id, @RequestParam Long unitId, @RequestParam String agreementNo,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termFrom,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate termTo,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> allocations.allocate(new SpaceAllocations.AllocationRequest(unitId,
        agreementNo, termFrom, termTo, List.of(id)), CurrentUsers.current()),
        () -> done("space.done.allocated", id, locale), "/space/rooms/" + id, redirect, messages, locale);
  }

  @PostMapping("/space/rooms/{id}/offices")
  String assignOffice(@PathVariable long id, @RequestParam(required = false) List<Long> staffIds,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate validFrom,
      @RequestParam(defaultValue = "false") boolean secondOffice,
      @RequestParam(required = false) String concurrentPost, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> offices.assignOffice(new OfficeAssignments.OfficeRequest(id,
        staffIds == null ? List.of() : staffIds.stream().filter(java.util.Objects::nonNull).toList(), validFrom,
        secondOffice, concurrentPost), CurrentUsers.current()),
        () -> done("space.done.officeAssigned", id, locale),
        "/space/rooms/" + id, redirect, messages, locale);
  }

  @PostMapping("/space/offices/{id}/end")
  String endOffice(@PathVariable long id, @RequestParam long roomId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> offices.endOffice(id, on, CurrentUsers.current()),
        () -> done("space.done.officeEnded", roomId, locale),
        "/space/rooms/" + roomId, redirect, messages, locale);
  }

  @PostMapping("/space/offices/{id}/concurrent-post-ended")
  String concurrentPostEnded(@PathVariable long id, @RequestParam long roomId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> offices.endConcurrentPost(id, on, CurrentUsers.current()),
        () -> done("space.done.concurrentPostEnded", roomId, locale),
        "/space/rooms/" + roomId, redirect, messages, locale);
  }

  @PostMapping("/space/allocations/{id}/return")
  String returnRoom(@PathVariable long id, @RequestParam long roomId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> allocations.returnRoom(id, on, CurrentUsers.current()),
        () -> done("space.done.returned", roomId, locale),
        "/space/rooms/" + roomId, redirect, messages, locale);
  }

  @PostMapping("/space/rooms/{id}/reallocate")
  String reallocate(@PathVariable long id, @RequestParam long toUnitId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      @RequestParam String reason, @RequestParam String agreementNo, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> allocations.reallocate(id, toUnitId, on, reason, agreementNo,
        CurrentUsers.current()), () -> done("space.done.reallocated", id, locale),
        "/space/rooms/" + id, redirect, messages, locale);
  }

  @PostMapping("/space/rooms/{id}/handover")
  String handOver(@PathVariable long id, @RequestParam long toUnitId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      @RequestParam String reason, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> allocations.handOver(id, toUnitId, on, reason, CurrentUsers.current()),
        () -> done("space.done.handedOver", id, locale),
        "/space/transfers", redirect, messages, locale);
  }

  @PostMapping("/space/transfers/{id}/receive")
  String receive(@PathVariable long id, @RequestParam String agreementNo, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> allocations.receive(id, agreementNo, CurrentUsers.current()),
        "/space/transfers", redirect, messages, locale);
  }

  @PostMapping("/space/transfers/{id}/refuse")
  String refuse(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> allocations.refuse(id, CurrentUsers.current()), "/space/transfers",
        redirect, messages, locale);
  }

  @GetMapping("/space/agreements/{id}")
  String agreement(@PathVariable long id) {
    allocations.agreement(id, CurrentUsers.current());
    return "redirect:/space/agreements/" + id + "/certificate.pdf";
  }

  @GetMapping("/space/agreements/{id}/certificate.pdf")
  ResponseEntity<byte[]> certificate(@PathVariable long id) {
    byte[] pdf = allocations.certificate(id, CurrentUsers.current());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("分配使用凭证-" + id + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(pdf);
  }

  @GetMapping("/space/compliance")
  String compliance(@RequestParam(required = false) Long unitId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(defaultValue = "false") boolean overOnly, Model model, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    Compliance result = date == null
        ? compliance.check(unitId, user, locale)
        : compliance.check(unitId, date, user.dataScope(), locale);
    model.addAttribute("result", result);
    model.addAttribute("people", overOnly ? result.overStandardPeople() : result.people());
    model.addAttribute("units", overOnly ? result.overStandardUnits() : result.units());
    model.addAttribute("unitChoices", organisation.unitChoices(user.dataScope()));
    model.addAttribute("unitId", unitId);
    model.addAttribute("overOnly", overOnly);
    model.addAttribute("ranks", organisation.ranks());
    return "space/compliance";
  }

  @PostMapping("/space/rank-changes")
  String rankChange(@RequestParam long staffId, @RequestParam String rankCode,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      @RequestParam(required = false) Long unitId, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> rankHistory.record(staffId, rankCode, effectiveFrom, CurrentUsers.current()),
        "/space/compliance" + (unitId == null ? "" : "?unitId=" + unitId), redirect, messages, locale);
  }

  @GetMapping("/space/compliance.xlsx")
  void complianceXlsx(@RequestParam(required = false) Long unitId, HttpServletResponse response) {
    Compliance result = compliance.check(unitId, CurrentUsers.current());
    XlsxDownload.send(response, "办公用房超标检查-" + result.on() + ".xlsx",
        new Xlsx.Sheet("人员", List.of("单位", "姓名", "职级", "房间", "核定面积(m²)", "占用面积(m²)", "超标(m²)", "适用标准"),
            result.people().stream().map(p -> List.of(p.unitName(), p.name(), p.rank(), p.rooms(), p.allowedArea(),
                p.occupiedArea(), p.excess(), p.rule()))),
        new Xlsx.Sheet("单位", List.of("单位", "编制", "核定面积(m²)", "分配面积(m²)", "超标(m²)", "适用标准"),
            result.units().stream().map(u -> List.of(u.name(), u.approvedHeadcount(), u.allowedArea(), u.occupiedArea(),
                u.excess(), u.rule()))));
  }

  @PostMapping("/space/recovery/{assignmentId}/recover")
  String recover(@PathVariable long assignmentId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate on,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> offices.endOffice(assignmentId, on, CurrentUsers.current()),
        "/space/recovery", redirect, messages, locale);
  }

  @GetMapping("/space/publication")
  String publication(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long unitId,
      Model model) {
    CurrentUser user = CurrentUsers.current();
    int chosen = year == null ? allocations.today().getYear() : checkYear(year);
    model.addAttribute("year", chosen);
    model.addAttribute("unitId", unitId);
    model.addAttribute("rows", reports.publication(chosen, unitId, user));
    model.addAttribute("unitChoices", organisation.unitChoices(user.dataScope()));
    return "space/publication";
  }

  @GetMapping("/space/publication.xlsx")
  void publicationXlsx(@RequestParam int year, @RequestParam(required = false) Long unitId,
      HttpServletResponse response) {
    var rows = reports.publication(checkYear(year), unitId, CurrentUsers.current());
    XlsxDownload.send(response, year + "年度办公用房使用情况公示.xlsx",
        new Xlsx.Sheet(year + "年度公示", List.of("单位", "楼宇", "房间号", "类型", "使用面积(m²)", "起始日期", "结束日期", "使用人"),
            rows.stream().map(r -> java.util.Arrays.asList(r.unitName(), r.buildingName(), r.roomNumber(), r.kind(),
                r.area(), r.validFrom(), r.validTo(), r.occupants()))));
  }

  @GetMapping("/space/filing")
  String filing(@RequestParam(required = false) Integer year, Model model) {
    int chosen = year == null ? allocations.today().getYear() : checkYear(year);
    model.addAttribute("year", chosen);
    model.addAttribute("rows", reports.filing(chosen, CurrentUsers.current()));
    return "space/filing";
  }

  @GetMapping("/space/filing.xlsx")
  void filingXlsx(@RequestParam int year, HttpServletResponse response) {
    var rows = reports.filing(checkYear(year), CurrentUsers.current());
    XlsxDownload.send(response, year + "年度领导干部办公用房备案.xlsx",
        new Xlsx.Sheet(year + "年度备案", List.of("单位", "姓名", "职务", "房间", "房间面积(m²)", "兼职第二办公室", "兼任职务",
            "起始日期", "结束日期", "核定面积(m²)", "占用面积(m²)", "超标(m²)"),
            rows.stream().map(r -> java.util.Arrays.asList(r.unitName(), r.staffName(), r.rank(), r.room(),
                r.roomArea(), r.secondOffice() ? "是" : "否", r.concurrentPost(), r.validFrom(), r.validTo(),
                r.allowedArea(), r.occupiedArea(), r.excess()))));
  }

  private static int checkYear(int year) {
    if (year < 2000 || year > 2100) {
      throw new BusinessRuleException("space.yearInvalid");
    }
    return year;
  }

  /**
   * What happened to a room, naming it as people do: "市行政中心1号楼 303". A room the change took out of the reader's
   * sight (handed to another unit) is then only "已保存".
   */
  private String done(String key, long roomId, Locale locale) {
    try {
      Room room = register.room(roomId, CurrentUsers.current());
      return messages.getMessage(key, new Object[] {room.buildingName() + " " + room.number()}, locale);
    } catch (cn.smartaffairs.platform.NotFoundException outOfSight) {
      return messages.getMessage("common.saved", null, locale);
    }
  }
}
