package cn.smartaffairs.meeting;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A booking's page — check in, move, cancel (one occurrence or the whole series), order services, its fee cap —
 * the caller's bookings, recurring booking from a room's day, and the 会务 team's services task list.
 */
@PageController
class MeetingBookingController {

  private final MeetingRooms rooms;
  private final MeetingBookings bookings;
  private final RecurringBookings recurring;
  private final MeetingServices services;
  private final BookingWords words;
  private final MessageSource messages;
  private final MyBookingList myBookings;

  MeetingBookingController(MeetingRooms rooms, MeetingBookings bookings, RecurringBookings recurring,
      MeetingServices services, BookingWords words, MessageSource messages,
      MyBookingList myBookings) {
    this.words = words;
    this.myBookings = myBookings;
    this.rooms = rooms;
    this.bookings = bookings;
    this.recurring = recurring;
    this.services = services;
    this.messages = messages;
  }

  /** 我的预订's columns, for its page and its export; room names come with each request. */
  private ListColumns<MeetingBooking> myBookingColumns(Map<Long, String> roomNames) {
    return ListColumns.<MeetingBooking>sortedBy(MyBookingList.SORT_KEYS)
        .sortable("subject", "meeting.approval.subject", MeetingBooking::subject)
        .sortable("start", "meeting.time", MeetingBooking::start)
        .exportOnly("meeting.ends", MeetingBooking::end)
        .sortable("room", "meeting.room", b -> roomNames.get(b.roomId()))
        .column("meeting.approval.attendees", MeetingBooking::attendees).css("d-none d-md-table-cell")
        .sortable("status", "meeting.status", b -> ListColumns.words("meeting.status." + b.status()))
        .searchedFor("meeting.mineSearch").pagedBy(100).exportedAs("meeting.mine");
  }

  @GetMapping("/meeting-bookings")
  String mine(@RequestParam Map<String, String> parameters, Model model) {
    CurrentUser user = CurrentUsers.current();
    Map<Long, String> roomNames = roomNames(user);
    var columns = myBookingColumns(roomNames);
    ListQuery query = columns.parse(parameters);
    columns.show(model, query, myBookings.search(query, user));
    model.addAttribute("roomNames", roomNames);
    return "meeting/mine";
  }

  /** The list's search in its order, every page up to the export's limit. */
  @GetMapping("/meeting-bookings/export.xlsx")
  void exportMine(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    var columns = myBookingColumns(roomNames(user));
    ListExport.send(response, columns, myBookings.search(columns.parse(parameters).forExport(), user).items(),
        messages, locale);
  }

  private Map<Long, String> roomNames(CurrentUser user) {
    return rooms.rooms(user).stream().collect(java.util.stream.Collectors.toMap(MeetingRoom::id, MeetingRoom::name));
  }

  @GetMapping("/meeting-bookings/{id}")
  String booking(@PathVariable long id, Model model) {
    CurrentUser user = CurrentUsers.current();
    BookingView view = bookings.view(id, user);
    model.addAttribute("view", view);
    model.addAttribute("services", services.ofBooking(id));
    model.addAttribute("serviceKinds", ServiceKind.values());
    if (!model.containsAttribute("moveForm")) {
      model.addAttribute("moveForm", MoveForm.of(view.booking()));
    }
    if (!model.containsAttribute("serviceForm")) {
      var service = new ServiceOrderForm();
      service.setKind(ServiceKind.values()[0]);
      service.setNeededAt(MoveForm.of(view.booking()).getFrom());
      model.addAttribute("serviceForm", service);
    }
    if (view.booking().seriesId() != null) {
      model.addAttribute("series", recurring.series(view.booking().seriesId(), user));
    }
    return "meeting/booking";
  }

