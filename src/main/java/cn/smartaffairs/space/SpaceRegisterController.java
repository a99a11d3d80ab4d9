package cn.smartaffairs.space;

import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 办公用房登记 pages: buildings, floors, rooms and floor plans, the .xlsx import, and the rule tables. */
@PageController
class SpaceRegisterController {

  private final SpaceRegister register;
  private final SpaceImport spaceImport;
  private final AreaStandards standards;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;

  SpaceRegisterController(SpaceRegister register, SpaceImport spaceImport, AreaStandards standards,
      OrganisationDirectory organisation, MessageSource messages) {
    this.register = register;
    this.spaceImport = spaceImport;
    this.standards = standards;
    this.organisation = organisation;
    this.messages = messages;
  }

  /** The buildings register, tens per region, sorted in memory; the register's own order by default. */
  static final SortKeys BUILDING_SORT_KEYS = SortKeys.builder().ascending("code").ascending("name")
      .ascending("ownership").descending("yearBuilt").descending("buildingArea").descending("useArea")
      .descending("rooms").byDefault("code").inMemory();
  private static final Map<String, Comparator<Building>> BUILDING_ORDERS = Map.of(
      "code", SortKeys.byValue(Building::code),
      "name", SortKeys.byPinyin(Building::name),
      "ownership", SortKeys.byPinyin(Building::ownership),
      "yearBuilt", SortKeys.byValue(Building::yearBuilt),
      "buildingArea", SortKeys.byValue(Building::totalBuildingArea),
      "useArea", SortKeys.byValue(Building::totalUseArea),
      "rooms", Comparator.comparingInt(Building::roomCount));

  static final ListColumns<Building> BUILDING_COLUMNS = ListColumns.<Building>sortedBy(BUILDING_SORT_KEYS)
      .sortable("code", "space.code", Building::code)
      .sortable("name", "space.name", Building::name)
      .column("space.address", Building::address).css("d-none d-md-table-cell")
      .sortable("ownership", "space.ownership", Building::ownership)
      .column("space.titleCertificate", Building::titleCertificate).css("d-none d-lg-table-cell")
      .sortable("yearBuilt", "space.yearBuilt", Building::yearBuilt).css("d-none d-md-table-cell")
      .sortable("buildingArea", "space.totalBuildingArea", Building::totalBuildingArea)
      .sortable("useArea", "space.totalUseArea", Building::totalUseArea)
      .sortable("rooms", "space.roomCount", Building::roomCount)
      .exportOnly("space.registeredRoomArea", Building::registeredRoomArea)
      .searchedFor("space.buildingSearch").pagedBy(50).exportedAs("space.buildings");

  private Page<Building> buildingPage(ListQuery query, CurrentUser user) {
    return query.pageOf(register.buildings(user), b -> ListQuery.searchable(b.code(), b.name(), b.address(),
        b.ownership(), b.titleCertificate()), BUILDING_ORDERS);
  }

  @GetMapping("/space/buildings")
  String buildings(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CurrentUsers.current();
    ListQuery query = BUILDING_COLUMNS.parse(parameters);
    BUILDING_COLUMNS.show(model, query, buildingPage(query, user));
    model.addAttribute("editable", SpaceRegister.editScope(user).isRegionWide());
    return "space/buildings";
  }

