package cn.smartaffairs.telemetry;

import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.vehicle.Drivers;
import cn.smartaffairs.vehicle.Vehicle;
import cn.smartaffairs.vehicle.VehicleStatus;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * 车辆实时位置: the fleet a manager sees, each vehicle with its newest position and its state (行驶, 停驶, 离线 by the
 * region's rule values), and the region's named places to find one's way on the map. Read through
 * {@link VehicleTracks#fleetLatest}, so each look is checked and audited as a view of the latest positions.
 */
@Service
public class LiveMap {

  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** A vehicle on the map; where and when are null for one that never reported. */
  public record OnMap(long vehicleId, String plate, String unitName, MapStatus status, String statusText,
      OffsetDateTime at, String atText, BigDecimal lat, BigDecimal lon, BigDecimal speedKmh, Integer headingDeg) {}

  /** A named place (常用地点) of a region the viewer manages. */
  public record Place(String name, double lat, double lon) {}

  /** The map at one moment: the vehicles, how many are in each state, the places and the viewer's region's rules. */
  public record Snapshot(String atText, int movingAboveKmh, int offlineAfterMinutes, Map<MapStatus, Integer> counts,
      List<OnMap> vehicles, List<Place> places) {}

  private final VehicleTracks tracks;
  private final TelemetryRules rules;
  private final Drivers drivers;
  private final MessageSource messages;
  private final Clock clock;

  LiveMap(VehicleTracks tracks, TelemetryRules rules, Drivers drivers, MessageSource messages, Clock clock) {
    this.tracks = tracks;
    this.rules = rules;
    this.drivers = drivers;
    this.messages = messages;
    this.clock = clock;
  }

  /** The vehicles in service the viewer manages (vehicle managers and administrators; 403 for others). */
  public Snapshot snapshot(CurrentUser viewer, Locale locale) {
    VehicleTracks.FleetLatest fleet = tracks.fleetLatest(viewer);
    LocalDate today = LocalDate.now(clock.withZone(Moments.BEIJING));
    TelemetryRules.InForce moving = rules.inForce(TelemetryRules.Key.MOVING_ABOVE_KMH, today);
    TelemetryRules.InForce offline = rules.inForce(TelemetryRules.Key.OFFLINE_AFTER_MINUTES, today);
    Map<MapStatus, Integer> counts = new EnumMap<>(MapStatus.class);
    for (MapStatus status : MapStatus.values()) {
      counts.put(status, 0);
    }
    List<OnMap> vehicles = new ArrayList<>();
    for (Vehicle vehicle : fleet.vehicles()) {
      if (vehicle.status() == VehicleStatus.DISPOSED) {
        continue;
      }
      LatestPosition position = fleet.positions().get(vehicle.id());
      var thresholds = new MapStatus.Thresholds(moving.of(vehicle.regionId()), offline.of(vehicle.regionId()));
      MapStatus status = position == null
          ? MapStatus.OFFLINE
          : MapStatus.of(position.at().toInstant(), position.speedKmh(), clock.instant(), thresholds);
      counts.merge(status, 1, Integer::sum);
      String statusText = messages.getMessage("telemetry.status." + status.name(), null, locale);
      vehicles.add(position == null
          ? new OnMap(vehicle.id(), vehicle.plate(), vehicle.unitName(), status, statusText, null, null, null, null,
              null, null)
          : new OnMap(vehicle.id(), vehicle.plate(), vehicle.unitName(), status, statusText, position.at(),
              SHOWN.format(position.at()), position.lat(), position.lon(), position.speedKmh(),
              position.headingDeg()));
    }
    return new Snapshot(SHOWN.format(clock.instant().atZone(Moments.BEIJING)), moving.of(viewer.regionId()),
        offline.of(viewer.regionId()), counts, vehicles, places(TerminalBindings.managedBy(viewer)));
  }

  private List<Place> places(DataScope managed) {
    List<Drivers.Place> places = managed.all()
        ? drivers.allPlaces()
        : managed.regionIds().stream().sorted().flatMap(region -> drivers.places(region).stream()).toList();
    return places.stream().map(p -> new Place(p.name(), p.latitude(), p.longitude())).toList();
  }
}