  @PostMapping("/meeting-bookings/{id}/check-in")
  String checkIn(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> bookings.checkIn(id, CurrentUsers.current()),
        () -> said("meeting.words.checkedIn", id, locale), backTo(back, id), redirect, messages, locale);
  }

  @PostMapping("/meeting-bookings/{id}/cancel")
  String cancel(@PathVariable long id, @RequestParam(required = false) String back, RedirectAttributes redirect,
      Locale locale) {
    return PageOutcome.redirectAfter(() -> rooms.cancel(id, CurrentUsers.current()),
        () -> said("meeting.words.cancelled", id, locale), backTo(back, id), redirect, messages, locale);
  }

  /** What happened to a booking, naming its room and time: "已取消 第一会议室 12月6日 10:00–11:00". */
  private String said(String key, long bookingId, Locale locale) {
    BookingView view = bookings.view(bookingId, CurrentUsers.current());
    return words.text(key, locale, view.room().name(),
        words.when(view.booking().start(), view.booking().end(), locale));
  }

  /** Back to the room's day the button was pressed on, or else the booking's page; never anywhere else. */
  private static String backTo(String back, long id) {
    return back != null && back.matches("^/meeting-rooms\\?[A-Za-z0-9=&%:_.-]*$") ? back : "/meeting-bookings/" + id;
  }

  /** 改期 from the booking's page; an end before the start is named beside the end, the form kept as typed. */
  @PostMapping("/meeting-bookings/{id}/move")
  String move(@PathVariable long id, @Valid @ModelAttribute("moveForm") MoveForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    return MeetingForms.redirectAfter(binding,
        () -> bookings.move(id, form.start(), form.end(), CurrentUsers.current()),
        () -> said("meeting.words.moved", id, locale), "/meeting-bookings/" + id, redirect, messages, locale);
  }

  @PostMapping("/meeting-bookings/{id}/services")
  String orderService(@PathVariable long id, @Valid @ModelAttribute("serviceForm") ServiceOrderForm form,
      BindingResult binding, RedirectAttributes redirect, Locale locale) {
    return MeetingForms.redirectAfter(binding, () -> {
      MeetingBooking booking = bookings.view(id, CurrentUsers.current()).booking();
      services.order(id, form.toNewOrder(booking), CurrentUsers.current());
    }, () -> messages.getMessage("common.saved", null, locale), "/meeting-bookings/" + id, redirect, messages,
        locale);
  }

  @PostMapping("/meeting-series/{id}/cancel")
  String cancelSeries(@PathVariable long id, @RequestParam long booking, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> recurring.cancel(id, CurrentUsers.current()),
        () -> words.text("meeting.words.seriesCancelled", locale,
            bookings.view(booking, CurrentUsers.current()).room().name()),
        "/meeting-bookings/" + booking, redirect, messages, locale);
  }

  /**
   * Books a series and says what was booked; a refused series (a collision names its dates) comes back on the room's
   * day with the form as it was typed and each field's message beside it.
   */
  @PostMapping("/meeting-rooms/series")
  String bookSeries(@Valid @ModelAttribute("seriesForm") SeriesForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    if (!binding.hasErrors()) {
      try {
        CurrentUser user = CurrentUsers.current();
        MeetingSeries series = recurring.book(form.toNewSeries(), user);
        redirect.addFlashAttribute("flash", words.booked(rooms.room(form.getRoomId(), user), series, locale));
        return "redirect:/meeting-bookings/" + series.occurrences().get(0).id();
      } catch (BusinessRuleException e) {
        MeetingForms.refuse(binding, e, redirect, messages, locale);
      }
    }
    MeetingForms.sayHidden(binding, redirect, messages, locale, "roomId");
    return PageOutcome.redirectWithErrors(binding, form.getRoomId() == null
        ? "/meeting-rooms"
        : "/meeting-rooms?room=" + form.getRoomId()
            + (form.getFirstDate() == null ? "" : "&date=" + form.getFirstDate()),
        redirect);
  }

  @GetMapping("/meeting-services")
  String serviceTasks(Model model) {
    model.addAttribute("orders", services.taskList(CurrentUsers.current()));
    return "meeting/services";
  }

  @PostMapping("/meeting-services/{id}/delivered")
  String delivered(@PathVariable long id, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> services.deliver(id, CurrentUsers.current()), "/meeting-services",
        redirect, messages, locale);
  }
}
