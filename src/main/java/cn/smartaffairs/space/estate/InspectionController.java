package cn.smartaffairs.space.estate;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.estate.EstateRecords.Campaign;
import cn.smartaffairs.space.estate.EstateRecords.FileContent;
import cn.smartaffairs.workorder.WorkOrders;
import jakarta.validation.Valid;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 清理整改: campaigns, a campaign's checklist and findings, one finding with its photos and what comes next. */
@PageController
@RequestMapping("/space/inspections")
class InspectionController {

  private final Inspections inspections;
  private final WorkOrders workOrders;
  private final MessageSource messages;

  InspectionController(Inspections inspections, WorkOrders workOrders, MessageSource messages) {
    this.inspections = inspections;
    this.workOrders = workOrders;
    this.messages = messages;
  }

  /** Campaigns are a few a year per region: sorted in memory, the latest start first by default. */
  static final SortKeys SORT_KEYS = SortKeys.builder().descending("startsOn").ascending("title").descending("endsOn")
      .descending("openFindings").descending("findings").byDefault("startsOn").inMemory();
  private static final Map<String, Comparator<Campaign>> ORDERS = Map.of(
      "startsOn", SortKeys.byValue(Campaign::startsOn),
      "title", SortKeys.byPinyin(Campaign::title),
      "endsOn", SortKeys.byValue(Campaign::endsOn),
      "openFindings", Comparator.comparingInt(Campaign::openFindings),
      "findings", Comparator.comparingInt(Campaign::findings));

  static final ListColumns<Campaign> COLUMNS = ListColumns.<Campaign>sortedBy(SORT_KEYS)
      .sortable("title", "space.estate.campaignTitle", Campaign::title)
      .sortable("startsOn", "space.estate.startsOn", Campaign::startsOn)
      .sortable("endsOn", "space.estate.endsOn", Campaign::endsOn)
      .sortable("openFindings", "space.estate.openFindingsColumn", Campaign::openFindings)
      .sortable("findings", "space.estate.findingsColumn", Campaign::findings)
      .searchedFor("space.estate.campaignSearch").pagedBy(50).exportedAs("space.estate.campaigns");

