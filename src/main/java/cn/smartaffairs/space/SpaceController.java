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
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 办公用房 pages: the dashboard, a room with its allocations and offices, and the moves between units. */
@PageController
class SpaceController {

  private final SpaceRegister register;
  private final SpaceAllocations allocations;
  private final OfficeAssignments offices;
  private final SpaceReports reports;
  private final OrganisationDirectory organisation;
  private final StaffDirectory staff;
  private final MessageSource messages;
  private final ObjectMapper json;

  SpaceController(SpaceRegister register, SpaceAllocations allocations, OfficeAssignments offices,
      SpaceReports reports, OrganisationDirectory organisation, StaffDirectory staff, MessageSource messages,
      ObjectMapper json) {
    this.json = json;
    this.register = register;
    this.allocations = allocations;
    this.offices = offices;
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
    LocalDate today = allocations.today();
    model.addAttribute("today", today);
    model.addAttribute("unitStaff", !unitSide
        ? List.of()
        : staff.search(new StaffQuery(null, null, unitId, StaffStatus.ACTIVE), DataScope.everything(), 0, 500).items());
    model.addAttribute("currentAllocation", history.allocations().stream()
        .filter(a -> a.validTo() == null).reduce((a, b) -> b).orElse(null));
    SpaceForms.addIfAbsent(model, "allocationForm", () -> {
      var form = new AllocationForm();
      form.setTermFrom(today);
      return form;
    });
    SpaceForms.addIfAbsent(model, "officeForm", () -> {
      var form = new OfficeForm();
      form.setValidFrom(today);
      return form;
    });
    SpaceForms.addIfAbsent(model, "reallocationForm", () -> {
      var form = new ReallocationForm();
      form.setOn(today);
      return form;
    });
    SpaceForms.addIfAbsent(model, "handOverForm", () -> {
      var form = new HandOverForm();
      form.setOn(today);
      return form;
    });
    SpaceForms.addIfAbsent(model, "returnForm", () -> DayForm.of(today));
    // the office rows' forms: a refused one on its own row, a fresh one on the others
    SpaceForms.addIfAbsent(model, "endOfficeForm", () -> DayForm.of(today));
    SpaceForms.addIfAbsent(model, "postEndedForm", () -> DayForm.of(null));
    model.addAttribute("todayForm", DayForm.of(today));
    model.addAttribute("blankDayForm", DayForm.of(null));
    return "space/room";
  }

  @PostMapping("/space/rooms/{id}/allocate")
  String allocate(@PathVariable long id, @Valid @ModelAttribute("allocationForm") AllocationForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> allocations.allocate(form.toRequest(id), CurrentUsers.current()),
        () -> done("space.done.allocated", id, locale), "/space/rooms/" + id, redirect, messages, locale);
  }

  @PostMapping("/space/rooms/{id}/offices")
  String assignOffice(@PathVariable long id, @Valid @ModelAttribute("officeForm") OfficeForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    form.rejectSecondOfficeWithoutPost(binding);
    return PageOutcome.redirectAfter(binding, () -> offices.assignOffice(form.toRequest(id), CurrentUsers.current()),
        () -> done("space.done.officeAssigned", id, locale), "/space/rooms/" + id, redirect, messages, locale);
  }

  @PostMapping("/space/offices/{id}/end")
  String endOffice(@PathVariable long id, @RequestParam long roomId,
      @Valid @ModelAttribute("endOfficeForm") DayForm form, BindingResult binding, RedirectAttributes redirect,
      Locale locale) {
    form.ofRow(id);
    return PageOutcome.redirectAfter(binding, () -> offices.endOffice(id, form.getOn(), CurrentUsers.current()),
        () -> done("space.done.officeEnded", roomId, locale), "/space/rooms/" + roomId, redirect, messages, locale);
  }

  @PostMapping("/space/offices/{id}/concurrent-post-ended")
  String concurrentPostEnded(@PathVariable long id, @RequestParam long roomId,
      @Valid @ModelAttribute("postEndedForm") DayForm form, BindingResult binding, RedirectAttributes redirect,
      Locale locale) {
    form.ofRow(id);
    return PageOutcome.redirectAfter(binding, () -> offices.endConcurrentPost(id, form.getOn(),
        CurrentUsers.current()), () -> done("space.done.concurrentPostEnded", roomId, locale),
        "/space/rooms/" + roomId, redirect, messages, locale);
  }

  @PostMapping("/space/allocations/{id}/return")
  String returnRoom(@PathVariable long id, @RequestParam long roomId,
      @Valid @ModelAttribute("returnForm") DayForm form, BindingResult binding, RedirectAttributes redirect,
      Locale locale) {
    form.ofRow(id);
    return PageOutcome.redirectAfter(binding, () -> allocations.returnRoom(id, form.getOn(), CurrentUsers.current()),
        () -> done("space.done.returned", roomId, locale), "/space/rooms/" + roomId, redirect, messages, locale);
  }

  @PostMapping("/space/rooms/{id}/reallocate")
  String reallocate(@PathVariable long id, @Valid @ModelAttribute("reallocationForm") ReallocationForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> allocations.reallocate(id, form.getToUnitId(), form.getOn(),
        form.getReason(), form.getAgreementNo(), CurrentUsers.current()),
        () -> done("space.done.reallocated", id, locale), "/space/rooms/" + id, redirect, messages, locale);
  }

  @PostMapping("/space/rooms/{id}/handover")
  String handOver(@PathVariable long id, @Valid @ModelAttribute("handOverForm") HandOverForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return PageOutcome.redirectWithErrors(binding, "/space/rooms/" + id, redirect);
    }
    return PageOutcome.redirectAfter(() -> allocations.handOver(id, form.getToUnitId(), form.getOn(),
        form.getReason(), CurrentUsers.current()), () -> done("space.done.handedOver", id, locale),
        "/space/transfers", redirect, messages, locale);
  }

  @PostMapping("/space/transfers/{id}/receive")
  String receive(@PathVariable long id, @Valid @ModelAttribute("receiveForm") ReceiveForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    form.ofRow(id);
    return PageOutcome.redirectAfter(binding, () -> allocations.receive(id, form.getAgreementNo(),
        CurrentUsers.current()), () -> messages.getMessage("common.saved", null, locale), "/space/transfers",
        redirect, messages, locale);
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
