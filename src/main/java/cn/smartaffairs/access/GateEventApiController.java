package cn.smartaffairs.access;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 出入口车辆识别: the gate cameras' plates and the platform's answer, allowed or refused with the reason. */
@RestController
@Tag(name = "安保·出入口 Security: gate events")
@SecurityRequirement(name = "bearer")
class GateEventApiController {

  private final GateEvents events;
  private final MessageSource messages;
  private final java.time.Clock clock;

  GateEventApiController(GateEvents events, MessageSource messages, java.time.Clock clock) {
    this.events = events;
    this.messages = messages;
    this.clock = clock;
  }

  /** A plate read at a gate; {@code at} left out is now. */
  record GateEventRequest(String gate, String plate, OffsetDateTime at, GateEvents.Direction direction) {}

  record GateEventView(long id, String gate, String plate, OffsetDateTime at, GateEvents.Direction direction,
      boolean allowed, GateReason reason, String reasonText, Long passId, Long visitId, Long vehicleId) {}

  @PostMapping("/api/v1/gate-events")
  @Operation(summary = "车牌识别 A plate read at a gate (API key scope gates:events, or the gate staff): allowed or "
      + "refused with the reason VALID_PASS, OFFICIAL_VEHICLE, EXPECTED_VISITOR or NONE; every decision logged")
  GateEventView record(@RequestBody GateEventRequest request, Locale locale) {
    return view(events.record(request.gate(), request.plate(), request.at() == null ? null : request.at().toInstant(),
        request.direction(), CurrentUsers.current()), locale);
  }

  @GetMapping("/api/v1/gate-events")
  @Operation(summary = "出入记录 The gates' decisions of a day (today when left out), for the gate staff")
  List<GateEventView> day(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
      Locale locale) {
    LocalDate shown = day == null ? LocalDate.now(clock.withZone(Visit.BEIJING)) : day;
    return events.day(shown, CurrentUsers.current()).stream().map(e -> view(e, locale)).toList();
  }

  private GateEventView view(GateEvents.GateEvent e, Locale locale) {
    return new GateEventView(e.id(), e.gate(), e.plate(), e.at().atZone(Visit.BEIJING).toOffsetDateTime(),
        e.direction(), e.allowed(), e.reason(), messages.getMessage("access.gate.reason." + e.reason(), null, locale),
        e.passId(), e.visitId(), e.vehicleId());
  }
}
