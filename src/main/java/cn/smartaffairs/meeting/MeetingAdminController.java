package cn.smartaffairs.meeting;

import cn.smartaffairs.excel.ListExport;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
 * 会议室管理 for the region's meeting managers: the register of rooms (searched, sorted, exported), a new room, and one
 * room's page where its details and who may book it are edited.
 */
@PageController
class MeetingAdminController {

  /** The roles a room can be restricted to: those held in a region or a unit. */
  static final List<Role> RESTRICTABLE = List.of(Role.REGION_ADMIN, Role.VEHICLE_MANAGER, Role.SPACE_MANAGER,
      Role.MEETING_MANAGER, Role.CANTEEN_MANAGER, Role.REPAIR_MANAGER, Role.ASSET_MANAGER, Role.UNIT_HEAD,
      Role.UNIT_LIAISON);

  /** Rooms are tens per region: sorted in memory, by building, floor and name unless asked otherwise. */
  static final SortKeys ROOM_SORT_KEYS = SortKeys.builder().ascending("place").ascending("name")
      .ascending("capacity").ascending("approval").byDefault("place").inMemory();
  private static final Map<String, Comparator<MeetingRoom>> ROOM_ORDERS = Map.of(
      "place", SortKeys.byPinyin(MeetingRoom::building)
          .thenComparing(SortKeys.byValue(MeetingRoom::floorNumber))
          .thenComparing(SortKeys.byPinyin(MeetingRoom::floor))
          .thenComparing(SortKeys.byPinyin(MeetingRoom::name)),
      "name", SortKeys.byPinyin(MeetingRoom::name),
      "capacity", Comparator.comparingInt(MeetingRoom::capacity),
      "approval", Comparator.comparing(MeetingRoom::needsApproval));

  private final MeetingRooms rooms;
  private final MeetingRoomAdmin roomAdmin;
  private final CalendarFeeds feeds;
  private final OrganisationDirectory organisation;
  private final MessageSource messages;

  MeetingAdminController(MeetingRooms rooms, MeetingRoomAdmin roomAdmin, CalendarFeeds feeds,
      OrganisationDirectory organisation, MessageSource messages) {
    this.rooms = rooms;
    this.roomAdmin = roomAdmin;
    this.feeds = feeds;
    this.organisation = organisation;
    this.messages = messages;
  }

  /** The register's columns, for the page and its export; equipment in the reader's words. */
  private ListColumns<MeetingRoom> roomColumns(Locale locale) {
    return ListColumns.<MeetingRoom>sortedBy(ROOM_SORT_KEYS)
        .sortable("name", "meeting.admin.name", MeetingRoom::name)
        .sortable("place", "meeting.admin.building", MeetingRoom::building)
        .exportOnly("meeting.admin.floor", MeetingRoom::floor)
        .sortable("capacity", "meeting.admin.capacity", MeetingRoom::capacity).css("text-end")
        .column("meeting.admin.hours", room -> room.opensAt() + "–" + room.closesAt())
        .css("d-none d-md-table-cell")
        .column("meeting.admin.equipment", room -> room.equipment().stream()
            .map(item -> messages.getMessage("meeting.equipment." + item, null, item.name(), locale))
            .collect(Collectors.joining("、")))
        .css("d-none d-lg-table-cell")
        .sortable("approval", "meeting.admin.needsApproval", MeetingRoom::needsApproval)
        .pageOnly("meeting.admin.feedLink").css("d-none d-xl-table-cell")
        .pageOnly("common.actions")
        .searchedFor("meeting.admin.search").pagedBy(100).exportedAs("meeting.admin.title");
  }

  private Page<MeetingRoom> roomPage(ListQuery query, CurrentUser user) {
    return query.pageOf(rooms.rooms(user), room -> ListQuery.searchable(room.name(), room.building(), room.floor()),
        ROOM_ORDERS);
  }

  private CurrentUser keeper() {
    CurrentUser user = CurrentUsers.current();
    roomAdmin.requireRoomKeeper(user.regionId(), user);
    return user;
  }