  private Page<Campaign> campaignPage(ListQuery query, CurrentUser user) {
    return query.pageOf(inspections.campaigns(user), c -> ListQuery.searchable(c.title()), ORDERS);
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, COLUMNS, campaignPage(COLUMNS.parse(parameters).forExport(), CurrentUsers.current())
        .items(), messages, locale);
  }

  @GetMapping
  String campaigns(@RequestParam Map<String, String> parameters, Model model, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, campaignPage(query, user));
    model.addAttribute("manager", SpaceRegister.editScope(user).permits(user.regionId(), null, null));
    model.addAttribute("today", inspections.today());
    if (!model.containsAttribute("campaignForm")) {
      var form = new CampaignForm();
      form.setStartsOn(inspections.today());
      form.setItems(messages.getMessage("space.estate.defaultItems", null, "", locale));
      model.addAttribute("campaignForm", form);
    }
    return "space/estate/campaigns";
  }

  @PostMapping
  String create(@Valid @ModelAttribute("campaignForm") CampaignForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(binding, () -> inspections.createCampaign(form.toNewCampaign(), user),
        () -> messages.getMessage("common.saved", null, locale), "/space/inspections", redirect, messages, locale);
  }

  @GetMapping("/{id}")
  String campaign(@PathVariable long id, @RequestParam(required = false) Long unit, Model model) {
    CurrentUser user = CurrentUsers.current();
    var campaign = inspections.campaign(id, user);
    boolean manager = SpaceRegister.editScope(user).permits(campaign.regionId(), null, null);
    model.addAttribute("campaign", campaign);
    var findings = inspections.findings(id, user);
    model.addAttribute("findings", findings);
    // a finding links to its work order only for those who may open it (a liaison sees the finding, not the order)
    model.addAttribute("openableOrders", workOrders.visibleAmong(findings.stream().map(f -> f.workOrderId())
        .filter(java.util.Objects::nonNull).toList(), user));
    model.addAttribute("manager", manager);
    model.addAttribute("today", inspections.today());
    if (manager) {
      var units = inspections.unitsOf(id, user);
      Long chosen = unit != null ? unit : units.isEmpty() ? null : ((Number) units.get(0).get("id")).longValue();
      Map<Long, String> answers = new LinkedHashMap<>();
      inspections.checklist(id, user).stream().filter(a -> chosen != null && a.unitId() == chosen)
          .forEach(a -> answers.put(a.itemId(), a.result().name()));
      model.addAttribute("units", units);
      model.addAttribute("chosenUnit", chosen);
      model.addAttribute("answers", answers);
      if (!model.containsAttribute("findingForm")) {
        var form = new FindingForm();
        form.setUnitId(chosen);
        model.addAttribute("findingForm", form);
      }
    }
    return "space/estate/campaign";
  }

  @PostMapping("/{id}/close")
  String close(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> inspections.closeCampaign(id, user), "/space/inspections/" + id, redirect,
        messages, locale);
  }

  @PostMapping("/{id}/checklist")
  String checklist(@PathVariable long id, @RequestParam long unitId, @RequestParam Map<String, String> form,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    Map<Long, String> results = new LinkedHashMap<>();
    form.forEach((name, value) -> {
      if (name.startsWith("item-") && !value.isBlank()) {
        results.put(Long.parseLong(name.substring(5)), value);
      }
    });
    return PageOutcome.redirectAfter(() -> inspections.recordChecklist(id, unitId, results, user),
        "/space/inspections/" + id + "?unit=" + unitId, redirect, messages, locale);
  }

  @PostMapping("/{id}/findings")
  String addFinding(@PathVariable long id, @Valid @ModelAttribute("findingForm") FindingForm form,
      BindingResult binding, @RequestParam(name = "photos", required = false) List<MultipartFile> photos,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    List<Inspections.Upload> uploads = new ArrayList<>();
    for (MultipartFile photo : photos == null ? List.<MultipartFile>of() : photos) {
      uploads.add(new Inspections.Upload(photo.getOriginalFilename(), bytes(photo)));
    }
    return PageOutcome.redirectAfter(binding, () -> inspections.addFinding(form.toNewFinding(id), uploads, user),
        () -> messages.getMessage("common.saved", null, locale), "/space/inspections/" + id, redirect, messages,
        locale);
  }

  @GetMapping("/findings/{id}")
  String finding(@PathVariable long id, Model model) {
    CurrentUser user = CurrentUsers.current();
    var finding = inspections.finding(id, user);
    model.addAttribute("finding", finding);
    model.addAttribute("photos", inspections.photos(id, user));
    model.addAttribute("manager", SpaceRegister.editScope(user).permits(finding.regionId(), null, null));
    model.addAttribute("repairCategories", workOrders.categories().stream()
        .filter(c -> c.code().startsWith("REPAIR_")).toList());
    model.addAttribute("unitKeeper", user.dataScope().unitIds().contains(finding.unitId()));
    model.addAttribute("orderOpenable", finding.workOrderId() != null
        && !workOrders.visibleAmong(List.of(finding.workOrderId()), user).isEmpty());
    model.addAttribute("today", inspections.today());
    return "space/estate/finding";
  }

  @PostMapping("/findings/{id}/rectification")
  String rectify(@PathVariable long id, @RequestParam String note, @RequestParam int version,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> inspections.rectify(id, note, version, user),
        "/space/inspections/findings/" + id, redirect, messages, locale);
  }

  @PostMapping("/findings/{id}/confirmation")
  String confirm(@PathVariable long id, @RequestParam int version, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> inspections.confirm(id, version, user),
        "/space/inspections/findings/" + id, redirect, messages, locale);
  }

  @PostMapping("/findings/{id}/work-order")
  String raiseWorkOrder(@PathVariable long id, @RequestParam(defaultValue = "REPAIR_BUILDING") String category,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> inspections.raiseWorkOrder(id, category, user),
        "/space/inspections/findings/" + id, redirect, messages, locale);
  }

  @PostMapping("/findings/{id}/photos")
  String addPhoto(@PathVariable long id, @RequestParam("photo") MultipartFile photo, RedirectAttributes redirect,
      Locale locale) {
    CurrentUser user = CurrentUsers.current();
    byte[] data = bytes(photo);
    return PageOutcome.redirectAfter(() -> inspections.attachPhoto(id, photo.getOriginalFilename(), data, user),
        "/space/inspections/findings/" + id, redirect, messages, locale);
  }

  @GetMapping("/findings/{id}/photos/{photoId}")
  ResponseEntity<byte[]> photo(@PathVariable long id, @PathVariable long photoId) {
    return download(inspections.photoContent(id, photoId, CurrentUsers.current()));
  }

  static ResponseEntity<byte[]> download(FileContent content) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(content.contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename(content.fileName(), StandardCharsets.UTF_8).build().toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(content.data());
  }

  static byte[] bytes(MultipartFile file) {
    try {
      return file.getBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static void requireAny(boolean allowed) {
    if (!allowed) {
      throw new ForbiddenException();
    }
  }
}
