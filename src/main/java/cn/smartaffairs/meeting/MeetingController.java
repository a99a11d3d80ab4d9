package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import jakarta.validation.Valid;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 会议室: the region's rooms, one room's day, and booking a room the finder offers. */
@PageController
class MeetingController {

  static final List<Integer> MEETING_CLASSES = List.of(1, 2, 3, 4);

  private final MeetingRooms meetingRooms;
  private final BookingWords words;
  private final MessageSource messages;
  private final java.time.Clock clock;

  MeetingController(MeetingRooms meetingRooms, BookingWords words, MessageSource messages, java.time.Clock clock) {
    this.meetingRooms = meetingRooms;
    this.words = words;
    this.messages = messages;
    this.clock = clock;
  }

  @GetMapping("/meeting-rooms")
  String rooms(@RequestParam(required = false) Long room,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam(required = false) Integer attendees,
      @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime from,
      @RequestParam(required = false) @DateTimeFormat(pattern = "HH:mm") LocalTime to,
      @RequestParam(required = false) List<Equipment> equipment, Model model, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    LocalDate day = date == null ? LocalDate.ofInstant(clock.instant(), PlatformConfiguration.ZONE) : date;
    model.addAttribute("rooms", meetingRooms.rooms(user));
    model.addAttribute("date", day);
    model.addAttribute("equipmentChoices", Equipment.values());
    model.addAttribute("meetingClasses", MEETING_CLASSES);
    model.addAttribute("frequencies", List.of("WEEKLY", "DAILY"));
    model.addAttribute("chosen", equipment == null ? List.of() : equipment);
    if (room != null) {
      RoomDay roomDay = meetingRooms.day(room, day, user);
      model.addAttribute("day", roomDay);
      // the booker and the region's meeting managers get check-in and cancel buttons in the day's list
      model.addAttribute("me", user.userId());
      model.addAttribute("manager", user.dataScopeAs(cn.smartaffairs.security.Role.MEETING_MANAGER)
          .permits(roomDay.room().regionId(), null, null));
      if (!model.containsAttribute("seriesForm")) {
        var series = new SeriesForm();
        series.setRoomId(room);
        series.setFirstDate(day);
        model.addAttribute("seriesForm", series);
      }
    }
    if (attendees != null && from != null && to != null) {
      try {
        model.addAttribute("found", meetingRooms.find(attendees, BookingForm.at(day, from), BookingForm.at(day, to),
            equipment == null ? List.of() : equipment, user));
      } catch (BusinessRuleException e) {
        model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      }
    }
    return "meeting/rooms";
  }

  /**
   * Books and says what was booked ("已预订 第一会议室 12月6日 10:00–11:00"). A refused booking comes back as a form
   * with everything typed, each field's message beside it (an end before the start beside the end), the broken rule,
   * and the room's nearest free slots of the same length when it collided.
   */
  @PostMapping("/meeting-rooms/bookings")
  String book(@Valid @ModelAttribute("bookingForm") BookingForm form, BindingResult binding,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    if (!binding.hasErrors()) {
      try {
        MeetingBooking booking = meetingRooms.book(form.toNewBooking(), user);
        redirect.addFlashAttribute("flash", words.booked(meetingRooms.room(form.getRoomId(), user), booking, locale));
        return "redirect:/meeting-rooms?room=" + form.getRoomId() + "&date=" + form.getDate();
      } catch (BusinessRuleException e) {
        String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
        if (!MeetingForms.beside(binding, e, message)) {
          redirect.addFlashAttribute("error", message);
        }
        if (e instanceof BookingCollision collision) {
          redirect.addFlashAttribute("freeSlots", collision.suggestions());
        }
      }
    }
    MeetingForms.sayHidden(binding, redirect, messages, locale, "equipment");
    // the finder runs again for the same time, so that other free rooms are offered beside the form
    return PageOutcome.redirectWithErrors(binding, finder(form), redirect);
  }

  /** The rooms page for the form's room, day, hours and equipment, as far as they were read. */
  private static String finder(BookingForm form) {
    StringBuilder finder = new StringBuilder("/meeting-rooms?");
    if (form.getRoomId() != null) {
      finder.append("room=").append(form.getRoomId()).append('&');
    }
    if (form.getDate() != null) {
      finder.append("date=").append(form.getDate()).append('&');
    }
    if (form.getFrom() != null && form.getTo() != null && form.getFrom().isBefore(form.getTo())) {
      finder.append("from=").append(form.getFrom()).append("&to=").append(form.getTo()).append('&');
      if (form.getAttendees() != null && form.getAttendees() > 0) {
        finder.append("attendees=").append(form.getAttendees()).append('&');
      }
    }
    form.getEquipment().forEach(wanted -> finder.append("equipment=").append(wanted).append('&'));
    return finder.substring(0, finder.length() - 1);
  }
}
