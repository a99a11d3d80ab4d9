package cn.smartaffairs.space;

import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.excel.XlsxDownload;
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
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 办公用房登记 pages: buildings, floors, rooms and floor plans, and the .xlsx import. */
@PageController
class SpaceRegisterController {

  private final SpaceRegister register;
  private final SpaceImport spaceImport;
  private final MessageSource messages;

  SpaceRegisterController(SpaceRegister register, SpaceImport spaceImport, MessageSource messages) {
    this.register = register;
    this.spaceImport = spaceImport;
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
    SpaceForms.addIfAbsent(model, "buildingForm", BuildingForm::new);
    return "space/buildings";
  }

  /** The register's search in its order, every page up to the export's limit. */
  @GetMapping("/space/buildings/export.xlsx")
  void exportBuildings(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, BUILDING_COLUMNS,
        buildingPage(BUILDING_COLUMNS.parse(parameters).forExport(), CurrentUsers.current()).items(), messages, locale);
  }

  @PostMapping("/space/buildings")
  String createBuilding(@Valid @ModelAttribute("buildingForm") BuildingForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> register.createBuilding(form.toDraft(), CurrentUsers.current()),
        () -> text("space.done.buildingRegistered", locale, form.getName().strip()), "/space/buildings", redirect,
        messages, locale);
  }

  /** A building's rooms: hundreds in a large one, sorted in memory; floor by floor, then by number, by default. */
  static final SortKeys ROOM_SORT_KEYS = SortKeys.builder().ascending("floor").ascending("number")
      .ascending("kind").descending("useArea").ascending("unit").descending("occupants").byDefault("floor")
      .inMemory();

  /** The orders of a building's rooms; a floor sorts by its level (basements first), then by room number. */
  private static Map<String, Comparator<Room>> roomOrders(List<Floor> floors) {
    Map<Long, Integer> levels = floors.stream().collect(Collectors.toMap(Floor::id, Floor::level));
    Comparator<Room> byNumber = SortKeys.byValue(Room::number);
    return Map.of(
        "floor", Comparator.comparing((Room r) -> levels.getOrDefault(r.floorId(), 0)).thenComparing(byNumber),
        "number", byNumber,
        "kind", SortKeys.byValue(Room::kind),
        "useArea", SortKeys.byValue(Room::useArea),
        "unit", SortKeys.byPinyin(Room::unitName),
        "occupants", Comparator.comparingInt(Room::occupants));
  }

  static final ListColumns<Room> ROOM_COLUMNS = ListColumns.<Room>sortedBy(ROOM_SORT_KEYS)
      .sortable("floor", "space.floor", Room::floorName)
      .sortable("number", "space.roomNumber", Room::number)
      .sortable("kind", "space.kind", r -> ListColumns.words("space.roomKind." + r.kind()))
      .sortable("useArea", "space.useArea", Room::useArea)
      .sortable("unit", "space.unit", r -> r.unitName() != null ? r.unitName() : ListColumns.words("space.vacant"))
      .sortable("occupants", "space.occupants", Room::occupants)
      .exportOnly("space.note", Room::note)
      .searchedFor("space.roomSearch").pagedBy(50).exportedAs("space.rooms");

  private Page<Room> roomPage(long buildingId, List<Floor> floors, ListQuery query, CurrentUser user) {
    return query.pageOf(register.rooms(buildingId, user), r -> ListQuery.searchable(r.floorName(), r.number(),
        r.unitName(), r.note()), roomOrders(floors));
  }

  @GetMapping("/space/buildings/{id}")
  String building(@PathVariable long id, @RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CurrentUsers.current();
    Building building = register.building(id, user);
    var floors = register.floors(id, user);
    model.addAttribute("building", building);
    model.addAttribute("floors", floors);
    model.addAttribute("plans", floors.stream().flatMap(f -> register.plans(f.id(), user).stream()).toList());
    ListQuery query = ROOM_COLUMNS.parse(parameters);
    ROOM_COLUMNS.show(model, query, roomPage(id, floors, query, user));
    model.addAttribute("kinds", RoomKind.values());
    model.addAttribute("editable", SpaceRegister.editScope(user).permits(building.regionId(), null, null));
    SpaceForms.addIfAbsent(model, "roomForm", RoomForm::new);
    SpaceForms.addIfAbsent(model, "floorForm", FloorForm::new);
    return "space/building";
  }

  /** The building's rooms as its list shows them, every page up to the export's limit. */
  @GetMapping("/space/buildings/{id}/export.xlsx")
  void exportRooms(@PathVariable long id, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    ListExport.send(response, ROOM_COLUMNS, roomPage(id, register.floors(id, user),
        ROOM_COLUMNS.parse(parameters).forExport(), user).items(), messages, locale);
  }

  @PostMapping("/space/buildings/{id}/floors")
  String addFloor(@PathVariable long id, @Valid @ModelAttribute("floorForm") FloorForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> register.addFloor(id, form.getLevel(), form.getName(),
        CurrentUsers.current()), () -> text("space.done.floorAdded", locale, floorWords(form.getLevel(), locale)),
        "/space/buildings/" + id, redirect, messages, locale);
  }

  @PostMapping("/space/buildings/{id}/rooms")
  String addRoom(@PathVariable long id, @Valid @ModelAttribute("roomForm") RoomForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> register.addRoom(form.toDraft(id), CurrentUsers.current()),
        () -> text("space.done.roomAdded", locale, form.getNumber().strip(),
            text("space.roomKind." + form.getKind(), locale)),
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
