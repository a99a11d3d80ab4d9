package cn.smartaffairs.access;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 访客登记: announce a visitor, the gate's check-in and check-out, the day's visits. ID numbers leave only masked. */
@RestController
@Tag(name = "安保·访客 Security: visitors")
@SecurityRequirement(name = "bearer")
class VisitApiController {

  private final Visits visits;

  VisitApiController(Visits visits) {
    this.visits = visits;
  }

  /** A visitor as typed by the host; hostStaffId left out is the caller. */
  record VisitRequest(String name, String idNumber, String mobile, String plate, LocalDate visitOn,
      LocalTime windowFrom, LocalTime windowTo, String purpose, Long hostStaffId) {}

  /** A pass read at the gate, or the ID number typed from the visitor's card (one of the two). */
  record CheckInRequest(String qrToken, String idNumber) {}

  /** A visit as the API shows it: the ID and mobile numbers only masked. */
  record VisitView(long id, String visitorName, String idNumberMasked, String mobileMasked, String plate,
      LocalDate visitOn, LocalTime windowFrom, LocalTime windowTo, String purpose, long hostStaffId, String hostName,
      VisitStatus status, String qrToken, OffsetDateTime passExpiresAt, OffsetDateTime checkedInAt,
      OffsetDateTime checkedOutAt) {

    static VisitView of(Visit v) {
      return new VisitView(v.id(), v.visitorName(), v.idNumberMasked(), v.mobileMasked(), v.plate(), v.visitOn(),
          v.windowFrom(), v.windowTo(), v.purpose(), v.hostStaffId(), v.hostName(), v.status(), v.qrToken(),
          beijing(v.passExpiresAt()), beijing(v.checkedInAt()), beijing(v.checkedOutAt()));
    }

    private static OffsetDateTime beijing(java.time.Instant moment) {
      return moment == null ? null : moment.atZone(Visit.BEIJING).toOffsetDateTime();
    }
  }

  @PostMapping("/api/v1/visitors")
  @Operation(summary = "登记访客 Announce a visitor: 201 with the pass (id, qrToken); the ID number is checked by GB "
      + "11643 and answered only masked")
  ResponseEntity<VisitView> register(@RequestBody VisitRequest request) {
    Visit visit = visits.register(new VisitDraft(request.name(), request.idNumber(), request.mobile(),
        request.plate(), request.visitOn(), request.windowFrom(), request.windowTo(), request.purpose(),
        request.hostStaffId()), CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/visitors/" + visit.id())).body(VisitView.of(visit));
  }

  @GetMapping("/api/v1/visitors/{id}")
  @Operation(summary = "访客详情 One visit (its host, the gate staff and security managers of its region)")
  VisitView get(@PathVariable long id) {
    return VisitView.of(visits.get(id, CurrentUsers.current()));
  }

  @GetMapping("/api/v1/visitors")
  @Operation(summary = "当日访客 The visits of a day (today when left out) of the caller's regions, for the gate")
  List<VisitView> day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
    return visits.day(day == null ? visits.today() : day, CurrentUsers.current()).stream().map(VisitView::of)
        .toList();
  }

  @PostMapping("/api/v1/visitors/check-in")
  @Operation(summary = "访客入场 Check a visitor in by the pass (qrToken) or by the ID number typed at the gate; the "
      + "host is notified")
  VisitView checkIn(@RequestBody CheckInRequest request) {
    boolean byPass = request.qrToken() != null && !request.qrToken().isBlank();
    Visit visit = byPass
        ? visits.checkInByPass(request.qrToken(), CurrentUsers.current())
        : visits.checkInByIdNumber(request.idNumber(), CurrentUsers.current());
    return VisitView.of(visit);
  }

  @PostMapping("/api/v1/visitors/{id}/check-out")
  @Operation(summary = "访客离开 Check a visitor out")
  VisitView checkOut(@PathVariable long id) {
    return VisitView.of(visits.checkOut(id, CurrentUsers.current()));
  }

  @PostMapping("/api/v1/visitors/{id}/confirm")
  @Operation(summary = "确认来访 The host confirms a visit the visitor asked for")
  VisitView confirm(@PathVariable long id) {
    return VisitView.of(visits.confirm(id, CurrentUsers.current()));
  }

  @PostMapping("/api/v1/visitors/{id}/cancel")
  @Operation(summary = "取消来访 The host (or the gate) cancels a visit not yet begun")
  VisitView cancel(@PathVariable long id) {
    return VisitView.of(visits.cancel(id, CurrentUsers.current()));
  }
}
