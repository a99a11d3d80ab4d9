package cn.smartaffairs.access;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** 停车场: every lot's zones with their free places and whether the public may park there now. */
@RestController
@Tag(name = "安保·停车场 Security: parking")
@SecurityRequirement(name = "bearer")
class ParkingApiController {

  private final ParkingLots lots;
  private final Clock clock;

  ParkingApiController(ParkingLots lots, Clock clock) {
    this.lots = lots;
    this.clock = clock;
  }

  record ZoneView(int capacity, int occupied, int free) {}

  record LotView(long id, long regionId, String name, String address, Map<ParkingZoneKind, ZoneView> zones,
      LocalTime publicOpens, LocalTime publicCloses, String publicDays, boolean publicOpenNow) {}

  @GetMapping("/api/v1/parking-lots")
  @Operation(summary = "停车场 The lots with each zone's places, occupancy from the gates and free places, and the "
      + "off-hours public opening (publicDays 1–7 = Monday–Sunday)")
  List<LotView> list() {
    LocalDateTime now = LocalDateTime.now(clock.withZone(Visit.BEIJING));
    return lots.all().stream().map(l -> new LotView(l.id(), l.regionId(), l.name(), l.address(),
        l.zones().entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey,
            e -> new ZoneView(e.getValue().capacity(), e.getValue().occupied(), e.getValue().free()),
            (a, b) -> a, () -> new java.util.EnumMap<>(ParkingZoneKind.class))),
        l.publicOpens(), l.publicCloses(), l.publicDays(), l.publicOpenAt(now))).toList();
  }
}
