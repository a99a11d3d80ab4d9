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
import java.util.List;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Meeting rooms of the caller's region and their bookings. */
@RestController
@Tag(name = "会议室 Meeting rooms")
@SecurityRequirement(name = "bearer")
class MeetingApiController {

  private final MeetingRooms meetingRooms;
  private final MessageSource messages;

  MeetingApiController(MeetingRooms meetingRooms, MessageSource messages) {
    this.meetingRooms = meetingRooms;
    this.messages = messages;
  }

  @GetMapping("/api/v1/meeting-rooms")
  @Operation(summary = "会议室列表 The rooms of the caller's region")
  List<MeetingRoom> rooms() {
    return meetingRooms.rooms(CurrentUsers.current());
  }

  @PostMapping("/api/v1/meeting-rooms")
  @Operation(summary = "登记会议室 Register a room (meeting managers and admins of the region)",
      description = "equipment: PROJECTOR, VIDEO_CONFERENCE, MICROPHONE, WHITEBOARD, SCREEN; opensAt/closesAt as HH:mm.")
  ResponseEntity<MeetingRoom> createRoom(@RequestBody NewRoom room) {
    MeetingRoom created = meetingRooms.createRoom(room, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/meeting-rooms/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/meeting-rooms/{id}/availability")
  @Operation(summary = "会议室日程 A room's bookings on a day and its free slots within opening hours")
  RoomDay availability(@PathVariable long id, @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return meetingRooms.day(id, date, CurrentUsers.current());
  }

  @GetMapping("/api/v1/meeting-rooms/finder")
  @Operation(summary = "找会议室 Free rooms with enough seats and the equipment asked for, smallest first",
      description = "start and end are ISO-8601 with offset; equipment is a comma-separated list of "
          + "PROJECTOR, VIDEO_CONFERENCE, MICROPHONE, WHITEBOARD, SCREEN.")
  List<MeetingRoom> find(@RequestParam int attendees,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime start,
                         @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) OffsetDateTime end,
                         @RequestParam(required = false) String equipment) {
    List<Equipment> wanted = equipment == null || equipment.isBlank() ? List.of()
        : Arrays.stream(equipment.split(",")).filter(code -> !code.isBlank()).map(Equipment::parse).toList();
    return meetingRooms.find(attendees, start, end, wanted, CurrentUsers.current());
  }

  @PostMapping("/api/v1/meeting-bookings")
  @Operation(summary = "预订会议室 Book a room",
      description = "Answers 201 with the booking, 400 when a rule is broken, or 409 with the booking in the way "
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