  /** The register's search in its order, every page up to the export's limit. */
  @GetMapping("/space/buildings/export.xlsx")
  void exportBuildings(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, BUILDING_COLUMNS,
        buildingPage(BUILDING_COLUMNS.parse(parameters).forExport(), CurrentUsers.current()).items(), messages, locale);
  }

  @PostMapping("/space/buildings")
  String createBuilding(@RequestParam String code, @RequestParam String name, @RequestParam String address,
      @RequestParam String ownership, @RequestParam(required = false) String titleCertificate,
      @RequestParam(required = false) Integer yearBuilt, @RequestParam BigDecimal totalBuildingArea,
      @RequestParam BigDecimal totalUseArea, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> register.createBuilding(new BuildingDraft(null, code, name, address,
        ownership, titleCertificate, yearBuilt, totalBuildingArea, totalUseArea), CurrentUsers.current()),
        () -> text("space.done.buildingRegistered", locale, name == null ? "" : name.strip()), "/space/buildings",
        redirect, messages, locale);
  }

  @GetMapping("/space/buildings/{id}")
  String building(@PathVariable long id, Model model) {
    CurrentUser user = CurrentUsers.current();
    Building building = register.building(id, user);
    var floors = register.floors(id, user);
    model.addAttribute("building", building);
    model.addAttribute("floors", floors);
    model.addAttribute("plans", floors.stream().flatMap(f -> register.plans(f.id(), user).stream()).toList());
    model.addAttribute("rooms", register.rooms(id, user));
    model.addAttribute("kinds", RoomKind.values());
    model.addAttribute("editable", SpaceRegister.editScope(user).permits(building.regionId(), null, null));
    return "space/building";
  }

  @PostMapping("/space/buildings/{id}/floors")
  String addFloor(@PathVariable long id, @RequestParam int level, @RequestParam(required = false) String name,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> register.addFloor(id, level, name, CurrentUsers.current()),
        () -> text("space.done.floorAdded", locale, floorWords(level, locale)), "/space/buildings/" + id, redirect,
        messages, locale);
  }

  @PostMapping("/space/buildings/{id}/rooms")
  String addRoom(@PathVariable long id, @RequestParam long floorId, @RequestParam String number,
      @RequestParam BigDecimal useArea, @RequestParam RoomKind kind,
      @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> register.addRoom(new RoomDraft(id, floorId, number, useArea, kind, note),
        CurrentUsers.current()),
        () -> text("space.done.roomAdded", locale, number == null ? "" : number.strip(),
            kind == null ? "" : text("space.roomKind." + kind, locale)),
        "/space/buildings/" + id, redirect, messages, locale);
  }

  @PostMapping("/space/buildings/{id}/plans")
  String uploadPlan(@PathVariable long id, @RequestParam long floorId, @RequestParam MultipartFile file,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> register.attachPlan(floorId, file.getOriginalFilename(), bytes(file),
        CurrentUsers.current()), () -> text("space.done.planAttached", locale, file.getOriginalFilename()),
        "/space/buildings/" + id, redirect, messages, locale);
  }

  @GetMapping("/space/plans/{id}")
  ResponseEntity<byte[]> plan(@PathVariable long id) {
    FloorPlan.Content content = register.planContent(id, CurrentUsers.current());
    return ResponseEntity.ok().contentType(MediaType.parseMediaType(content.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.inline().filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content.data());
  }

  @GetMapping("/space/import")
  String importPage() {
    requireImporter();
    return "space/import";
  }

  @GetMapping("/space/import/template.xlsx")
  void template(HttpServletResponse response) throws IOException {
    requireImporter();
    XlsxDownload.prepare(response, "楼宇房间导入模板.xlsx");
    spaceImport.writeTemplate(response.getOutputStream(), CurrentUsers.current());
  }

  @PostMapping("/space/import")
  String importWorkbook(@RequestParam MultipartFile file, Model model, Locale locale) throws IOException {
    requireImporter();
    try {
      var imported = spaceImport.importWorkbook(file.getInputStream(), CurrentUsers.current(), locale);
      model.addAttribute("imported", imported.rooms());
      model.addAttribute("importedBuildings", imported.buildings());
    } catch (ImportRejectedException e) {
      model.addAttribute("errors", e.errors());
    }
    return "space/import";
  }

  @GetMapping("/space/rules")
  String rules(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("officeStandards", standards.officeStandards(user.regionId()));
    model.addAttribute("unitStandards", standards.unitStandards(user.regionId()));
    model.addAttribute("deadlines", standards.deadlines(user.regionId()));
    model.addAttribute("levels", GovernmentLevel.values());
    model.addAttribute("grades", organisation.ranks().stream().map(r -> r.grade()).distinct().toList());
    model.addAttribute("deadlineKinds", AreaStandards.Deadline.values());
    return "space/rules";
  }

  @PostMapping("/space/rules/office")
  String setOfficeStandard(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      @RequestParam GovernmentLevel governmentLevel, @RequestParam String grade,
      @RequestParam BigDecimal maxUseArea, @RequestParam String postLabel,
      @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "false") boolean national, RedirectAttributes redirect,
      Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> standards.setOfficeStandard(national ? null : user.regionId(), effectiveFrom,
        governmentLevel, grade, maxUseArea, postLabel, source, user),
        () -> text("space.done.ruleInForce", locale, String.valueOf(effectiveFrom)), "/space/rules", redirect, messages,
        locale);
  }

  @PostMapping("/space/rules/unit")
  String setUnitStandard(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      @RequestParam GovernmentLevel governmentLevel, @RequestParam String buildingGrade,
      @RequestParam BigDecimal useAreaPerHead, @RequestParam int largeUnitHeadcount,
      @RequestParam BigDecimal largeUnitPerHead, @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "false") boolean national, RedirectAttributes redirect,
      Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> standards.setUnitStandard(national ? null : user.regionId(), effectiveFrom,
        governmentLevel, buildingGrade, useAreaPerHead, largeUnitHeadcount, largeUnitPerHead, source, user),
        () -> text("space.done.ruleInForce", locale, String.valueOf(effectiveFrom)), "/space/rules", redirect, messages,
        locale);
  }

  @PostMapping("/space/rules/deadline")
  String setDeadline(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      @RequestParam AreaStandards.Deadline kind, @RequestParam int months,
      @RequestParam(required = false) String source,
      @RequestParam(defaultValue = "false") boolean national, RedirectAttributes redirect,
      Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> standards.setDeadline(national ? null : user.regionId(), effectiveFrom, kind,
        months, source, user), () -> text("space.done.ruleInForce", locale, String.valueOf(effectiveFrom)),
        "/space/rules", redirect, messages, locale);
  }

  private static void requireImporter() {
    if (!SpaceRegister.editScope(CurrentUsers.current()).isRegionWide()) {
      throw new ForbiddenException();
    }
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  /** A floor in words: "3层" / "Floor 3", "地下1层" / "Basement 1". */
  private String floorWords(int level, Locale locale) {
    return level > 0 ? text("space.floorAbove", locale, level) : text("space.floorBelow", locale, -level);
  }
}
