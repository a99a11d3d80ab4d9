package cn.smartaffairs.telemetry;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.vehicle.Drivers;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Trips;
import cn.smartaffairs.vehicle.Vehicle;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 轨迹: where vehicles went. A track is sensitive personal information of its driver (PIPL art. 28): the vehicle
 * managers of the vehicle's region see it whole, a driver only during the trips they drove; an API key never. Every
 * view is audited, naming the vehicle, the period and how many points were shown.
 */
@Service
public class VehicleTracks {

  /** The longest period one request may ask for. */
  static final Duration LONGEST = Duration.ofDays(31);
  /** How far back a driver's trips of the vehicle are looked for. */
  private static final int DRIVER_TRIPS = 500;

  private final JdbcClient jdbc;
  private final Fleet fleet;
  private final Drivers drivers;
  private final Trips trips;
  private final AuditTrail audit;
  private final Clock clock;

  VehicleTracks(JdbcClient jdbc, Fleet fleet, Drivers drivers, Trips trips, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.fleet = fleet;
    this.drivers = drivers;
    this.trips = trips;
    this.audit = audit;
    this.clock = clock;
  }

  /** A period [from, to) of time. */
  record Window(Instant from, Instant to) {
    boolean contains(Instant moment) {
      return !moment.isBefore(from) && moment.isBefore(to);
    }
  }

  /** The positions of a vehicle in [from, to), in time order, as far as the viewer may see them. */
  public List<TrackPoint> track(long vehicleId, Instant from, Instant to, CurrentUser viewer) {
    if (from == null || to == null || !to.isAfter(from) || Duration.between(from, to).compareTo(LONGEST) > 0) {
      throw new BusinessRuleException("telemetry.trackRangeInvalid", LONGEST.toDays());
    }
    if (viewer.isApiKey()) {
      throw new ForbiddenException();
    }
    Vehicle vehicle = null;
    List<Window> visible = List.of(new Window(from, to));
    if (viewer.hasAny(TerminalBindings.MANAGERS)) {
      try {
        vehicle = fleet.get(vehicleId, viewer.dataScopeAs(TerminalBindings.MANAGERS));
      } catch (NotFoundException notManagedByViewer) {
        vehicle = null; // a manager who also drives sees the trips they drove in another region
      }
    }
    boolean asDriver = vehicle == null;
    if (asDriver) {
      var driver = drivers.ofUser(viewer.userId());
      if (driver.isEmpty()) {
        if (!viewer.hasAny(TerminalBindings.MANAGERS)) {
          throw new ForbiddenException();
        }
        throw new NotFoundException("vehicle", vehicleId);
      }
      visible = driven(vehicleId, driver.get().id(), new Window(from, to));
      if (visible.isEmpty()) {
        throw new NotFoundException("vehicle", vehicleId);
      }
      vehicle = fleet.get(vehicleId, DataScope.everything());
    }
    List<Window> windows = visible;
    List<TrackPoint> points = jdbc.sql("""
        select at, latitude, longitude, speed_dkmh, heading_deg, mileage_hm from telemetry_position
         where vehicle_id = :vehicle and at >= :from and at < :to order by at""")
        .param("vehicle", vehicleId).param("from", Timestamp.from(from)).param("to", Timestamp.from(to))
        .query((rs, n) -> point(rs)).list().stream()
        .filter(p -> windows.stream().anyMatch(w -> w.contains(p.at().toInstant())))
        .toList();
    Map<String, Object> viewed = new LinkedHashMap<>();
    viewed.put("plate", vehicle.plate());
    viewed.put("from", TerminalBindings.beijing(from.atOffset(java.time.ZoneOffset.UTC)).toString());
    viewed.put("to", TerminalBindings.beijing(to.atOffset(java.time.ZoneOffset.UTC)).toString());
    viewed.put("points", points.size());
    viewed.put("as", asDriver ? "DRIVER" : "MANAGER");
    audit.record(new AuditEntry("VIEW", "telemetry_position", vehicleId, vehicle.regionId(), null, viewed));
    return points;
  }

  /** The newest position of each vehicle the viewer manages (vehicle managers and administrators), by plate. */
  public List<LatestPosition> latest(CurrentUser viewer) {
    FleetLatest fleetLatest = fleetLatest(viewer);
    return fleetLatest.vehicles().stream().map(v -> fleetLatest.positions().get(v.id()))
        .filter(java.util.Objects::nonNull).toList();
  }

  /** The vehicles a manager sees, in the fleet's order, and the newest position of those that reported one. */
  record FleetLatest(List<Vehicle> vehicles, Map<Long, LatestPosition> positions) {}

