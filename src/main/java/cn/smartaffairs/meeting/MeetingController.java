package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 会议室: the region's rooms, one room's day, and booking a room the finder offers. */
@PageController
class MeetingController {

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

  /** What a person typed into the booking form, given back to them when the booking is refused. */
  record BookingForm(long roomId, LocalDate date, LocalTime from, LocalTime to, String subject, Integer attendees,
      Integer meetingClass) implements java.io.Serializable {}

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
    model.addAttribute("chosen", equipment == null ? List.of() : equipment);
    if (room != null) {
      RoomDay roomDay = meetingRooms.day(room, day, user);
      model.addAttribute("day", roomDay);
      // the booker and the region's meeting managers get check-in and cancel buttons in the day's list
      model.addAttribute("me", user.userId());
      model.addAttribute("manager", user.dataScopeAs(cn.smartaffairs.security.Role.MEETING_MANAGER)
          .permits(roomDay.room().regionId(), null, null));
    }
    if (attendees != null && from != null && to != null) {
      try {
        model.addAttribute("found", meetingRooms.find(attendees, at(day, from), at(day, to),
            equipment == null ? List.of() : equipment, user));
      } catch (BusinessRuleException e) {
        model.addAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      }
    }
    return "meeting/rooms";
  }

  /**
   * Books and says what was booked ("已预订 第一会议室 12月6日 10:00–11:00"). A refused booking comes back as a form
   * with everything typed, the reason, and the room's nearest free slots of the same length when it collided.
   */
  @PostMapping("/meeting-rooms/bookings")
  String book(@RequestParam long roomId, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
      @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime from,
      @RequestParam @DateTimeFormat(pattern = "HH:mm") LocalTime to,
      @RequestParam(required = false) String subject, @RequestParam(required = false) Integer attendees,
      @RequestParam(required = false) Integer meetingClass,
      @RequestParam(required = false) List<Equipment> equipment, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    try {
      MeetingBooking booking = meetingRooms.book(
          new NewBooking(roomId, at(date, from), at(date, to), subject, attendees, meetingClass), user);
      redirect.addFlashAttribute("flash", words.booked(meetingRooms.room(roomId, user), booking, locale));
      return "redirect:/meeting-rooms?room=" + roomId + "&date=" + date;
    } catch (BusinessRuleException e) {
      redirect.addFlashAttribute("error", messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale));
      redirect.addFlashAttribute("bookingForm",
          new BookingForm(roomId, date, from, to, subject, attendees, meetingClass));
      if (e instanceof BookingCollision collision) {
        redirect.addFlashAttribute("freeSlots", collision.suggestions());
      }
    }
    // the finder runs again for the same time, so that other free rooms are offered beside the form
    StringBuilder finder = new StringBuilder(
        "redirect:/meeting-rooms?room=" + roomId + "&date=" + date + "&from=" + from
            + "&to=" + to + (attendees == null ? "" : "&attendees=" + attendees));
    (equipment == null ? List.<Equipment>of() : equipment)
        .forEach(wanted -> finder.append("&equipment=").append(wanted));
    return finder.toString();
  }

  private static OffsetDateTime at(LocalDate date, LocalTime time) {
    return date.atTime(time).atZone(PlatformConfiguration.ZONE).toOffsetDateTime();
  }
}
