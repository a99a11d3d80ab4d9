package cn.smartaffairs.meeting;

import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.PageOutcome;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** 会议室管理 for the region's meeting managers, and the meeting rule tables for its administrators. */
@PageController
class MeetingAdminController {

  /** The roles a room can be restricted to: those held in a region or a unit. */
  static final List<Role> RESTRICTABLE = List.of(Role.REGION_ADMIN, Role.VEHICLE_MANAGER, Role.SPACE_MANAGER,
      Role.MEETING_MANAGER, Role.CANTEEN_MANAGER, Role.REPAIR_MANAGER, Role.ASSET_MANAGER, Role.UNIT_HEAD,
      Role.UNIT_LIAISON);

  private final MeetingRooms rooms;
  private final MeetingRoomAdmin roomAdmin;
  private final MeetingRules rules;
  private final CalendarFeeds feeds;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;

  MeetingAdminController(MeetingRooms rooms, MeetingRoomAdmin roomAdmin, MeetingRules rules, CalendarFeeds feeds,
      OrganisationDirectory organisation, MessageSource messages) {
    this.rooms = rooms;
    this.roomAdmin = roomAdmin;
    this.rules = rules;
    this.feeds = feeds;
    this.organisation = organisation;
    this.messages = messages;
  }

  @GetMapping("/meeting-rooms/admin")
  String admin(Model model) {
    CurrentUser user = CurrentUsers.current();
    roomAdmin.requireRoomKeeper(user.regionId(), user);
    List<MeetingRoom> list = rooms.rooms(user);
    Map<Long, RoomAccess> access = new LinkedHashMap<>();
    Map<Long, String> feedUrls = new LinkedHashMap<>();
    for (MeetingRoom room : list) {
      access.put(room.id(), rooms.access(room.id()));
      feedUrls.put(room.id(), CalendarFeedController.address(feeds.roomSecret(room.id(), user)));
    }
    model.addAttribute("rooms", list);
    model.addAttribute("access", access);
    model.addAttribute("feedUrls", feedUrls);
    model.addAttribute("units", organisation.unitChoices(DataScope.region(user.regionId())).stream()
        .filter(unit -> unit.regionId() == user.regionId()).toList());
    model.addAttribute("roles", RESTRICTABLE);
    model.addAttribute("equipmentChoices", Equipment.values());
    return "meeting/admin";
  }

  @PostMapping("/meeting-rooms/admin")
  String create(RoomForm form, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> roomAdmin.createRoom(form.toRoom(), CurrentUsers.current()),
        () -> messages.getMessage("meeting.done.roomCreated",
            new Object[] {form.name() == null ? "" : form.name().strip()},
            locale),
        "/meeting-rooms/admin", redirect, messages, locale);
  }

  @PostMapping("/meeting-rooms/admin/{id}")
  String update(@PathVariable long id, RoomForm form, RedirectAttributes redirect, Locale locale) {
    return PageOutcome.redirectAfter(() -> roomAdmin.updateRoom(id, form.toRoom(), form.unitIds(), form.roles(),
        CurrentUsers.current()),
        () -> messages.getMessage("meeting.done.roomUpdated",
            new Object[] {form.name() == null ? "" : form.name().strip()}, locale),
        "/meeting-rooms/admin#room-" + id, redirect, messages, locale);
  }

  /** The room form; opening hours as HH:mm, the units and roles it is restricted to (none = the whole region). */
  record RoomForm(String name, String building, String floor, Integer capacity, List<Equipment> equipment,
      Boolean needsApproval, @DateTimeFormat(pattern = "HH:mm") LocalTime opensAt,
      @DateTimeFormat(pattern = "HH:mm") LocalTime closesAt, List<Long> unitIds, List<Role> roles) {
    NewRoom toRoom() {
      return new NewRoom(name, building, floor, capacity == null ? 0 : capacity, equipment,
          Boolean.TRUE.equals(needsApproval), opensAt, closesAt);
    }
  }

  @GetMapping("/meeting-rules")
  String rules(Model model) {
    CurrentUser user = CurrentUsers.current();
    model.addAttribute("graceRules", rules.graceRules(user.regionId()));
    model.addAttribute("feeCaps", rules.feeCapRules(user.regionId()));
    return "meeting/rules";
  }

  @PostMapping("/meeting-rules/grace")
  String addGrace(@RequestParam int graceMinutes,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> rules.addGraceRule(user.regionId(), graceMinutes, effectiveFrom, user),
        () -> messages.getMessage("meeting.done.ruleInForce", new Object[] {String.valueOf(effectiveFrom)}, locale),
        "/meeting-rules", redirect, messages, locale);
  }

  @PostMapping("/meeting-rules/fee-caps")
  String addFeeCap(@RequestParam int meetingClass, @RequestParam BigDecimal yuanPerPersonDay,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
      RedirectAttributes redirect, Locale locale) {
    CurrentUser user = CurrentUsers.current();
    return PageOutcome.redirectAfter(() -> {
      long fen = Money.ofYuan(yuanPerPersonDay, "meeting.feeCapInvalid").fen();
      rules.addFeeCap(user.regionId(), meetingClass, fen, effectiveFrom, user);
    }, () -> messages.getMessage("meeting.done.ruleInForce", new Object[] {String.valueOf(effectiveFrom)}, locale),
        "/meeting-rules", redirect, messages, locale);
  }
}