  @GetMapping("/meeting-rooms/admin")
  String admin(@RequestParam Map<String, String> parameters, Model model, Locale locale) {
    CurrentUser user = keeper();
    var columns = roomColumns(locale);
    ListQuery query = columns.parse(parameters);
    Page<MeetingRoom> page = roomPage(query, user);
    columns.show(model, query, page);
    Map<Long, String> feedUrls = new LinkedHashMap<>();
    for (MeetingRoom room : page.items()) {
      feedUrls.put(room.id(), CalendarFeedController.address(feeds.roomSecret(room.id(), user)));
    }
    model.addAttribute("feedUrls", feedUrls);
    model.addAttribute("equipmentChoices", Equipment.values());
    if (!model.containsAttribute("roomForm")) {
      model.addAttribute("roomForm", new RoomForm());
    }
    return "meeting/admin";
  }

  /** The register's search in its order, every page up to the export's limit. */
  @GetMapping("/meeting-rooms/admin/export.xlsx")
  void export(@RequestParam Map<String, String> parameters, HttpServletResponse response, Locale locale) {
    CurrentUser user = keeper();
    var columns = roomColumns(locale);
    ListExport.send(response, columns, roomPage(columns.parse(parameters).forExport(), user).items(), messages,
        locale);
  }

  @PostMapping("/meeting-rooms/admin")
  String create(@Valid @ModelAttribute("roomForm") RoomForm form, BindingResult binding, RedirectAttributes redirect,
      Locale locale) {
    return MeetingForms.redirectAfter(binding, () -> roomAdmin.createRoom(form.toRoom(), CurrentUsers.current()),
        () -> messages.getMessage("meeting.done.roomCreated", new Object[] {form.getName().strip()}, locale),
        "/meeting-rooms/admin", redirect, messages, locale);
  }

  /** One room's page: its details and who may book it, and its calendar feed. */
  @GetMapping("/meeting-rooms/admin/{id:\\d+}")
  String room(@PathVariable long id, Model model) {
    CurrentUser user = keeper();
    MeetingRoom room = rooms.room(id, user);
    return roomPage(room, RoomForm.of(room, rooms.access(id)), model, user);
  }

  private String roomPage(MeetingRoom room, RoomForm form, Model model, CurrentUser user) {
    model.addAttribute("room", room);
    model.addAttribute("roomForm", form);
    model.addAttribute("feedUrl", CalendarFeedController.address(feeds.roomSecret(room.id(), user)));
    model.addAttribute("units", organisation.unitChoices(DataScope.region(user.regionId())).stream()
        .filter(unit -> unit.regionId() == user.regionId()).toList());
    model.addAttribute("roles", RESTRICTABLE);
    model.addAttribute("equipmentChoices", Equipment.values());
    return "meeting/room";
  }

  /** Saves a room; a refused form is shown again on the room's page with each field's message beside it. */
  @PostMapping("/meeting-rooms/admin/{id:\\d+}")
  String update(@PathVariable long id, @Valid @ModelAttribute("roomForm") RoomForm form, BindingResult binding,
      Model model, RedirectAttributes redirect, Locale locale) {
    CurrentUser user = keeper();
    MeetingRoom room = rooms.room(id, user);
    if (binding.hasErrors()) {
      return roomPage(room, form, model, user);
    }
    try {
      roomAdmin.updateRoom(id, form.toRoom(), form.getUnitIds(), form.getRoles(), user);
    } catch (BusinessRuleException e) {
      String message = messages.getMessage(e.messageKey(), e.arguments(), e.messageKey(), locale);
      if (!MeetingForms.beside(binding, e, message)) {
        model.addAttribute("flashError", message);
      }
      return roomPage(room, form, model, user);
    }
    redirect.addFlashAttribute("flash", messages.getMessage("meeting.done.roomUpdated",
        new Object[] {form.getName().strip()}, locale));
    return "redirect:/meeting-rooms/admin#room-" + id;
  }
}
