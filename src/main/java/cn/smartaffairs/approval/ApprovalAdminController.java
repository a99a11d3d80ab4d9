package cn.smartaffairs.approval;

import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.Region;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.Role;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 审批流程配置: an administrator sets, per request type and region, who approves, and appoints deputies. */
@PageController
@RequestMapping("/admin/approval-flows")
class ApprovalAdminController {

  static final int STEP_ROWS = 5;
  static final List<String> OPERATORS = List.of(">", ">=", "<", "<=", "=", "!=");
  /** The roles a step may name, and whose holders can be chosen as named approvers or deputies. */
  static final List<Role> APPROVER_ROLES = List.of(Role.UNIT_HEAD, Role.UNIT_LIAISON, Role.REGION_ADMIN,
      Role.VEHICLE_MANAGER, Role.SPACE_MANAGER, Role.MEETING_MANAGER, Role.CANTEEN_MANAGER, Role.REPAIR_MANAGER,
      Role.ASSET_MANAGER, Role.SECURITY_MANAGER);

  private static final java.time.format.DateTimeFormatter DEPUTY_TIME = java.time.format.DateTimeFormatter
      .ofPattern("yyyy-MM-dd HH:mm");

  private final ApprovalFlows approvals;
  private final Accounts accounts;
  private final OrganisationDirectory organisation;
  private final ApprovalSubjects subjects;
  private final MessageSource messages;

  ApprovalAdminController(ApprovalFlows approvals, Accounts accounts, OrganisationDirectory organisation,
      ApprovalSubjects subjects, MessageSource messages) {
    this.approvals = approvals;
    this.accounts = accounts;
    this.organisation = organisation;
    this.subjects = subjects;
    this.messages = messages;
  }

  /** The form of a new flow version: text fields, so that a wrong number is reported in Chinese, not as a crash. */
  static class FlowForm {
    @NotBlank
    @Size(max = 50) private String requestType = "";
    private Long regionId;
    @NotBlank
    @Size(max = 100) private String name = "";
    private List<StepForm> steps = new ArrayList<>();

    FlowForm() {
      for (int i = 0; i < STEP_ROWS; i++) {
        steps.add(new StepForm());
      }
    }

    public String getRequestType() { return requestType; }
    public void setRequestType(String requestType) { this.requestType = requestType; }
    public Long getRegionId() { return regionId; }
    public void setRegionId(Long regionId) { this.regionId = regionId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public List<StepForm> getSteps() { return steps; }
    public void setSteps(List<StepForm> steps) { this.steps = steps; }
  }

  /** One step row; a row without a name is left out. */
  static class StepForm {
    private String name = "";
    private ApproverKind kind = ApproverKind.UNIT_ROLE;
    private Role role;
    private List<Long> userIds = new ArrayList<>();
    private ApprovalMode mode = ApprovalMode.ANY;
    private String fact = "";
    private String operator = "";
    private String value = "";
    private String deadlineHours = "";
    private String remindBeforeHours = "";

    boolean isEmpty() {
      return blank(name) && blank(fact) && blank(value) && blank(deadlineHours) && blank(remindBeforeHours);
    }

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public ApproverKind getKind() { return kind; }
    public void setKind(ApproverKind kind) { this.kind = kind; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public List<Long> getUserIds() { return userIds; }
    public void setUserIds(List<Long> userIds) { this.userIds = userIds == null ? new ArrayList<>() : userIds; }
    public ApprovalMode getMode() { return mode; }
    public void setMode(ApprovalMode mode) { this.mode = mode; }
    public String getFact() { return fact; }
    public void setFact(String fact) { this.fact = fact; }
    public String getOperator() { return operator; }
    public void setOperator(String operator) { this.operator = operator; }
    public String getValue() { return value; }
    public void setValue(String value) { this.value = value; }
    public String getDeadlineHours() { return deadlineHours; }
    public void setDeadlineHours(String deadlineHours) { this.deadlineHours = deadlineHours; }
    public String getRemindBeforeHours() { return remindBeforeHours; }
    public void setRemindBeforeHours(String remindBeforeHours) { this.remindBeforeHours = remindBeforeHours; }
  }

