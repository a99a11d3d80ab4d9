package cn.smartaffairs.asset;

import cn.smartaffairs.excel.ImportRejectedException;
import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.printing.Label;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.space.Room;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import cn.smartaffairs.vehicle.VehicleStatus;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * 资产台账: the register as a list (filters by class, unit, status and location; .xlsx export), the registration form
 * and one asset's page (its card, book value and status moves).
 */
@PageController
class AssetController {

  static final ListColumns<Asset> COLUMNS = ListColumns.<Asset>sortedBy(AssetRegister.SORT_KEYS)
      .sortable("number", "asset.number", Asset::number)
      .sortable("name", "asset.name", Asset::name)
      .sortable("class", "asset.class", a -> a.classCode() + " " + (a.className() == null ? "" : a.className()))
      .css("d-none d-md-table-cell")
      .exportOnly("asset.specModel", Asset::specModel)
      .exportOnly("asset.serialNo", Asset::serialNo)
      .sortable("unit", "asset.unit", Asset::unitName).css("d-none d-lg-table-cell")
      .column("asset.keeper", Asset::keeperName).css("d-none d-lg-table-cell")
      .column("asset.location", Asset::locationName).css("d-none d-xl-table-cell")
      .sortable("purchased", "asset.purchasedOn", Asset::purchasedOn).css("d-none d-md-table-cell")
      .exportOnly("asset.fundingSource", a -> ListColumns.words("asset.funding." + a.fundingSource().name()))
      .exportOnly("asset.lifeMonths", Asset::lifeMonths)
      .sortable("value", "asset.originalValue", a -> Money.ofFen(a.originalValueFen()))
      .exportOnly("asset.accumulated", a -> Money.ofFen(a.accumulatedDepreciationFen()))
      .column("asset.bookValue", a -> Money.ofFen(a.bookValueFen()))
      .sortable("status", "asset.status", a -> ListColumns.words("asset.status." + a.status().name()))
      .searchedFor("asset.searchHint")
      .pagedBy(50)
      .exportedAs("asset.register");

  private final AssetRegister register;
  private final AssetClasses classes;
  private final OrganisationDirectory organisation;
  private final SpaceRegister space;
  private final Fleet fleet;
  private final MessageSource messages;
  private final AssetImport assetImport;
  private final AssetLabels labels;
  private final AssetMovements movements;

  AssetController(AssetRegister register, AssetClasses classes, OrganisationDirectory organisation,
      SpaceRegister space, Fleet fleet, MessageSource messages, AssetImport assetImport, AssetLabels labels,
      AssetMovements movements) {
    this.movements = movements;
    this.labels = labels;
    this.assetImport = assetImport;
    this.register = register;
    this.classes = classes;
    this.organisation = organisation;
    this.space = space;
    this.fleet = fleet;
    this.messages = messages;
  }

