package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
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

/** The dispatcher's pages of 公务用车: the day's board, plan proposals and dispatch sheets. */
@PageController
class DispatchBoardPageController {

  private final Fleet fleet;
  private final Drivers drivers;
  private final VehicleRequests requests;
  private final Dispatching dispatching;
  private final DispatchRecords dispatches;
  private final DispatchSheets sheets;
  private final Trips trips;
  private final MessageSource messages;
  private final Clock clock;
  private final BoardChoices boardChoices;

  DispatchBoardPageController(Fleet fleet, Drivers drivers, VehicleRequests requests, Dispatching dispatching,
      DispatchRecords dispatches, DispatchSheets sheets, Trips trips, MessageSource messages, Clock clock,
      BoardChoices boardChoices) {
    this.trips = trips;
    this.fleet = fleet;
    this.drivers = drivers;
    this.requests = requests;
    this.dispatching = dispatching;
    this.dispatches = dispatches;
    this.sheets = sheets;
    this.messages = messages;
    this.clock = clock;
    this.boardChoices = boardChoices;
  }

  // ---- dispatch -----------------------------------------------------------------------------------------------

  @GetMapping("/vehicles/board")
  String board(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(defaultValue = "false") boolean all, Model model) {
    CurrentUser user = CurrentUsers.current();
    LocalDate day = date == null ? today() : date;
    // the board answers 403 to anyone who does not dispatch, before the region's vehicles are listed
    List<RequestView> rows = RequestView.of(requests.board(day, user), dispatches, trips);
    model.addAttribute("date", day);
    model.addAttribute("rows", rows);
    model.addAttribute("vehicles", fleet.list(cn.smartaffairs.security.DataScope.region(user.regionId()),
        VehicleStatus.IN_SERVICE));
    model.addAttribute("drivers", drivers.list(cn.smartaffairs.security.DataScope.region(user.regionId())).stream()
        .filter(Drivers.Driver::available).toList());
    model.addAttribute("myRegion", user.regionId());
    // each waiting request offers only what fits it, the best preselected; "all" lists the whole fleet and crew
    model.addAttribute("choices", boardChoices.forBoard(rows.stream().map(RequestView::request).toList(),
        user.regionId()));
    model.addAttribute("all", all);
    PageForms.addIfAbsent(model, "dispatchForm", DispatchForm::new);
    return "vehicle/board";
  }

  /** A row's vehicle and driver, chosen on the board; a refusal comes back to the row it concerns. */
  @PostMapping("/vehicles/board/dispatches")
  String dispatch(@Valid @ModelAttribute("dispatchForm") DispatchForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    AtomicReference<Dispatch> made = new AtomicReference<>();
    return PageOutcome.redirectAfter(binding, () -> made.set(dispatching.dispatchByHand(form.getRequestId(),
        form.getVehicleId(), form.getDriverId(), CurrentUsers.current())), () -> messages.getMessage(
            "vehicle.done.dispatched", new Object[] {requests.get(made.get().requestId()).purpose(),
                made.get().plate(), made.get().driverName()},
            locale),
        form.board(), redirect, messages, locale);
  }

  @PostMapping("/vehicles/board/consents")
  String consent(@RequestParam long requestId,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> requests.consentToAid(requestId, CurrentUsers.current()),
        "/vehicles/board?date=" + date, redirect, messages, locale);
  }

  @PostMapping("/vehicles/board/plan")
  String plan(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes redirect,
      Locale locale) {
    try {
      Dispatching.Proposal proposal = dispatching.planDay(date, null, CurrentUsers.current());
      return "redirect:/vehicles/plans/" + proposal.id();
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("flashError",
          messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      return "redirect:/vehicles/board?date=" + date;
    }
  }

  @GetMapping("/vehicles/plans/{id}")
  String proposal(@PathVariable long id, Model model) {
    model.addAttribute("proposal", dispatching.proposal(id, CurrentUsers.current()));
    return "vehicle/plan";
  }

  @PostMapping("/vehicles/plans/{id}/confirmation")
  String confirmPlan(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    LocalDate day = dispatching.proposal(id, CurrentUsers.current()).day();
    return PageOutcome.redirectAfter(() -> dispatching.confirm(id, CurrentUsers.current()),
        "/vehicles/board?date=" + day,
        redirect, messages, locale);
  }

  @GetMapping(value = "/vehicles/dispatches/{id}/sheet.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> sheet(@PathVariable long id) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "inline; filename=\"dispatch-" + id + ".pdf\"")
        .body(sheets.pdf(id, CurrentUsers.current()));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }
}
