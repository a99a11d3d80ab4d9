package cn.smartaffairs.space.estate;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.space.SpaceRegister;
import jakarta.validation.Valid;
import cn.smartaffairs.space.estate.EstateRecords.RepairProject;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.context.MessageSource;
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

/** 维修项目: the projects of the region, and one project with its steps, the next step and its documents. */
@PageController
@RequestMapping("/space/repairs")
class RepairProjectController {

  private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd HH:mm");

  private final RepairProjects projects;
  private final SpaceRegister register;
  private final Accounts accounts;
  private final MessageSource messages;

  RepairProjectController(RepairProjects projects, SpaceRegister register, Accounts accounts, MessageSource messages) {
    this.projects = projects;
    this.register = register;
    this.accounts = accounts;
    this.messages = messages;
  }

  private static CurrentUser manager() {
    CurrentUser user = CurrentUsers.current();
    InspectionController.requireAny(RepairProjects.managerScope(user).permits(user.regionId(), null, null));
    return user;
  }

  /** Repair projects are tens a year per region: sorted in memory, the module's order (newest first) by default. */
  static final SortKeys SORT_KEYS = SortKeys.builder().descending("created").ascending("projectNo").ascending("title")
      .ascending("repairClass").ascending("building").ascending("stage").byDefault("created").inMemory();
  private static final Map<String, Comparator<RepairProject>> ORDERS = Map.of(
      "created", SortKeys.byValue(RepairProject::createdAt),
      "projectNo", SortKeys.byValue(RepairProject::projectNo),
      "title", SortKeys.byPinyin(RepairProject::title),
      "repairClass", SortKeys.byValue(RepairProject::repairClass),
      "building", SortKeys.byPinyin(RepairProject::buildingName),
      "stage", SortKeys.byValue(RepairProject::stage));

  static final ListColumns<RepairProject> COLUMNS = ListColumns.<RepairProject>sortedBy(SORT_KEYS)
      .sortable("projectNo", "space.repair.projectNo", RepairProject::projectNo)
      .sortable("title", "space.repair.name", RepairProject::title)
      .sortable("repairClass", "space.repair.class", p -> ListColumns.words("space.repair.class." + p.repairClass()))
      .sortable("building", "space.repair.building", RepairProject::buildingName)
      .sortable("stage", "space.repair.stage", p -> ListColumns.words("space.repair.stage." + p.stage()))
      .exportOnly("space.estate.location", RepairProject::location)
      .exportOnly("space.repair.budget", p -> p.budgetFen() == null ? null : Money.ofFen(p.budgetFen()))
      .searchedFor("space.repair.search").pagedBy(50).exportedAs("space.repair.title");

  private Page<RepairProject> page(ListQuery query, CurrentUser user) {
    return query.pageOf(projects.projects(user),
        p -> ListQuery.searchable(p.projectNo(), p.title(), p.buildingName(), p.location()), ORDERS);
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser user = manager();
    ListExport.send(response, COLUMNS, page(COLUMNS.parse(parameters).forExport(), user).items(), messages, locale);
  }

  @GetMapping
  String list(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = manager();
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, page(query, user));
    model.addAttribute("classes", RepairClass.values());
    model.addAttribute("buildings", register.buildings(user).stream().filter(b -> b.regionId() == user.regionId())
        .toList());
    if (!model.containsAttribute("projectForm")) {
      model.addAttribute("projectForm", new RepairProjectForm());
    }
    return "space/estate/repairs";
  }

  @PostMapping
  String open(@Valid @ModelAttribute("projectForm") RepairProjectForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = manager();
    AtomicLong opened = new AtomicLong();
    String target = PageOutcome.redirectAfter(binding, () -> opened.set(projects.open(form.toNewProject(), user).id()),
        () -> messages.getMessage("common.saved", null, locale), "/space/repairs", redirect, messages, locale);
    return opened.get() > 0 ? "redirect:/space/repairs/" + opened.get() : target;
  }

  /**
   * A step as the page shows it: how long the project stayed in it (until the next step, or until now), and who made
   * it by name.
   */
  record TimedStep(EstateRecords.RepairStep step, Duration stayed, String at, String actorName) {}

  @GetMapping("/{id}")
  String project(@PathVariable long id, Model model) {
    CurrentUser user = manager();
    var project = projects.project(id, user);
    var steps = projects.steps(id, user);
    var names = accounts.displayNames(steps.stream().map(EstateRecords.RepairStep::actor).distinct().toList());
    List<TimedStep> timed = new ArrayList<>();
    for (int i = 0; i < steps.size(); i++) {
      var end = i + 1 < steps.size()
          ? steps.get(i + 1).occurredAt()
          : project.stage() == RepairStage.COMPLETED ? steps.get(i).occurredAt() : projects.now();
      timed.add(new TimedStep(steps.get(i), Duration.between(steps.get(i).occurredAt(), end),
          AT.format(steps.get(i).occurredAt().atZone(cn.smartaffairs.platform.PlatformConfiguration.ZONE)),
          names.getOrDefault(steps.get(i).actor(), steps.get(i).actor())));
    }
    model.addAttribute("project", project);
    model.addAttribute("steps", timed);
    model.addAttribute("stages", RepairStage.values());
    model.addAttribute("attachments", projects.attachments(id, user));
    return "space/estate/repair";
  }

  @PostMapping("/{id}/steps")
  String advance(@PathVariable long id, @RequestParam RepairStage to, @RequestParam int version,
      @RequestParam(required = false) String note, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = manager();
    return PageOutcome.redirectAfter(() -> projects.advance(id, to, version, note, user), "/space/repairs/" + id,
        redirect, messages, locale);
  }

  @PostMapping("/{id}/attachments")
  String attach(@PathVariable long id, @RequestParam("file") MultipartFile file, RedirectAttributes redirect,
      Locale locale) {
    CurrentUser user = manager();
    byte[] data = InspectionController.bytes(file);
    return PageOutcome.redirectAfter(() -> projects.attach(id, file.getOriginalFilename(), data, user),
        "/space/repairs/" + id, redirect, messages, locale);
  }

  @GetMapping("/{id}/attachments/{attachmentId}")
  ResponseEntity<byte[]> attachment(@PathVariable long id, @PathVariable long attachmentId) {
    return InspectionController.download(projects.attachmentContent(id, attachmentId, CurrentUsers.current()));
  }
}
