package cn.smartaffairs.admin;

import cn.smartaffairs.audit.AuditChainVerifier;
import cn.smartaffairs.audit.AuditLog;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.Region;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * 审计日志 page: who changed what, searchable and exportable, and a check that the SM3 chain is unbroken. A
 * platform admin sees every event; a region admin those of their regions and their own.
 */
@PageController
@RequestMapping("/admin/audit")
@PreAuthorize("hasAnyRole('PLATFORM_ADMIN', 'REGION_ADMIN')")
class AuditController {

  /** The actor of what the platform did by itself (reminders, escalations). */
  private static final String SYSTEM = "system";
  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** Excel refuses longer text in a cell. */
  private static final int MAX_CELL_TEXT = 32_767;

  private final AuditLog auditLog;
  private final AuditChainVerifier verifier;
  private final OrganisationDirectory organisation;
  private final Accounts accounts;
  private final MessageSource messages;

  AuditController(AuditLog auditLog, AuditChainVerifier verifier, OrganisationDirectory organisation,
      Accounts accounts, MessageSource messages) {
    this.auditLog = auditLog;
    this.verifier = verifier;
    this.organisation = organisation;
    this.accounts = accounts;
    this.messages = messages;
  }

  /**
   * One line of the list, with its time in China Standard Time, its region by name, and its actor, action and record
   * type in the reader's words.
   */
  record EventLine(AuditLog.Event event, String time, String regionName, String actorName, String action,
      String entityType) {}

  /** A choice of the filter: the code it sends, the words it shows. */
  record Choice(String code, String label) {}

  /** The outcome of a chain check as the page shows it. */
  record VerificationView(boolean intact, String message) implements java.io.Serializable {}

  /** The list's columns; its export has more (the login name, the record's id, the states in full). */
  static final ListColumns<EventLine> COLUMNS = ListColumns.<EventLine>sortedBy(AuditLog.SORT_KEYS)
      .sortable("time", "audit.column.time", EventLine::time)
      .sortable("actor", "audit.column.actor", EventLine::actorName)
      .column("audit.column.clientAddress", line -> line.event().clientAddress()).css("d-none d-md-table-cell")
      .sortable("action", "audit.column.action", EventLine::action)
      .sortable("entityType", "audit.column.entity", EventLine::entityType)
      .column("audit.column.region", EventLine::regionName).css("d-none d-lg-table-cell")
      .pageOnly("audit.column.changes")
      .exportedAs("nav.audit");

  @GetMapping
  String list(@ModelAttribute("filter") AuditLog.Filter filter, @RequestParam Map<String, String> parameters,
      Model model, Locale locale) {
    Map<Long, String> regionNames = regionNames();
    ListQuery query = COLUMNS.parse(parameters);
    Page<AuditLog.Event> events = auditLog.search(filter, query, visibility(CurrentUsers.current()));
    Map<String, String> names = accounts.displayNames(events.items().stream().map(AuditLog.Event::actor)
        .filter(Objects::nonNull).collect(Collectors.toSet()));
    COLUMNS.show(model, query, new Page<>(events.items().stream()
        .map(event -> line(event, regionNames, names, locale)).toList(), events.total(), events.page(), events.size()));
    model.addAttribute("actions", auditLog.actions().stream()
        .map(code -> new Choice(code, label("audit.action.", code, locale))).toList());
    model.addAttribute("entityTypes", auditLog.entityTypes().stream()
        .map(code -> new Choice(code, label("audit.entity.", code, locale))).toList());
    return "admin/audit";
  }

  /** Every event of the filter (not only the first ten thousand: an audit needs them all) in the list's order. */
  @GetMapping("/export.xlsx")
  void export(@ModelAttribute AuditLog.Filter filter, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    Map<Long, String> regionNames = regionNames();
    List<String> headers = Arrays
        .stream("id time actor login clientAddress action entityType entityId region before after"
            .split(" "))
        .map(column -> messages.getMessage("audit.column." + column, null, locale)).toList();
    Map<String, String> names = new java.util.HashMap<>();
    auditLog.forEach(filter, COLUMNS.parse(parameters), visibility(CurrentUsers.current()),
        events -> XlsxDownload.send(response, messages.getMessage("audit.exportFile", null, locale), new Xlsx.Sheet(
            messages.getMessage("nav.audit", null, locale), headers, events.map(event -> Arrays.asList(event.id(),
                time(event.occurredAt()), actorName(event.actor(), names, locale), event.actor(), event.clientAddress(),
                label("audit.action.", event.action(), locale),
                label("audit.entity.", event.entityType(), locale), event.entityId(),
                event.regionId() == null ? null : regionNames.get(event.regionId()), cell(event.beforeState()),
                cell(event.afterState()))))));
  }

