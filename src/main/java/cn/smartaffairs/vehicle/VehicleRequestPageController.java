package cn.smartaffairs.vehicle;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of the people who ride and drive: the trip request form and list, and the driver's phone page. */
@PageController
class VehicleRequestPageController {

  private final Drivers drivers;
  private final VehicleRequests requests;
  private final DispatchRecords dispatches;
  private final Trips trips;
  private final MessageSource messages;
  private final Clock clock;
  private final MyTripRequestList myRequests;

  VehicleRequestPageController(Drivers drivers, VehicleRequests requests, DispatchRecords dispatches, Trips trips,
      MessageSource messages, Clock clock, MyTripRequestList myRequests) {
    this.drivers = drivers;
    this.myRequests = myRequests;
    this.requests = requests;
    this.dispatches = dispatches;
    this.trips = trips;
    this.messages = messages;
    this.clock = clock;
  }

  // ---- requests -----------------------------------------------------------------------------------------------

  @GetMapping("/vehicle-requests/new")
  String requestForm(Model model) {
    PageForms.addIfAbsent(model, "tripRequestForm", () -> {
      var form = new TripRequestForm();
      form.setDate(today().plusDays(1));
      // most trips leave from the seat of government
      drivers.places(CurrentUsers.current().regionId()).stream()
          .filter(p -> p.name().endsWith("行政中心") || p.name().endsWith("政府")).findFirst()
          .ifPresent(p -> form.setOriginPlaceId(p.id()));
      return form;
    });
    return requestPage(model);
  }

  private String requestPage(Model model) {
    model.addAttribute("places", drivers.places(CurrentUsers.current().regionId()));
    model.addAttribute("categories", VehicleCategory.values());
    model.addAttribute("stops", TripRequestForm.STOPS);
    return "vehicle/request-form";
  }

  /** The submission's refusals that concern one field; the others stand above the form. */
  private static final Map<String, String> REQUEST_RULE_FIELDS = Map.of("vehicle.purposeRequired", "purpose",
      "vehicle.passengersInvalid", "passengers", "vehicle.tooManyPassengers", "passengers",
      "vehicle.categoryRequired", "category", "vehicle.routeRequired", "stopPlaceIds", "vehicle.stopPlaceMissing",
      "stopPlaceIds", "vehicle.windowInvalid", "to", "vehicle.windowInThePast", "date");