  /** The versions of one request type in one region: the one in force and the older ones, collapsed on the page. */
  record FlowGroup(String requestType, String typeName, String regionName, FlowVersion active,
      List<FlowVersion> older, Map<String, String> factNames) {

    /** A step's condition in words: "计划里程（公里） > 100". */
    public String condition(StepCondition condition) {
      return factNames.getOrDefault(condition.fact(), condition.fact()) + " " + condition.operator() + " "
          + condition.value();
    }
  }

  /** A deputy line with names and Beijing times. */
  record DeputyLine(String principal, String deputy, LocalDateTime from, LocalDateTime until) {}

  @GetMapping
  String list(Model model, Locale locale) {
    return page(new FlowForm(), model, locale);
  }

  @PostMapping
  String define(@Valid @ModelAttribute("form") FlowForm form, BindingResult binding, Model model,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    List<FlowDefinition.Step> steps = new ArrayList<>();
    for (int i = 0; i < form.getSteps().size() && i < STEP_ROWS; i++) {
      StepForm row = form.getSteps().get(i);
      if (row.isEmpty()) {
        continue;
      }
      FlowDefinition.Step step = step(row, "steps[" + i + "].", binding);
      if (step != null) {
        steps.add(step);
      }
    }
    if (steps.isEmpty() && !binding.hasErrors()) {
      binding.reject("approval.admin.noSteps");
    }
    if (form.getRegionId() == null) {
      binding.rejectValue("regionId", "approval.admin.regionRequired");
    }
    if (!binding.hasErrors()) {
      try {
        approvals.defineFlow(
            new FlowDefinition(form.getRequestType().trim(), form.getRegionId(), form.getName(), steps),
            user);
        redirect.addFlashAttribute("flash", messages.getMessage("approval.admin.defined",
            new Object[] {subjects.typeName(form.getRequestType().trim(), locale)}, locale));
        return "redirect:/admin/approval-flows";
      } catch (BusinessRuleException e) {
        binding.reject(e.messageKey(), e.arguments(), e.messageKey());
      }
    }
    return page(form, model, locale);
  }

