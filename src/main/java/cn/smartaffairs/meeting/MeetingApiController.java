package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.ApiLocale;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meeting rooms of the caller's region and their bookings. */
@RestController
@Tag(name = "会议室 Meeting rooms")
@SecurityRequirement(name = "bearer")
class MeetingApiController {

  private final MeetingRooms meetingRooms;
  private final MeetingRoomAdmin roomAdmin;
  private final MeetingBookings bookings;
  private final RecurringBookings series;
  private final MeetingServices services;
  private final MessageSource messages;

  MeetingApiController(MeetingRooms meetingRooms, MeetingRoomAdmin roomAdmin, MeetingBookings bookings,
      RecurringBookings series, MeetingServices services, MessageSource messages) {
    this.meetingRooms = meetingRooms;
    this.roomAdmin = roomAdmin;
    this.bookings = bookings;
    this.series = series;
    this.services = services;
    this.messages = messages;
  }

  @GetMapping("/api/v1/meeting-rooms")
  @Operation(summary = "会议室列表 The rooms of the caller's region")
  List<MeetingRoom> rooms() {
    return meetingRooms.rooms(CurrentUsers.current());
  }

  @PostMapping("/api/v1/meeting-rooms")
  @Operation(summary = "登记会议室 Register a room (meeting managers and admins of the region)", description = "equipment: PROJECTOR, VIDEO_CONFERENCE, MICROPHONE, WHITEBOARD, SCREEN; opensAt/closesAt as HH:mm.")
  ResponseEntity<MeetingRoom> createRoom(@RequestBody NewRoom room) {
    MeetingRoom created = roomAdmin.createRoom(room, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/meeting-rooms/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/meeting-rooms/{id}/availability")
  @Operation(summary = "会议室日程 A room's bookings on a day and its free slots within opening hours")
  RoomDay availability(@PathVariable long id,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return meetingRooms.day(id, date, CurrentUsers.current());
  }

  @GetMapping("/api/v1/meeting-rooms/finder")
  @Operation(summary = "找会议室 Free rooms with enough seats and the equipment asked for, smallest first", description = "start and end are ISO-8601 with offset; equipment is a comma-separated list of "
      + "PROJECTOR, VIDEO_CONFERENCE, MICROPHONE, WHITEBOARD, SCREEN.")
  List<MeetingRoom> find(@RequestParam int attendees,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime end,
      @RequestParam(required = false) String equipment) {
    List<Equipment> wanted = equipment == null || equipment.isBlank()
        ? List.of()
        : Arrays.stream(equipment.split(",")).filter(code -> !code.isBlank()).map(Equipment::parse).toList();
    return meetingRooms.find(attendees, start, end, wanted, CurrentUsers.current());
  }

  @PostMapping("/api/v1/meeting-bookings")
  @Operation(summary = "预订会议室 Book a room", description = "Answers 201 with the booking, 400 when a rule is broken, or 409 with the booking in the way "
      + "(colliding) and free slots of the same length that day (suggestions).")
  ResponseEntity<MeetingBooking> book(@RequestBody NewBooking request) {
    MeetingBooking booking = meetingRooms.book(request, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/meeting-bookings/" + booking.id())).body(booking);
  }

  @DeleteMapping("/api/v1/meeting-bookings/{id}")
  @Operation(summary = "取消预订 Cancel a booking (its booker or a meeting manager)")
  MeetingBooking cancel(@PathVariable long id) {
    return meetingRooms.cancel(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/meeting-bookings/{id}")
  @Operation(summary = "预订详情 A booking with its room, fee cap (when a meeting class is given) and services")
  Map<String, Object> booking(@PathVariable long id) {
    BookingView view = bookings.view(id, CurrentUsers.current());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("booking", view.booking());
    answer.put("room", view.room());
    answer.put("feeCap", view.feeCap() == null
        ? null
        : Map.of("meetingClass", view.feeCap().meetingClass(),
            "attendees", view.feeCap().attendees(), "days", view.feeCap().days(),
            "fenPerPersonDay", view.feeCap().fenPerPersonDay(), "totalFen", view.feeCap().totalFen()));
    answer.put("seriesFeeCap", view.seriesFeeCap() == null
        ? null
        : Map.of("days", view.seriesFeeCap().days(),
            "totalFen", view.seriesFeeCap().totalFen()));
    answer.put("services", services.ofBooking(id));
    return answer;
  }

  @PutMapping("/api/v1/meeting-bookings/{id}")
  @Operation(summary = "改期 Move a booking, or one occurrence of a series, to another time in the same room", description = "Body {start, end} in ISO-8601 with offset. 409 names the booking in the way and free slots.")
  MeetingBooking move(@PathVariable long id, @RequestBody TimeSlot to) {
    return bookings.move(id, to.start(), to.end(), CurrentUsers.current());
  }

  @PostMapping("/api/v1/meeting-bookings/{id}/check-in")
  @Operation(summary = "签到 Check in to a confirmed booking (its booker or a meeting manager)", description = "Open from the region's check-in grace before the start until the end; a booking not checked "
      + "in within the grace after its start is released automatically.")
  MeetingBooking checkIn(@PathVariable long id) {
    return bookings.checkIn(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/meeting-bookings/{id}/services")
  @Operation(summary = "预订会务服务 Order a service for a booking; it becomes a task of the meeting managers", description = "kind: TEA_WATER, AUDIO_VISUAL, NAME_PLATES, FLOWERS, PRINTED_MATERIALS, SIGNAGE; neededAt "
      + "defaults to the meeting's start.")
  ResponseEntity<ServiceOrder> orderService(@PathVariable long id, @RequestBody NewServiceOrder order) {
    ServiceOrder created = services.order(id, order, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/meeting-services/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/meeting-services")
  @Operation(summary = "会务任务 The region's services still to deliver (meeting managers)")
  List<ServiceOrder> serviceTasks() {
    return services.taskList(CurrentUsers.current());
  }

  @PostMapping("/api/v1/meeting-services/{id}/delivered")
  @Operation(summary = "服务已完成 Mark a service delivered (meeting managers)")
  ServiceOrder delivered(@PathVariable long id) {
    return services.deliver(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/meeting-series")
  @Operation(summary = "周期预订 Book a room recurrently, e.g. every Monday 09:00–10:00 until a date", description = "frequency WEEKLY (default) or DAILY, interval in weeks/days, exceptions = dates left out. "
      + "Written whole or not at all: 409 lists the colliding dates (dates) unless skipCollisions is true, "
      + "which leaves them out instead.")
  ResponseEntity<MeetingSeries> bookSeries(@RequestBody NewSeries request) {
    MeetingSeries created = series.book(request, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/meeting-series/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/meeting-series/{id}")
  @Operation(summary = "周期预订详情 A series with its occurrences")
  MeetingSeries series(@PathVariable long id) {
    return series.series(id, CurrentUsers.current());
  }

  @DeleteMapping("/api/v1/meeting-series/{id}")
  @Operation(summary = "取消整个周期 Cancel every occurrence of a series that has not begun", description = "One occurrence is cancelled with DELETE /api/v1/meeting-bookings/{id}.")
  MeetingSeries cancelSeries(@PathVariable long id) {
    return series.cancel(id, CurrentUsers.current());
  }

  /** A series that collides is a 409 problem listing the dates in the way. */
  @ExceptionHandler(SeriesCollision.class)
  ProblemDetail seriesCollision(SeriesCollision collision, HttpServletRequest request) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage(collision.messageKey(),
        collision.arguments(), collision.messageKey(), ApiLocale.of(request)));
    problem.setProperty("code", collision.messageKey());
    problem.setProperty("dates", collision.dates());
    return problem;
  }

  /** A collision is a 409 problem that also carries the booking in the way and the suggested slots. */
  @ExceptionHandler(BookingCollision.class)
  ProblemDetail collision(BookingCollision collision, HttpServletRequest request) {
    var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, messages.getMessage(collision.messageKey(),
        collision.arguments(), collision.messageKey(), ApiLocale.of(request)));
    problem.setProperty("code", collision.messageKey());
    problem.setProperty("colliding", collision.colliding());
    problem.setProperty("suggestions", collision.suggestions());
    return problem;
  }
}
