package cn.smartaffairs.workorder;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.util.ArrayList;
import java.io.IOException;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 工单 pages: report a problem (also from a phone), the list or 派单台, and one order with the viewer's next moves. */
@PageController
@RequestMapping("/work-orders")
class WorkOrderController {

  /** Which form field a business rule's message belongs next to. */
  private static final Map<String, String> RULE_FIELDS = Map.of(
      "workOrder.categoryUnknown", "category", "workOrder.priorityUnknown", "priority",
      "workOrder.descriptionRequired", "description", "workOrder.requesterRequired", "requesterName",
      "workOrder.requesterUnknown", "requesterName");

  private final WorkOrders workOrders;
  private final WorkOrderPhotos photos;
  private final Accounts accounts;
  private final MessageSource messages;
  private final Clock clock;

  WorkOrderController(WorkOrders workOrders, WorkOrderPhotos photos, Accounts accounts, MessageSource messages,
      Clock clock) {
    this.photos = photos;
    this.workOrders = workOrders;
    this.accounts = accounts;
    this.messages = messages;
    this.clock = clock;
  }

  /** The list's columns, for its page and its export. */
  static final ListColumns<WorkOrder> COLUMNS = ListColumns.<WorkOrder>sortedBy(WorkOrders.SORT_KEYS)
      .sortable("orderNo", "workOrder.field.orderNo", WorkOrder::orderNo)
      .sortable("category", "workOrder.field.category", WorkOrder::categoryName).css("d-none d-md-table-cell")
      .column("workOrder.field.description", WorkOrder::description)
      .column("workOrder.field.location", WorkOrder::location).css("d-none d-lg-table-cell")
      .sortable("status", "workOrder.field.status", o -> ListColumns.words("workOrder.status." + o.status()))
      .sortable("receivedAt", "workOrder.field.receivedAt", WorkOrder::receivedAt).css("d-none d-md-table-cell")
      .sortable("resolveDueAt", "workOrder.field.resolveDueAt", WorkOrder::resolveDueAt)
      .searchedFor("workOrder.keywordHint").exportedAs("workOrder.exportFile");