  @GetMapping("/assets")
  String list(@RequestParam(required = false) String classCode, @RequestParam(required = false) Long unitId,
      @RequestParam(required = false) AssetStatus status, @RequestParam(required = false) Long roomId,
      @RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CurrentUsers.current();
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, register.search(new AssetRegister.Filter(classCode, unitId, status, roomId), query,
        user));
    model.addAttribute("classes", classes.inForce(register.today()));
    model.addAttribute("units", organisation.unitChoices(AssetRegister.viewScope(user)));
    model.addAttribute("statuses", AssetStatus.values());
    model.addAttribute("rooms", space.rooms(user));
    model.addAttribute("classCode", classCode);
    model.addAttribute("unitId", unitId);
    model.addAttribute("status", status);
    model.addAttribute("roomId", roomId);
    model.addAttribute("mayRegister", AssetRegister.editScope(user).isRegionWide());
    return "asset/list";
  }

  @GetMapping("/assets/export.xlsx")
  void export(@RequestParam(required = false) String classCode, @RequestParam(required = false) Long unitId,
      @RequestParam(required = false) AssetStatus status, @RequestParam(required = false) Long roomId,
      @RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, COLUMNS, register.search(new AssetRegister.Filter(classCode, unitId, status, roomId),
        COLUMNS.parse(parameters).forExport(), CurrentUsers.current()).items(), messages, locale);
  }

  @GetMapping("/assets/new")
  String newAsset(Model model) {
    if (!model.containsAttribute("assetForm")) {
      model.addAttribute("assetForm", new AssetForm());
    }
    return form(model);
  }

  @PostMapping("/assets")
  String create(@Valid @ModelAttribute("assetForm") AssetForm form, BindingResult binding, Model model,
      RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return form(model);
    }
    try {
      long id = register.register(form.toDraft(), CurrentUsers.current());
      Asset asset = register.get(id, CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("asset.registered",
          new Object[] {asset.number(), asset.name()}, locale));
      return "redirect:/assets/" + id;
    } catch (BusinessRuleException e) {
      String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
      String field = AssetForms.fieldOf(e.messageKey());
      if (field == null) {
        binding.reject(e.messageKey(), e.arguments(), message);
      } else {
        binding.rejectValue(field, e.messageKey(), e.arguments(), message);
      }
      return form(model);
    }
  }

  private Map<String, List<Room>> roomGroups(CurrentUser user) {
    Map<String, List<Room>> rooms = new LinkedHashMap<>();
    space.rooms(user).forEach(r -> rooms.computeIfAbsent(r.buildingName(), b -> new java.util.ArrayList<>()).add(r));
    return rooms;
  }

  private String form(Model model) {
    CurrentUser user = CurrentUsers.current();
    if (!AssetRegister.editScope(user).isRegionWide()) {
      throw new cn.smartaffairs.platform.ForbiddenException();
    }
    model.addAttribute("classes", classes.inForce(register.today()));
    model.addAttribute("units", organisation.unitChoices(AssetRegister.editScope(user)));
    model.addAttribute("keepers", register.keeperChoices(user));
    model.addAttribute("roomGroups", roomGroups(user));
    Set<Long> registered = Set.copyOf(register.registeredVehicles(user));
    model.addAttribute("vehicles", fleet.list(AssetRegister.editScope(user), null).stream()
        .filter(v -> v.status() != VehicleStatus.DISPOSED && !registered.contains(v.id()))
        .collect(Collectors.toList()));
    model.addAttribute("fundingSources", FundingSource.values());
    model.addAttribute("initialStatuses", AssetStatus.initial().stream().sorted().toList());
    return "asset/form";
  }

  /** The labels of the list's assets (its filters and search) as PDF, A4 sheets unless another stock is asked. */
  @GetMapping("/assets/labels.pdf")
  ResponseEntity<byte[]> labels(@RequestParam(required = false) String classCode,
      @RequestParam(required = false) Long unitId, @RequestParam(required = false) AssetStatus status,
      @RequestParam(required = false) Long roomId, @RequestParam(required = false) Label.Stock stock,
      @RequestParam Map<String, String> parameters) {
    byte[] pdf = labels.labels(new AssetRegister.Filter(classCode, unitId, status, roomId), COLUMNS.parse(parameters),
        stock == null ? Label.Stock.A4_3X7 : stock, ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(),
        CurrentUsers.current());
    return pdf("asset-labels.pdf", pdf);
  }

  @GetMapping("/assets/{id}/label.pdf")
  ResponseEntity<byte[]> label(@PathVariable long id, @RequestParam(required = false) Label.Stock stock) {
    return pdf("asset-label-" + id + ".pdf", labels.label(id, stock,
        ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), CurrentUsers.current()));
  }

  static ResponseEntity<byte[]> pdf(String fileName, byte[] pdf) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + fileName + "\"")
        .header("X-Content-Type-Options", "nosniff").body(pdf);
  }

  @GetMapping("/assets/import")
  String importPage() {
    requireImporter();
    return "asset/import";
  }

  @GetMapping("/assets/import/template.xlsx")
  void template(HttpServletResponse response) throws IOException {
    requireImporter();
    XlsxDownload.prepare(response, "资产台账导入模板.xlsx");
    assetImport.writeTemplate(response.getOutputStream(), CurrentUsers.current());
  }

  @PostMapping("/assets/import")
  String importWorkbook(@RequestParam MultipartFile file, Model model, Locale locale) throws IOException {
    requireImporter();
    try {
      model.addAttribute("imported", assetImport.importWorkbook(file.getInputStream(), CurrentUsers.current(),
          locale));
    } catch (ImportRejectedException e) {
      model.addAttribute("errors", e.errors());
    }
    return "asset/import";
  }

  private static void requireImporter() {
    if (!AssetRegister.editScope(CurrentUsers.current()).isRegionWide()) {
      throw new cn.smartaffairs.platform.ForbiddenException();
    }
  }

  @GetMapping("/assets/{id}")
  String asset(@PathVariable long id, Model model) {
    CurrentUser user = CurrentUsers.current();
    Asset asset = register.get(id, user);
    model.addAttribute("asset", asset);
    model.addAttribute("editable", register.editable(asset, user));
    model.addAttribute("moves", asset.status().next().stream().sorted().toList());
    model.addAttribute("vehicle", asset.vehicleId() == null ? null : vehicleOf(asset, user));
    model.addAttribute("movements", movements.of(id, user));
    if (register.editable(asset, user)) {
      model.addAttribute("keepers", register.keepersOf(asset.unitId()));
      model.addAttribute("roomGroups", roomGroups(user));
      model.addAttribute("transferUnits", organisation.unitChoices(DataScope.region(asset.regionId())).stream()
          .filter(u -> u.id() != asset.unitId()).toList());
      LocalDate today = register.today();
      if (!model.containsAttribute("issueForm")) {
        var form = new MovementForms.IssueForm();
        form.setOnDate(today);
        model.addAttribute("issueForm", form);
      }
      if (!model.containsAttribute("returnForm")) {
        var form = new MovementForms.ReturnForm();
        form.setOnDate(today);
        model.addAttribute("returnForm", form);
      }
      if (!model.containsAttribute("transferForm")) {
        var form = new MovementForms.TransferForm();
        form.setOnDate(today);
        model.addAttribute("transferForm", form);
      }
    }
    return "asset/asset";
  }

  @PostMapping("/assets/{id}/issue")
  String issue(@PathVariable long id, @Valid @ModelAttribute("issueForm") MovementForms.IssueForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> movements.issue(id, form.getKeeperStaffId(), form.getRoomId(),
        form.getOnDate(), CurrentUsers.current()), () -> messages.getMessage("asset.issued", null, locale),
        "/assets/" + id, redirect, messages, locale);
  }

  @PostMapping("/assets/{id}/return")
  String giveBack(@PathVariable long id, @Valid @ModelAttribute("returnForm") MovementForms.ReturnForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> movements.giveBack(id, form.getOnDate(), CurrentUsers.current()),
        () -> messages.getMessage("asset.returned", null, locale), "/assets/" + id, redirect, messages, locale);
  }

  @PostMapping("/assets/{id}/transfer")
  String transfer(@PathVariable long id, @Valid @ModelAttribute("transferForm") MovementForms.TransferForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> movements.requestTransfer(id, form.getToUnitId(),
        form.getOnDate(), form.getNote(), CurrentUsers.current()),
        () -> messages.getMessage("asset.transferRequested", null, locale), "/assets/" + id, redirect, messages,
        locale);
  }

  @GetMapping("/assets/movements/{id}/handover.pdf")
  ResponseEntity<byte[]> handover(@PathVariable long id) {
    return pdf("asset-handover-" + id + ".pdf", movements.handover(id, CurrentUsers.current()));
  }

  private Vehicle vehicleOf(Asset asset, CurrentUser user) {
    try {
      return fleet.get(asset.vehicleId(), AssetRegister.viewScope(user));
    } catch (cn.smartaffairs.platform.NotFoundException e) {
      return null;
    }
  }

  @PostMapping("/assets/{id}/status")
  String changeStatus(@PathVariable long id, @RequestParam AssetStatus status, @RequestParam int version,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> register.changeStatus(id, status, version, CurrentUsers.current()),
        () -> messages.getMessage("asset.statusChanged",
            new Object[] {messages.getMessage("asset.status." + status.name(), null, locale)}, locale),
        "/assets/" + id, redirect, messages, locale);
  }
}
