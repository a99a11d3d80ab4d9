package cn.smartaffairs.admin;

import cn.smartaffairs.audit.AuditChainVerifier;
import cn.smartaffairs.audit.AuditLog;
import cn.smartaffairs.excel.Xlsx;
import cn.smartaffairs.excel.XlsxDownload;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.Region;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PlatformConfiguration;
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

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
  /** Excel refuses longer text in a cell. */
  private static final int MAX_CELL_TEXT = 32_767;

  private final AuditLog auditLog;
  private final AuditChainVerifier verifier;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;

  AuditController(AuditLog auditLog, AuditChainVerifier verifier, OrganisationDirectory organisation,
                  MessageSource messages) {
    this.auditLog = auditLog;
    this.verifier = verifier;
    this.organisation = organisation;
    this.messages = messages;
  }

  /** One line of the list, with its time in China Standard Time and its region by name. */
  record EventLine(AuditLog.Event event, String time, String regionName) {}

  /** The outcome of a chain check as the page shows it. */
  record VerificationView(boolean intact, String message) implements java.io.Serializable {}

  @GetMapping
  String list(@ModelAttribute("filter") AuditLog.Filter filter, @RequestParam(defaultValue = "0") int page,
              @RequestParam(defaultValue = "20") int size, Model model) {
    Map<Long, String> regionNames = regionNames();
    Page<AuditLog.Event> events = auditLog.search(filter, visibility(CurrentUsers.current()), Math.max(page, 0),
        Page.boundedSize(size));
    model.addAttribute("page", new Page<>(events.items().stream().map(event -> line(event, regionNames)).toList(),
        events.total(), events.page(), events.size()));
    model.addAttribute("actions", auditLog.actions());
    model.addAttribute("entityTypes", auditLog.entityTypes());
    return "admin/audit";
  }

  @GetMapping("/export.xlsx")
  void export(@ModelAttribute AuditLog.Filter filter, HttpServletResponse response, Locale locale) {
    Map<Long, String> regionNames = regionNames();
    List<String> headers = Arrays.stream("id time actor clientAddress action entityType entityId region before after"
        .split(" ")).map(column -> messages.getMessage("audit.column." + column, null, locale)).toList();
    auditLog.forEach(filter, visibility(CurrentUsers.current()), events ->
        XlsxDownload.send(response, messages.getMessage("audit.exportFile", null, locale), new Xlsx.Sheet(
            messages.getMessage("nav.audit", null, locale), headers, events.map(event -> Arrays.asList(event.id(),
                time(event.occurredAt()), event.actor(), event.clientAddress(), label("audit.action.", event.action(), locale),
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

  private EventLine line(AuditLog.Event event, Map<Long, String> regionNames) {
    return new EventLine(event, time(event.occurredAt()),
        event.regionId() == null ? null : regionNames.get(event.regionId()));
  }

  private Map<Long, String> regionNames() {
    return organisation.regions().stream().collect(Collectors.toMap(Region::id, Region::name));
  }

  private String label(String prefix, String code, Locale locale) {
    return messages.getMessage(prefix + code, null, code, locale);
  }

  static String time(Instant instant) {
    return instant == null ? null : TIME.format(instant.atZone(PlatformConfiguration.ZONE));
  }

  private static String cell(String text) {
    return text == null || text.length() <= MAX_CELL_TEXT ? text : text.substring(0, MAX_CELL_TEXT - 1) + "…";
  }
}