  /**
   * The vehicles the viewer manages (vehicle managers and administrators) with their newest positions; audited as a
   * view of the latest positions, naming how many were shown.
   */
  FleetLatest fleetLatest(CurrentUser viewer) {
    DataScope managed = TerminalBindings.managedBy(viewer);
    Map<Long, Vehicle> vehicles = fleet.list(managed, null).stream()
        .collect(Collectors.toMap(Vehicle::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    Map<Long, LatestPosition> byVehicle = new LinkedHashMap<>();
    if (!vehicles.isEmpty()) {
      jdbc.sql("select * from telemetry_latest_position where vehicle_id = any(:ids)")
          .param("ids", vehicles.keySet().toArray(Long[]::new))
          .query((rs, n) -> latest(rs, vehicles)).list()
          .forEach(p -> byVehicle.put(p.vehicleId(), p));
    }
    Map<String, Object> viewed = new LinkedHashMap<>();
    viewed.put("vehicles", byVehicle.size());
    audit.record(new AuditEntry("VIEW", "telemetry_latest_position", null, viewer.regionId(), null, viewed));
    return new FleetLatest(List.copyOf(vehicles.values()), byVehicle);
  }

  /** A trip's track: its positions from the start to the end (an open trip's until now), as the viewer may see them. */
  public record TripTrack(Trips.Trip trip, Instant from, Instant to, List<TrackPoint> points) {}

  /**
   * The track of one trip, through {@link #track} and its checks: the managers of the vehicle's region see it, the
   * trip's driver too (it lies inside their own trip), anyone else nothing (403 without a manager's or driver's role,
   * 404 otherwise). Audited as every view of a track.
   */
  public TripTrack ofTrip(long tripId, CurrentUser viewer) {
    if (viewer.isApiKey() || !viewer.hasAny(TerminalBindings.MANAGERS) && drivers.ofUser(viewer.userId()).isEmpty()) {
      throw new ForbiddenException();
    }
    Trips.Trip trip = trips.trip(tripId);
    Instant from = trip.startedAt().atZone(Moments.BEIJING).toInstant();
    Instant to = trip.endedAt() == null ? clock.instant() : trip.endedAt().atZone(Moments.BEIJING).toInstant();
    if (!to.isAfter(from)) {
      to = from.plusSeconds(1);
    }
    if (Duration.between(from, to).compareTo(LONGEST) > 0) {
      to = from.plus(LONGEST);
    }
    return new TripTrack(trip, from, to, track(trip.vehicleId(), from, to, viewer));
  }

  /** The parts of the window in which the driver drove the vehicle (an open trip runs until now). */
  private List<Window> driven(long vehicleId, long driverId, Window asked) {
    Instant now = clock.instant();
    List<Window> windows = new ArrayList<>();
    for (Trips.Trip trip : trips.ofVehicle(vehicleId, DRIVER_TRIPS)) {
      if (trip.driverId() != driverId) {
        continue;
      }
      Instant start = trip.startedAt().atZone(Moments.BEIJING).toInstant();
      Instant end = trip.endedAt() == null ? now : trip.endedAt().atZone(Moments.BEIJING).toInstant();
      Instant from = start.isAfter(asked.from()) ? start : asked.from();
      Instant to = end.isBefore(asked.to()) ? end : asked.to();
      if (to.isAfter(from)) {
        windows.add(new Window(from, to));
      }
    }
    return windows;
  }

  private static TrackPoint point(ResultSet rs) throws SQLException {
    Long mileage = rs.getObject("mileage_hm", Long.class);
    BigDecimal mileageKm = mileage == null ? null : BigDecimal.valueOf(mileage, 1);
    return new TrackPoint(TerminalBindings.beijing(rs.getObject("at", OffsetDateTime.class)),
        BigDecimal.valueOf(rs.getInt("latitude"), 6), BigDecimal.valueOf(rs.getInt("longitude"), 6),
        BigDecimal.valueOf(rs.getInt("speed_dkmh"), 1), rs.getInt("heading_deg"), mileageKm);
  }

  private static LatestPosition latest(ResultSet rs, Map<Long, Vehicle> vehicles) throws SQLException {
    long vehicleId = rs.getLong("vehicle_id");
    Long mileage = rs.getObject("mileage_hm", Long.class);
    BigDecimal mileageKm = mileage == null ? null : BigDecimal.valueOf(mileage, 1);
    return new LatestPosition(vehicleId, vehicles.get(vehicleId).plate(),
        TerminalBindings.beijing(rs.getObject("at", OffsetDateTime.class)),
        BigDecimal.valueOf(rs.getInt("latitude"), 6), BigDecimal.valueOf(rs.getInt("longitude"), 6),
        BigDecimal.valueOf(rs.getInt("speed_dkmh"), 1), rs.getInt("heading_deg"), mileageKm,
        (rs.getLong("status_flags") & 1) != 0,
        TerminalBindings.beijing(rs.getObject("received_at", OffsetDateTime.class)));
  }
}