  /**
   * Refused fields show the form again with their messages; a broken rule goes back to the form, as it always did, with
   * what was typed and the rule's message beside its field or above the form.
   */
  @PostMapping("/vehicle-requests")
  String submit(@Valid @ModelAttribute("tripRequestForm") TripRequestForm form, BindingResult binding, Model model,
      RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return requestPage(model);
    }
    try {
      long id = requests.submit(form.toNewTripRequest(), CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("vehicle.done.request",
          new Object[] {form.getPurpose().strip()}, locale));
      return "redirect:/vehicle-requests#request-" + id;
    } catch (BusinessRuleException e) {
      PageForms.reject(binding, e, REQUEST_RULE_FIELDS, messages, locale);
      return PageOutcome.redirectWithErrors(binding, "/vehicle-requests/new", redirect);
    }
  }

  /** 我的用车's columns, for its page and its export. */
  static final ListColumns<RequestView> MY_REQUEST_COLUMNS = ListColumns
      .<RequestView>sortedBy(MyTripRequestList.SORT_KEYS)
      .sortable("purpose", "vehicle.requests.purpose", v -> v.request().purpose())
      .sortable("start", "vehicle.requests.time", v -> v.request().start())
      .exportOnly("vehicle.requests.end", v -> v.request().end())
      .column("vehicle.requests.route", v -> v.request().route()).css("d-none d-md-table-cell")
      .sortable("status", "vehicle.ui.status", v -> ListColumns.words("vehicle.request." + v.request().status()))
      .column("vehicle.requests.vehicle", v -> v.dispatch() == null ? null : v.dispatch().plate())
      .exportOnly("vehicle.requests.driver", v -> v.dispatch() == null ? null : v.dispatch().driverName())
      .exportOnly("vehicle.requests.distance", v -> v.trip() == null ? null : v.trip().distanceKm())
      .pageOnly("vehicle.requests.trip")
      .searchedFor("vehicle.requests.search").exportedAs("vehicle.nav.myRequests");

  @GetMapping("/vehicle-requests")
  String myRequests(@RequestParam Map<String, String> parameters, Model model) {
    ListQuery query = MY_REQUEST_COLUMNS.parse(parameters);
    MY_REQUEST_COLUMNS.show(model, query, views(myRequests.search(query, CurrentUsers.current())));
    return "vehicle/requests";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/vehicle-requests/export.xlsx")
  void exportMyRequests(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListQuery query = MY_REQUEST_COLUMNS.parse(parameters).forExport();
    ListExport.send(response, MY_REQUEST_COLUMNS, views(myRequests.search(query, CurrentUsers.current())).items(),
        messages, locale);
  }

  private Page<RequestView> views(Page<TripRequest> page) {
    return new Page<>(RequestView.of(page.items(), dispatches, trips), page.total(), page.page(), page.size());
  }

  @PostMapping("/vehicle-trips/{id}/confirmation")
  String confirmTrip(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> trips.confirm(id, CurrentUsers.current()), "/vehicle-requests", redirect,
        messages, locale);
  }

  // ---- the driver's phone page --------------------------------------------------------------------------------

  /** How many of the driver's coming trips the phone page lists below the day's. */
  static final int COMING_TRIPS = 20;

  /** A dispatch of the driver's day with its trip, if started. */
  record DriverTask(Dispatch dispatch, TripRequest request, Trips.Trip trip) {}

  @GetMapping("/vehicles/my-trips")
  String myTrips(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      Model model) {
    CurrentUser user = CurrentUsers.current();
    LocalDate day = date == null ? today() : date;
    var driver = drivers.ofUser(user.userId());
    List<DriverTask> tasks = new ArrayList<>();
    driver.ifPresent(d -> dispatches.ofDriver(d.id(), day).forEach(dispatch -> tasks.add(new DriverTask(dispatch,
        requests.get(dispatch.requestId()), trips.ofDispatch(dispatch.id()).orElse(null)))));
    model.addAttribute("driver", driver.orElse(null));
    model.addAttribute("tasks", tasks);
    model.addAttribute("open", driver.map(d -> trips.openOf(d.id())).orElse(List.of()));
    // the trips after the day shown, so that a driver sees tomorrow's and the next week's too
    model.addAttribute("coming", driver.map(d -> dispatches.comingOfDriver(d.id(), day.plusDays(1), COMING_TRIPS)
        .stream().map(dispatch -> new DriverTask(dispatch, requests.get(dispatch.requestId()), null)).toList())
        .orElse(List.of()));
    model.addAttribute("date", day);
    model.addAttribute("today", today());
    // each task's own forms are empty; only the task of a refused form shows what was typed there
    PageForms.addIfAbsent(model, "tripStartForm", TripStartForm::new);
    PageForms.addIfAbsent(model, "tripEndForm", TripEndForm::new);
    model.addAttribute("newTripStartForm", new TripStartForm());
    model.addAttribute("newTripEndForm", new TripEndForm());
    return "vehicle/my-trips";
  }

  @PostMapping("/vehicles/my-trips/start")
  String startTrip(@Valid @ModelAttribute("tripStartForm") TripStartForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    AtomicReference<Trips.Trip> started = new AtomicReference<>();
    return PageOutcome.redirectAfter(binding, () -> started.set(trips.start(form.getDispatchId(), form.getOdometerKm(),
        CurrentUsers.current())), () -> messages.getMessage("vehicle.done.tripStarted",
            new Object[] {started.get().plate(), started.get().startOdometerKm()}, locale),
        "/vehicles/my-trips",
        redirect, messages, locale);
  }

  @PostMapping("/vehicles/my-trips/{id}/end")
  String endTrip(@PathVariable long id, @Valid @ModelAttribute("tripEndForm") TripEndForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    form.setTripId(id);
    AtomicReference<Trips.Trip> ended = new AtomicReference<>();
    return PageOutcome.redirectAfter(binding, () -> ended.set(trips.end(id, form.toTripEnd(),
        CurrentUsers.current())), () -> messages.getMessage("vehicle.done.tripEnded",
            new Object[] {ended.get().plate(), ended.get().distanceKm()}, locale),
        "/vehicles/my-trips", redirect,
        messages, locale);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }
}