  /** Checks the whole chain; htmx swaps the answer into the page, a plain form post sees it after a redirect. */
  @PostMapping("/verify")
  String verify(@RequestHeader(value = "HX-Request", required = false) String htmx, Model model,
      RedirectAttributes redirect, Locale locale) {
    VerificationView verification = view(verifier.verify(), locale);
    if (htmx != null) {
      model.addAttribute("verification", verification);
      return "admin/audit :: verification";
    }
    redirect.addFlashAttribute("verification", verification);
    return "redirect:/admin/audit";
  }

  /** Platform admins see everything; anyone else the regions they administer and what they did themselves. */
  static AuditLog.Visibility visibility(CurrentUser user) {
    if (user.has(Role.PLATFORM_ADMIN)) {
      return AuditLog.Visibility.everything();
    }
    return AuditLog.Visibility.regionsAndOwn(user.grants().stream()
        .filter(grant -> grant.role() == Role.REGION_ADMIN)
        .map(RoleGrant::regionId)
        .filter(Objects::nonNull)
        .collect(Collectors.toSet()), user.username());
  }

  private VerificationView view(AuditChainVerifier.Verification verification, Locale locale) {
    if (verification.intact()) {
      return new VerificationView(true,
          messages.getMessage("audit.verify.intact", new Object[] {verification.eventsChecked()}, locale));
    }
    String key = "audit.breach." + verification.breach().name()
        + (verification.brokenAtEventId() == null ? ".empty" : "");
    // the id as text, so that it is not shown with a thousands separator
    String where = messages.getMessage(key, new Object[] {String.valueOf(verification.brokenAtEventId())}, locale);
    return new VerificationView(false, messages.getMessage("audit.verify.broken", new Object[] {where}, locale));
  }

  private EventLine line(AuditLog.Event event, Map<Long, String> regionNames, Map<String, String> names,
      Locale locale) {
    return new EventLine(event, time(event.occurredAt()),
        event.regionId() == null ? null : regionNames.get(event.regionId()), actorName(event.actor(), names, locale),
        label("audit.action.", event.action(), locale), label("audit.entity.", event.entityType(), locale));
  }

  /**
   * Who acted, by name: an account's display name, "system" in words, and otherwise the name as it was typed (a
   * failed sign-in for a name no account has). Names not yet in {@code known} are looked up and kept there.
   */
  private String actorName(String actor, Map<String, String> known, Locale locale) {
    if (actor == null) {
      return null;
    }
    if (SYSTEM.equals(actor)) {
      return messages.getMessage("audit.actor.system", null, locale);
    }
    if (!known.containsKey(actor)) {
      known.put(actor, accounts.displayNames(List.of(actor)).getOrDefault(actor, actor));
    }
    return known.get(actor);
  }

  private Map<Long, String> regionNames() {
    return organisation.regions().stream().collect(Collectors.toMap(Region::id, Region::name));
  }

  /**
   * An action or record type in words. A code without words yet (a module added it and forgot its bundle) shows as
   * "other action" / "other record", never as the code; a test keeps every recorded code named.
   */
  private String label(String prefix, String code, Locale locale) {
    String words = code == null ? null : messages.getMessage(prefix + code, null, null, locale);
    return words != null ? words : messages.getMessage(prefix + "other", null, locale);
  }

  static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant.atZone(PlatformConfiguration.ZONE));
  }

  private static String cell(String text) {
    return text == null || text.length() <= MAX_CELL_TEXT ? text : text.substring(0, MAX_CELL_TEXT - 1) + "…";
  }
}
