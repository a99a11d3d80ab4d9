package cn.smartaffairs.reception;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.meeting.MeetingRooms;
import cn.smartaffairs.vehicle.Drivers;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
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

/**
 * 接待登记: the register of receptions, the 公函 form, and one reception's page — its plan, its 接待审批单, its
 * 消费清单, its 接待清单 and closing — for the host unit's liaison and head and the region administrator.
 */
@PageController
class ReceptionPageController {

  static final ListColumns<ReceptionRegister.Row> COLUMNS = ListColumns.<ReceptionRegister.Row>sortedBy(
      ReceptionRegister.SORT_KEYS)
      .sortable("letterNo", "reception.letterNo", ReceptionRegister.Row::letterNo)
      .sortable("guestUnit", "reception.guestUnit", ReceptionRegister.Row::guestUnit)
      .sortable("hostUnit", "reception.hostUnit", ReceptionRegister.Row::hostUnitName).css("d-none d-md-table-cell")
      .sortable("arrival", "reception.arrival", ReceptionRegister.Row::arrival)
      .exportOnly("reception.departure", ReceptionRegister.Row::departure)
      .column("reception.guestCount", ReceptionRegister.Row::guests).css("d-none d-md-table-cell")
      .sortable("status", "reception.statusLabel", r -> ListColumns.words("reception.status." + r.status()))
      .column("reception.estimatedCost", r -> Money.ofFen(r.estimatedCostFen())).css("d-none d-lg-table-cell")
      .column("reception.consumptionTotal", r -> Money.ofFen(r.consumptionFen())).css("d-none d-lg-table-cell")
      .searchedFor("reception.search").exportedAs("reception.nav.receptions");

  private final Receptions receptions;
  private final ReceptionPlans plans;
  private final ReceptionDocuments documents;
  private final ReceptionRegister register;
  private final ReceptionRuleTables rules;
  private final OrganisationDirectory organisation;
  private final Drivers places;
  private final MeetingRooms meetingRooms;
  private final MessageSource messages;

  ReceptionPageController(Receptions receptions, ReceptionPlans plans, ReceptionDocuments documents,
      ReceptionRegister register, ReceptionRuleTables rules, OrganisationDirectory organisation, Drivers places,
      MeetingRooms meetingRooms, MessageSource messages) {
    this.places = places;
    this.meetingRooms = meetingRooms;
    this.receptions = receptions;
    this.plans = plans;
    this.documents = documents;
    this.register = register;
    this.rules = rules;
    this.organisation = organisation;
    this.messages = messages;
  }

  @GetMapping("/receptions")
  String list(@RequestParam Map<String, String> parameters, Model model) {
    ReceptionStatus status = status(parameters.get("status"));
    ListQuery query = COLUMNS.parse(parameters);
    COLUMNS.show(model, query, register.search(CurrentUsers.current(), status, query));
    model.addAttribute("statuses", ReceptionStatus.values());
    model.addAttribute("status", status);
    return "reception/list";
  }

