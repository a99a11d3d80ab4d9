package cn.smartaffairs.telemetry.geofence;

import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.telemetry.GeofenceKind;
import cn.smartaffairs.telemetry.geofence.Geometry.Circle;
import cn.smartaffairs.telemetry.geofence.Geometry.Rectangle;
import cn.smartaffairs.telemetry.geofence.GeofenceDraft.Point;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** 电子围栏: a region's geofences, their area commands to the terminals and the crossings of its vehicles. */
@RestController
@Tag(name = "公务用车·电子围栏 Official vehicles: geofences")
@SecurityRequirement(name = "bearer")
class GeofenceApiController {

  private final Geofences geofences;
  private final AreaCommandPushes pushes;
  private final GeofenceCrossings crossings;

  GeofenceApiController(Geofences geofences, AreaCommandPushes pushes, GeofenceCrossings crossings) {
    this.geofences = geofences;
    this.pushes = pushes;
    this.crossings = crossings;
  }

  /** A geofence as the API shows it: the draft's fields (corners normalised to north-west and south-east) and more. */
  record GeofenceView(long id, long regionId, String name, GeofenceKind kind, Shape shape, Long placeId, Point centre,
      Integer radiusM, Point northWest, Point southEast, List<Point> vertices, int version, OffsetDateTime createdAt,
      OffsetDateTime updatedAt, OffsetDateTime deletedAt) {

    static GeofenceView of(Geofence fence) {
      Geometry geometry = fence.geometry();
      Circle circle = geometry instanceof Circle c ? c : null;
      Rectangle rectangle = geometry instanceof Rectangle r ? r : null;
      return new GeofenceView(fence.id(), fence.regionId(), fence.name(), fence.kind(), fence.shape(),
          fence.placeId(), circle == null ? null : point(circle.centre()),
          circle == null ? null : circle.radiusMetres(), rectangle == null ? null : point(rectangle.northWest()),
          rectangle == null ? null : point(rectangle.southEast()),
          geometry.shape() == Shape.POLYGON ? geometry.points().stream().map(GeofenceView::point).toList() : null,
          fence.version(), beijing(fence.createdAt()), beijing(fence.updatedAt()), beijing(fence.deletedAt()));
    }

    private static Point point(Geometry.Vertex vertex) {
      return new Point(vertex.lat(), vertex.lon());
    }

    private static OffsetDateTime beijing(java.time.Instant moment) {
      return moment == null ? null : moment.atOffset(ZoneOffset.ofHours(8));
    }
  }

  @GetMapping("/api/v1/vehicle-geofences")
  @Operation(summary = "电子围栏 The geofences in use of the regions the caller manages (vehicle managers, administrators)")
  List<GeofenceView> list() {
    return geofences.list(CurrentUsers.current()).stream().map(GeofenceView::of).toList();
  }

  @GetMapping("/api/v1/vehicle-geofences/{id}")
  @Operation(summary = "电子围栏详情 One geofence (a deleted one too, with deletedAt)")
  GeofenceView get(@PathVariable long id) {
    return GeofenceView.of(geofences.get(id, CurrentUsers.current()));
  }

  @PostMapping("/api/v1/vehicle-geofences")
  @Operation(summary = "新增电子围栏 Draw a geofence in the caller's region", description = "Answers 201. name (at "
      + "most 60 characters, one per region); kind: PARKING (指定停放地点), OFFICE (机关大院), BOUNDARY (辖区边界), OTHER; "
      + "shape: CIRCLE (centre, radiusM 1–500000), RECTANGLE (northWest and southEast: any two opposite corners), "
      + "POLYGON (vertices: 3–100 points in order, edges not crossing; the first repeated at the end is dropped); "
      + "placeId: a place of the region (/vehicles/places) the fence marks — a CIRCLE without centre takes its point. "
      + "Points {lat, lon} in degrees (WGS-84/CGCS2000 as terminals report), at most six decimals kept, within one "
      + "hemisphere each way. 400 with a message for a bad outline, 409 when the name is taken.")
  ResponseEntity<GeofenceView> create(@RequestBody GeofenceDraft draft) {
    Geofence created = geofences.create(draft, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/vehicle-geofences/" + created.id()))
        .body(GeofenceView.of(created));
  }

  @PutMapping("/api/v1/vehicle-geofences/{id}")
  @Operation(summary = "修改电子围栏 Change a geofence (all fields as when drawn, and the version read)", description = "version: "
      + "the version the caller read (409 when the fence changed since). The shape cannot change (another shape is "
      + "another fence). A changed outline is measured afresh: each vehicle's side is learned again, with no crossing "
      + "for the change itself, and the terminals hold the old outline until it is pushed again.")
  GeofenceView update(@PathVariable long id, @RequestBody GeofenceDraft draft) {
    return GeofenceView.of(geofences.update(id, draft, CurrentUsers.current()));
  }

  @DeleteMapping("/api/v1/vehicle-geofences/{id}")
  @Operation(summary = "删除电子围栏 Delete a geofence of the version read; terminals that were sent it get its delete command", description = "version: the version the caller read (409 when the fence changed since). Its "
      + "crossings stay; each terminal that was sent the fence is sent 0x8601, 0x8603 or 0x8605 for it.")
  ResponseEntity<Void> delete(@PathVariable long id, @RequestParam Integer version) {
    geofences.delete(id, version, CurrentUsers.current());
    return ResponseEntity.noContent().build();
  }

  @PostMapping("/api/v1/vehicle-geofences/{id}/push")
  @Operation(summary = "下发电子围栏 Send the geofence to every terminal bound in its region (JT/T 808 0x8600/0x8602/0x8604)", description = "Answers 202 with the number of terminals asked. Connected terminals get the "
      + "command at once, the others when they next authenticate; GET …/commands tells how each answered.")
  ResponseEntity<Map<String, Integer>> push(@PathVariable long id) {
    return ResponseEntity.accepted().body(Map.of("terminals", pushes.push(id, CurrentUsers.current())));
  }

  @GetMapping("/api/v1/vehicle-geofences/{id}/commands")
  @Operation(summary = "围栏下发状态 The geofence's latest area command to each terminal and its answer", description = "status: PENDING (waiting for the terminal to connect), SENT (no answer yet), and the "
      + "terminal's general reply 0x0001: SUCCEEDED (0), FAILED (1), MESSAGE_ERROR (2), NOT_SUPPORTED (3). "
      + "messageId: the command (34304 = 0x8600 … 34309 = 0x8605); delete: whether it is a delete command; "
      + "geofenceVersion: the fence's version it carried.")
  List<AreaCommandPushes.TerminalCommand> commands(@PathVariable long id) {
    return pushes.commands(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/vehicle-geofence-crossings")
  @Operation(summary = "进出围栏记录 The newest crossings of the caller's regions' fences, newest first (each view audited)", description = "geofenceId: of one fence only; limit: 1–500 (50). direction: ENTERED or LEFT, at the "
      + "first position on the new side (Beijing time, degrees as reported). Derived every minute from the stored "
      + "positions; each is also published as the event GeofenceCrossed.")
  List<GeofenceCrossings.CrossingRow> crossings(@RequestParam(required = false) Long geofenceId,
      @RequestParam(defaultValue = "50") int limit) {
    CurrentUser viewer = CurrentUsers.current();
    if (geofenceId != null) {
      geofences.get(geofenceId, viewer);
    }
    return crossings.recent(viewer, geofenceId, limit);
  }
}