  @PostMapping("/deputies")
  String appoint(@Valid @ModelAttribute("deputyForm") DeputyForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return PageOutcome.redirectWithErrors(binding, "/admin/approval-flows#deputies", redirect);
    }
    try {
      approvals.appointDeputy(form.getPrincipalId(), form.getDeputyId(),
          form.getFrom().atZone(PlatformConfiguration.ZONE).toInstant(),
          form.getUntil().atZone(PlatformConfiguration.ZONE).toInstant(), CurrentUsers.current());
      Map<Long, String> names = accounts.displayNamesById(List.of(form.getPrincipalId(), form.getDeputyId()));
      redirect.addFlashAttribute("flash", messages.getMessage("approval.admin.appointed", new Object[] {
          names.get(form.getDeputyId()), names.get(form.getPrincipalId()), DEPUTY_TIME.format(form.getFrom()),
          DEPUTY_TIME.format(form.getUntil())}, locale));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), locale));
    }
    return "redirect:/admin/approval-flows#deputies";
  }

  /** Turns a filled row into a step, or reports what is wrong with it next to the field and answers null. */
  private static FlowDefinition.Step step(StepForm row, String prefix, BindingResult binding) {
    Object[] name = {row.getName()};
    int errors = binding.getErrorCount();
    if (blank(row.getName())) {
      binding.rejectValue(prefix + "name", "approval.admin.stepNameRequired");
    }
    Integer deadline = hours(row.getDeadlineHours());
    if (deadline == null) {
      binding.rejectValue(prefix + "deadlineHours", "approval.admin.hoursNotNumber", name, null);
    }
    Integer remind = null;
    if (!blank(row.getRemindBeforeHours())) {
      remind = hours(row.getRemindBeforeHours());
      if (remind == null) {
        binding.rejectValue(prefix + "remindBeforeHours", "approval.admin.hoursNotNumber", name, null);
      }
    }
    boolean byPeople = row.getKind() == ApproverKind.USERS;
    if (byPeople && row.getUserIds().isEmpty()) {
      binding.rejectValue(prefix + "userIds", "approval.admin.peopleRequired", name, null);
    }
    if (!byPeople && row.getRole() == null) {
      binding.rejectValue(prefix + "role", "approval.admin.roleRequired", name, null);
    }
    StepCondition condition = null;
    if (!blank(row.getFact()) || !blank(row.getValue())) {
      try {
        condition = new StepCondition(row.getFact().trim(), row.getOperator(), row.getValue().trim());
      } catch (BusinessRuleException e) {
        binding.rejectValue(prefix + "operator", e.messageKey(), e.arguments(), null);
      }
    }
    if (binding.getErrorCount() > errors) {
      return null;
    }
    return new FlowDefinition.Step(row.getName().trim(), row.getKind(), byPeople ? null : row.getRole(),
        byPeople ? row.getUserIds() : List.of(), row.getMode(), condition, deadline, remind);
  }

  private String page(FlowForm form, Model model, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    List<Region> regions = organisation.regions(user.dataScope());
    Map<Long, String> regionNames = new LinkedHashMap<>();
    regions.forEach(region -> regionNames.put(region.id(), region.name()));
    if (form.getRegionId() == null && regionNames.containsKey(user.regionId())) {
      form.setRegionId(user.regionId());
    }
    Map<String, List<FlowVersion>> byTypeAndRegion = new LinkedHashMap<>();
    approvals.flows(user.dataScope()).forEach(version -> byTypeAndRegion
        .computeIfAbsent(version.requestType() + "@" + version.regionId(), key -> new ArrayList<>()).add(version));
    List<FlowGroup> groups = new ArrayList<>();
    Set<Long> userIds = new HashSet<>();
    for (List<FlowVersion> versions : byTypeAndRegion.values()) {
      FlowVersion active = versions.stream().filter(FlowVersion::active).findFirst().orElse(null);
      FlowVersion first = versions.get(0);
      Map<String, String> factNames = new HashMap<>();
      versions.forEach(version -> version.steps().stream().filter(step -> step.condition() != null)
          .forEach(step -> factNames.computeIfAbsent(step.condition().fact(),
              fact -> subjects.factName(first.requestType(), fact, locale))));
      groups.add(new FlowGroup(first.requestType(), subjects.typeName(first.requestType(), locale),
          regionNames.getOrDefault(first.regionId(), ""), active,
          versions.stream().filter(version -> !version.active()).toList(), factNames));
      versions.forEach(version -> version.steps().forEach(step -> userIds.addAll(step.userIds())));
    }
    List<Deputy> deputies = approvals.deputies(user.dataScope());
    deputies.forEach(deputy -> {
      userIds.add(deputy.principalId());
      userIds.add(deputy.deputyId());
    });
    Map<Long, String> names = accounts.displayNamesById(userIds);
    Map<String, List<Accounts.AccountName>> people = new LinkedHashMap<>();
    Role[] roles = APPROVER_ROLES.toArray(Role[]::new);
    regions.forEach(region -> people.put(region.name(), accounts.holding(region.id(), roles)));
    model.addAttribute("form", form);
    if (!model.containsAttribute("deputyForm")) {
      model.addAttribute("deputyForm", new DeputyForm());
    }
    model.addAttribute("groups", groups);
    model.addAttribute("regions", regions);
    model.addAttribute("names", names);
    model.addAttribute("people", people);
    model.addAttribute("deputies", deputies.stream().map(deputy -> new DeputyLine(
        names.getOrDefault(deputy.principalId(), "#" + deputy.principalId()),
        names.getOrDefault(deputy.deputyId(), "#" + deputy.deputyId()),
        LocalDateTime.ofInstant(deputy.from(), PlatformConfiguration.ZONE),
        LocalDateTime.ofInstant(deputy.until(), PlatformConfiguration.ZONE))).toList());
    model.addAttribute("kinds", ApproverKind.values());
    model.addAttribute("roles", APPROVER_ROLES);
    model.addAttribute("modes", ApprovalMode.values());
    model.addAttribute("operators", OPERATORS);
    model.addAttribute("zone", PlatformConfiguration.ZONE);
    model.addAttribute("requestTypes", subjects.typeNames(locale));
    return "approval/flows";
  }

  private static Integer hours(String text) {
    if (blank(text) || !text.trim().matches("\\d{1,5}")) {
      return null;
    }
    return Integer.valueOf(text.trim());
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }
}