  @GetMapping("/receptions/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    ListExport.send(response, COLUMNS, register.search(CurrentUsers.current(), status(parameters.get("status")),
        COLUMNS.parse(parameters).forExport()).items(), messages, locale);
  }

  @GetMapping("/receptions/new")
  String newReception(Model model) {
    CurrentUser user = CurrentUsers.current();
    if (!model.containsAttribute("receptionForm")) {
      var form = new ReceptionForm();
      form.setHostUnitId(user.unitId());
      form.setMealKind(MealKind.LUNCH);
      model.addAttribute("receptionForm", form);
    }
    model.addAttribute("units", organisation.unitChoices(user.dataScopeAs(Receptions.READERS)));
    model.addAttribute("mealKinds", MealKind.values());
    return "reception/new";
  }

  @PostMapping("/receptions")
  String create(@Valid @ModelAttribute("receptionForm") ReceptionForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (binding.hasErrors()) {
      return PageOutcome.redirectWithErrors(binding, "/receptions/new", redirect);
    }
    try {
      Map<String, RankGrade> gradeNames = new java.util.HashMap<>();
      for (RankGrade grade : RankGrade.values()) {
        gradeNames.put(messages.getMessage("reception.grade." + grade, null, Locale.SIMPLIFIED_CHINESE), grade);
        gradeNames.put(messages.getMessage("reception.grade." + grade, null, locale), grade);
      }
      Reception created = receptions.register(form.draft(gradeNames), CurrentUsers.current());
      redirect.addFlashAttribute("flash", messages.getMessage("reception.registered",
          new Object[] {created.guestUnit(), created.letterNo()}, locale));
      return "redirect:/receptions/" + created.id();
    } catch (BusinessRuleException e) {
      binding.reject(e.messageKey(), e.arguments(), e.messageKey());
      return PageOutcome.redirectWithErrors(binding, "/receptions/new", redirect);
    }
  }

  @GetMapping("/receptions/{id}")
  String show(@PathVariable long id, Model model) {
    CurrentUser user = CurrentUsers.current();
    Reception reception = receptions.get(id, user);
    model.addAttribute("reception", reception);
    model.addAttribute("documents", documents.documents(reception));
    model.addAttribute("hotels", rules.hotels(reception.regionId(), true));
    model.addAttribute("roomKinds", RoomKind.values());
    model.addAttribute("categories", ConsumptionCategory.values());
    model.addAttribute("canEditPlan", reception.status().allows(ReceptionStatus.Move.EDIT_PLAN));
    model.addAttribute("canSubmit", reception.status().allows(ReceptionStatus.Move.SUBMIT)
        && user.unitId() != null && user.unitId() == reception.hostUnitId());
    model.addAttribute("afterApproval", reception.status().allows(ReceptionStatus.Move.RECORD_CONSUMPTION));
    model.addAttribute("canCancel", reception.status().allows(ReceptionStatus.Move.CANCEL));
    model.addAttribute("maxAccompanying", ReceptionRules.maxAccompanying(reception.guests().size(),
        rules.inForce(reception.regionId(), reception.arrival())));
    if (!model.containsAttribute("stayForm")) {
      var form = new StayForm();
      form.setNights((int) Math.max(1, reception.departure().toEpochDay() - reception.arrival().toEpochDay()));
      model.addAttribute("stayForm", form);
    }
    if (model.getAttribute("canEditPlan") == Boolean.TRUE) {
      model.addAttribute("places", places.places(reception.regionId()));
      model.addAttribute("rooms", meetingRooms.rooms(user));
    }
    if (!model.containsAttribute("mealForm")) {
      var form = new MealForm();
      reception.meals().stream().findFirst().ifPresentOrElse(meal -> {
        form.setDate(meal.date());
        form.setKind(meal.kind());
        form.setAccompanying(meal.accompanying());
        form.setPrice(Money.ofFen(meal.pricePerPersonFen()).yuan().toPlainString());
        form.setInCanteen(meal.inCanteen());
      }, () -> form.setDate(reception.arrival()));
      model.addAttribute("mealForm", form);
    }
    model.addAttribute("mealKinds", MealKind.values());
    if (!model.containsAttribute("vehicleForm")) {
      var form = new VehicleForm();
      form.setStart(reception.arrival().atTime(9, 0));
      form.setEnd(reception.arrival().atTime(17, 0));
      model.addAttribute("vehicleForm", form);
    }
    if (!model.containsAttribute("roomBookingForm")) {
      var form = new RoomBookingForm();
      form.setStart(reception.arrival().atTime(9, 30));
      form.setEnd(reception.arrival().atTime(11, 30));
      model.addAttribute("roomBookingForm", form);
    }
    if (!model.containsAttribute("consumptionForm")) {
      var form = new ConsumptionForm();
      form.setSpentOn(reception.arrival());
      model.addAttribute("consumptionForm", form);
    }
    if (!model.containsAttribute("listForm")) {
      var form = new ListForm();
      if (reception.list() != null) {
        form.setActivity(reception.list().activity());
        form.setPlace(reception.list().place());
        form.setSignedBy(reception.list().signedBy());
      } else {
        form.setActivity(reception.purpose());
      }
      model.addAttribute("listForm", form);
    }
    return "reception/show";
  }

  @PostMapping("/receptions/{id}/stays")
  String addStay(@PathVariable long id, @Valid @ModelAttribute("stayForm") StayForm form, BindingResult binding,
      @RequestParam(required = false) Integer version, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> plans.setStay(id, form.line(), version, CurrentUsers.current()),
        () -> messages.getMessage("common.saved", null, locale), "/receptions/" + id, redirect, messages, locale);
  }

  @PostMapping("/receptions/{id}/stays/{stayId}/removal")
  String removeStay(@PathVariable long id, @PathVariable long stayId,
      @RequestParam(required = false) Integer version, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> plans.removeStay(id, stayId, version, CurrentUsers.current()),
        "/receptions/" + id, redirect, messages, locale);
  }

  @PostMapping("/receptions/{id}/meals")
  String replaceMeal(@PathVariable long id, @Valid @ModelAttribute("mealForm") MealForm form, BindingResult binding,
      @RequestParam(required = false) Integer version, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(binding,
        () -> plans.replaceMeals(id, java.util.List.of(form.line()), version, CurrentUsers.current()),
        () -> messages.getMessage("common.saved", null, locale), "/receptions/" + id, redirect, messages, locale);
  }

  @PostMapping("/receptions/{id}/vehicle-request")
  String requestVehicle(@PathVariable long id, @Valid @ModelAttribute("vehicleForm") VehicleForm form,
      BindingResult binding, @RequestParam(required = false) Integer version, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(binding,
        () -> plans.requestVehicle(id, form.line(), version, CurrentUsers.current()),
        () -> messages.getMessage("reception.vehicleRequested",
            new Object[] {receptions.get(id, CurrentUsers.current()).vehicleRequestId()}, locale),
        "/receptions/" + id, redirect, messages, locale);
  }

  @PostMapping("/receptions/{id}/room-booking")
  String bookRoom(@PathVariable long id, @Valid @ModelAttribute("roomBookingForm") RoomBookingForm form,
      BindingResult binding, @RequestParam(required = false) Integer version, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(binding, () -> plans.bookRoom(id, form.line(), version, CurrentUsers.current()),
        () -> messages.getMessage("reception.roomBooked",
            new Object[] {receptions.get(id, CurrentUsers.current()).meetingBookingId()}, locale),
        "/receptions/" + id, redirect, messages, locale);
  }

  @PostMapping("/receptions/{id}/submission")
  String submit(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> receptions.submit(id, version, CurrentUsers.current()),
        () -> messages.getMessage("reception.submitted", null, locale), "/receptions/" + id, redirect, messages,
        locale);
  }

  @PostMapping("/receptions/{id}/cancellation")
  String cancel(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> receptions.cancel(id, version, CurrentUsers.current()),
        () -> messages.getMessage("reception.cancelled", null, locale), "/receptions/" + id, redirect, messages,
        locale);
  }

  @PostMapping("/receptions/{id}/consumption")
  String addConsumption(@PathVariable long id, @Valid @ModelAttribute("consumptionForm") ConsumptionForm form,
      BindingResult binding, @RequestParam(required = false) Integer version, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(binding,
        () -> documents.addConsumption(id, form.line(), version, CurrentUsers.current()),
        () -> messages.getMessage("reception.consumptionAdded", new Object[] {form.getItem().strip()}, locale),
        "/receptions/" + id, redirect, messages, locale);
  }

  /** Charges a canteen meal to the host unit (单位挂账) and adds its consumption line. */
  @PostMapping("/receptions/{id}/meals/{mealId}/canteen-charge")
  String chargeCanteenMeal(@PathVariable long id, @PathVariable long mealId,
      @RequestParam(required = false) Integer version, RedirectAttributes redirect, Locale locale) {
    var charged = new java.util.concurrent.atomic.AtomicReference<ReceptionDocuments.CanteenMealCharge>();
    return PageOutcome.redirectAfter(
        () -> charged.set(documents.chargeCanteenMeal(id, mealId, version, CurrentUsers.current())),
        () -> messages.getMessage("reception.canteen.chargedDone", new Object[] {charged.get().charge().chargeNo(),
            Money.ofFen(charged.get().charge().amountFen()).toString()}, locale),
        "/receptions/" + id, redirect, messages, locale);
  }

  @PostMapping("/receptions/{id}/consumption/{lineId}/removal")
  String removeConsumption(@PathVariable long id, @PathVariable long lineId,
      @RequestParam(required = false) Integer version, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> documents.removeConsumption(id, lineId, version, CurrentUsers.current()),
        "/receptions/" + id, redirect, messages, locale);
  }

  @PostMapping("/receptions/{id}/list")
  String generateList(@PathVariable long id, @Valid @ModelAttribute("listForm") ListForm form,
      BindingResult binding, @RequestParam(required = false) Integer version, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(binding,
        () -> documents.generateList(id, form.draft(), version, CurrentUsers.current()),
        () -> messages.getMessage("reception.listGenerated", null, locale), "/receptions/" + id, redirect, messages,
        locale);
  }

  @GetMapping(value = "/receptions/{id}/reception-list.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  ResponseEntity<byte[]> listPdf(@PathVariable long id, Locale locale) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header("Content-Disposition", "inline; filename=reception-list-" + id + ".pdf")
        .body(documents.listPdf(id, CurrentUsers.current(), locale));
  }

  @PostMapping("/receptions/{id}/closing")
  String close(@PathVariable long id, @RequestParam(required = false) Integer version, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> documents.close(id, version, CurrentUsers.current()),
        () -> messages.getMessage("reception.closed", null, locale), "/receptions/" + id, redirect, messages,
        locale);
  }

  private static ReceptionStatus status(String text) {
    return Arrays.stream(ReceptionStatus.values()).filter(s -> s.name().equals(text)).findFirst().orElse(null);
  }
}