  @GetMapping
  String list(@RequestParam(required = false) WorkOrderStatus status, @RequestParam Map<String, String> parameters,
      Model model) {
    CurrentUser user = CurrentUsers.current();
    boolean dispatcher = WorkOrders.dispatches(user, user.regionId());
    // only a dispatcher filters; everyone else sees all of their own orders
    WorkOrderStatus filter = dispatcher ? status : null;
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, workOrders.search(filter, query, user));
    model.addAttribute("dispatcher", dispatcher);
    model.addAttribute("status", filter);
    model.addAttribute("statuses", WorkOrderStatus.values());
    model.addAttribute("now", clock.instant());
    model.addAttribute("zone", PlatformConfiguration.ZONE);
    return "workorder/list";
  }

  /** The list's search in its order, every page up to the export's limit, in the page's columns. */
  @GetMapping("/export.xlsx")
  void export(@RequestParam(required = false) WorkOrderStatus status, @RequestParam Map<String, String> parameters,
      HttpServletResponse response, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    WorkOrderStatus filter = WorkOrders.dispatches(user, user.regionId()) ? status : null;
    ListExport.send(response, COLUMNS, workOrders.search(filter, COLUMNS.parse(parameters).forExport(), user).items(),
        messages, locale);
  }

  @GetMapping("/new")
  String newForm(Model model) {
    return form(new WorkOrderForm(), model);
  }

  @PostMapping("/new")
  String create(@Valid @ModelAttribute("form") WorkOrderForm form, BindingResult binding,
      @RequestParam(name = "photos", required = false) List<MultipartFile> photoFiles, Model model,
      RedirectAttributes redirect, Locale locale) throws IOException {
    if (binding.hasErrors()) {
      return form(form, model);
    }
    try {
      List<WorkOrderPhotos.Upload> uploads = new ArrayList<>();
      for (MultipartFile file : photoFiles == null ? List.<MultipartFile>of() : photoFiles) {
        uploads.add(new WorkOrderPhotos.Upload(file.getOriginalFilename(), file.getBytes()));
      }
      WorkOrder order = photos.report(form.toNewOrder(), uploads, CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("workOrder.page.created",
          new Object[] {order.orderNo()}, locale));
      return "redirect:/work-orders/" + order.id();
    } catch (BusinessRuleException e) {
      String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
      String field = RULE_FIELDS.get(e.messageKey());
      // with the arguments: the page resolves the code again, and without them would show a bare {0}
      if (field != null) {
        binding.rejectValue(field, e.messageKey(), e.arguments(), message);
      } else {
        binding.reject(e.messageKey(), e.arguments(), message);
      }
      return form(form, model);
    }
  }

  private String form(WorkOrderForm form, Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("form", form);
    model.addAttribute("categories", workOrders.categories());
    model.addAttribute("agent", WorkOrders.dispatches(user, user.regionId()));
    return "workorder/form";
  }

  @GetMapping("/{id:\\d+}")
  String detail(@PathVariable long id, Model model) {
    CurrentUser user = CurrentUsers.current();
    WorkOrder order = workOrders.get(id, user);
    List<WorkOrderAction> actions = workOrders.actionsFor(order, user);
    Set<String> people = new HashSet<>();
    order.history().forEach(step -> people.add(step.actor()));
    model.addAttribute("order", order);
    model.addAttribute("actions", actions);
    model.addAttribute("workers",
        actions.contains(WorkOrderAction.DISPATCH) ? workOrders.workers(order.regionId()) : List.of());
    model.addAttribute("names", accounts.displayNames(people));
    model.addAttribute("assigneeName", order.assigneeUserId() == null
        ? null
        : accounts.findById(order.assigneeUserId()).map(CurrentUser::displayName).orElse(null));
    model.addAttribute("satisfactions", Satisfaction.values());
    // the refused move's form comes back as typed; every other move's form starts empty
    model.addAttribute("blankTransition", TransitionForm.blank(order));
    model.addAttribute("refusedAction", model.containsAttribute("transitionForm")
        ? ((TransitionForm) model.getAttribute("transitionForm")).getAction()
        : null);
    model.addAttribute("photos", photos.photos(id, CurrentUsers.current()));
    model.addAttribute("now", clock.instant());
    model.addAttribute("zone", PlatformConfiguration.ZONE);
    return "workorder/detail";
  }

  /** One button of the order page; a page shown before someone else moved the order changes nothing. */
  @PostMapping("/{id:\\d+}/photos")
  String addPhoto(@PathVariable long id, @RequestParam("photo") MultipartFile file, RedirectAttributes redirect,
      Locale locale) throws IOException {
    try {
      photos.attach(id, file.getOriginalFilename(), file.getBytes(), CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("photo.added", null, locale));
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "redirect:/work-orders/" + id;
  }

  /**
   * One move from the order's page. A page shown before someone else moved the order changes nothing and says so; a
   * refused form goes back to the page with its move's form as typed and each field's message beside it.
   */
  @PostMapping("/{id:\\d+}/transitions")
  String move(@PathVariable long id, @Valid @ModelAttribute("transitionForm") TransitionForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    String page = "/work-orders/" + id;
    if (binding.hasErrors()) {
      // the move and the version are the form's hidden fields: nobody can correct them, so they are said on the page
      for (String hidden : List.of("action", "expectedVersion")) {
        if (binding.hasFieldErrors(hidden)) {
          redirect.addFlashAttribute("flashError", messages.getMessage(binding.getFieldError(hidden), locale));
        }
      }
      return PageOutcome.redirectWithErrors(binding, page, redirect);
    }
    try {
      workOrders.move(id, form.toTransition(), CurrentUsers.current());
      WorkOrderAction done = WorkOrderAction.parse(form.getAction());
      redirect.addFlashAttribute("flash", messages.getMessage("workOrder.page.moved",
          new Object[] {messages.getMessage("workOrder.action." + done.name(), null, locale)}, locale));
    } catch (NotFoundException e) {
      throw e;
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
    }
    return "redirect:" + page;
  }
}
