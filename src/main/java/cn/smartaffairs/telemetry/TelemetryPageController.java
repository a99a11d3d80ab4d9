package cn.smartaffairs.telemetry;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.PageController;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.vehicle.DispatchSheets;
import cn.smartaffairs.vehicle.Drivers;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.TripRequest;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 车辆实时位置 and 行程轨迹回放: the live map of the fleet a manager sees, and the replay of one trip beside its
 * dispatch sheet. Both read through {@link LiveMap} and {@link VehicleTracks}, whose checks and audit they keep; the
 * scripts get their data in data-* attributes (no inline scripts) and the live map its refreshes from
 * {@link LiveMapJsonController}.
 */
@PageController
class TelemetryPageController {

  private static final DateTimeFormatter POINT_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm:ss");

  private final LiveMap liveMap;
  private final VehicleTracks tracks;
  private final DispatchSheets sheets;
  private final Drivers drivers;
  private final Fleet fleet;
  private final MapProperties map;
  private final ObjectMapper json;

  TelemetryPageController(LiveMap liveMap, VehicleTracks tracks, DispatchSheets sheets, Drivers drivers, Fleet fleet,
      MapProperties map, ObjectMapper json) {
    this.liveMap = liveMap;
    this.tracks = tracks;
    this.sheets = sheets;
    this.drivers = drivers;
    this.fleet = fleet;
    this.map = map;
    this.json = json;
  }

  @GetMapping("/vehicles/map")
  String liveMap(Model model) {
    LiveMap.Snapshot snapshot = liveMap.snapshot(CurrentUsers.current(), LocaleContextHolder.getLocale());
    model.addAttribute("snapshot", snapshot);
    model.addAttribute("snapshotJson", write(snapshot));
    model.addAttribute("statuses", MapStatus.values());
    model.addAttribute("map", map);
    return "telemetry/map";
  }

  /** One point of the replay, its time as shown beside the slider. */
  record ReplayPoint(BigDecimal lat, BigDecimal lon, BigDecimal speedKmh, String at) {}

  @GetMapping("/vehicles/trips/{tripId}/track")
  String replay(@PathVariable long tripId, Model model) {
    CurrentUser viewer = CurrentUsers.current();
    VehicleTracks.TripTrack track = tracks.ofTrip(tripId, viewer);
    var trip = track.trip();
    DispatchSheets.Sheet sheet = trip.dispatchId() == null ? null : sheets.sheet(trip.dispatchId(), viewer);
    List<LiveMap.Place> places = new ArrayList<>();
    if (sheet != null) {
      TripRequest request = sheet.request();
      places.add(new LiveMap.Place(request.origin().name(), request.origin().latitude(), request.origin().longitude()));
      request.stops().forEach(stop -> places.add(new LiveMap.Place(stop.name(), stop.latitude(), stop.longitude())));
    } else {
      places.addAll(regionPlaces(fleet.get(trip.vehicleId(), DataScope.everything()).regionId()));
    }
    List<ReplayPoint> points = replayPoints(track.points());
    model.addAttribute("trip", trip);
    model.addAttribute("sheet", sheet);
    model.addAttribute("driverName",
        sheet != null ? sheet.dispatch().driverName() : drivers.get(trip.driverId()).name());
    model.addAttribute("pointCount", points.size());
    model.addAttribute("trackJson", write(Map.of("points", points, "places", places)));
    model.addAttribute("map", map);
    return "telemetry/replay";
  }

  /**
   * A vehicle's track over a period, as the GPS audit's evidence links open it (TrackLinks): the same access checks and
   * audit as the API's track, the region's named places marked; no dispatch sheet, since a flagged movement may have
   * none.
   */
  @GetMapping("/vehicles/{vehicleId}/track")
  String periodTrack(@PathVariable long vehicleId, @RequestParam(required = false) String from,
      @RequestParam(required = false) String to, @RequestParam(required = false) String mark,
      @RequestParam(required = false) String back, Model model) {
    CurrentUser viewer = CurrentUsers.current();
    Instant start = Moments.parse(from);
    Instant end = Moments.parse(to);
    Map<String, BigDecimal> flagged = mark == null || mark.isBlank() ? null : markedPosition(mark);
    List<TrackPoint> track = tracks.track(vehicleId, start, end, viewer);
    var vehicle = fleet.get(vehicleId, DataScope.everything());
    List<LiveMap.Place> places = regionPlaces(vehicle.regionId());
    List<ReplayPoint> points = replayPoints(track);
    model.addAttribute("plate", vehicle.plate());
    model.addAttribute("from", LocalDateTime.ofInstant(start, Moments.BEIJING));
    model.addAttribute("to", LocalDateTime.ofInstant(end, Moments.BEIJING));
    model.addAttribute("pointCount", points.size());
    Map<String, Object> drawn = new java.util.LinkedHashMap<>(Map.of("points", points, "places", places));
    if (flagged != null) {
      drawn.put("mark", flagged);
    }
    model.addAttribute("trackJson", write(drawn));
    model.addAttribute("marked", flagged != null);
    // opened from the alarms (TrackLinks.ofAlarm) it leads back there; otherwise to the compliance flags
    model.addAttribute("backToAlarms", "alarms".equals(back));
    model.addAttribute("map", map);
    return "telemetry/period-track";
  }

  /** {@code lat,lon} in degrees, as {@link TrackLinks} writes the flagged position; anything else is refused (400). */
  private static Map<String, BigDecimal> markedPosition(String mark) {
    String[] parts = mark.split(",", -1);
    try {
      if (parts.length == 2) {
        BigDecimal lat = new BigDecimal(parts[0].strip());
        BigDecimal lon = new BigDecimal(parts[1].strip());
        if (lat.abs().compareTo(BigDecimal.valueOf(90)) <= 0 && lon.abs().compareTo(BigDecimal.valueOf(180)) <= 0) {
          return Map.of("lat", lat, "lon", lon);
        }
      }
    } catch (NumberFormatException e) {
      // refused below, as any other malformed position
    }
    throw new BusinessRuleException("telemetry.markInvalid", mark);
  }

  /** The named places of a region, marked on a track that has no dispatch sheet to show its own. */
  private List<LiveMap.Place> regionPlaces(long regionId) {
    return drivers.places(regionId).stream().map(p -> new LiveMap.Place(p.name(), p.latitude(), p.longitude()))
        .toList();
  }

  private static List<ReplayPoint> replayPoints(List<TrackPoint> track) {
    return track.stream().map(p -> new ReplayPoint(p.lat(), p.lon(), p.speedKmh(), POINT_TIME.format(p.at())))
        .toList();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
