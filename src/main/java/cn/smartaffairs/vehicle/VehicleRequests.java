package cn.smartaffairs.vehicle;

import cn.smartaffairs.approval.ApprovalDecided;
import cn.smartaffairs.approval.ApprovalWithdrawn;
import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.approval.RequestStatus;
import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.vehicle.TripRequest.Stop;
import cn.smartaffairs.vehicle.VehicleRules.Key;
import cn.smartaffairs.vehicle.planning.GeoPoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 用车申请: staff ask for a trip between named places; the request goes through the approval engine
 * ({@code vehicle.trip}) and, once approved, waits on the dispatcher's board for its day.
 */
@Service
public class VehicleRequests {

  static final String REQUEST_TYPE = "vehicle.trip";
  private static final String REQUEST = """
      select r.*, u.name as unit_name, a.display_name as requester_name,
             array(select c.region_id from vehicle_aid_consent c where c.request_id = r.id order by c.region_id) as consents
        from vehicle_request r left join org_unit u on u.id = r.unit_id join security_account a on a.id = r.requester_id""";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Approvals approvals;
  private final Drivers places;
  private final VehicleRules rules;
  private final Clock clock;
  private final Fleet fleet;

  VehicleRequests(JdbcClient jdbc, AuditTrail audit, Approvals approvals, Drivers places, VehicleRules rules,
      Clock clock,
      Fleet fleet) {
    this.fleet = fleet;
    this.jdbc = jdbc;
    this.audit = audit;
    this.approvals = approvals;
    this.places = places;
    this.rules = rules;
    this.clock = clock;
  }

  /** Submits a request for approval; answers its id. */
  @Transactional
  public long submit(NewTripRequest draft, CurrentUser requester) {
    draft.checkParty();
    draft.checkFitsOneVehicle(fleet.mostPassengers(requester.regionId(), draft.category()));
    String purpose = draft.trimmedPurpose();
    Stop origin = draft.originPlaceId() != null ? stop(places.place(draft.originPlaceId())) : draft.origin();
    List<Stop> stops = new ArrayList<>();
    if (draft.stopPlaceIds() != null) {
      if (draft.stopPlaceIds().stream().anyMatch(java.util.Objects::isNull)) {
        throw new BusinessRuleException("vehicle.stopPlaceMissing");
      }
      draft.stopPlaceIds().forEach(id -> stops.add(stop(places.place(id))));
    }
    if (draft.stops() != null) {
      stops.addAll(draft.stops());
    }
    NewTripRequest.checkRoute(origin, stops);
    draft.checkWindow(clock.instant());
    LocalDateTime start = draft.start();
    LocalDateTime end = draft.end();
    boolean returns = draft.returns();
    double roadFactor = rules.number(Key.ROAD_FACTOR, requester.regionId(), start.toLocalDate());
    double plannedKm = Math.round(routeKm(origin, stops, returns) * roadFactor * 10) / 10.0;
    long id = jdbc.sql("""
        insert into vehicle_request (region_id, unit_id, requester_id, purpose, passengers, category, origin_name,
                                     origin_lat, origin_lon, starts_at, ends_at, returns_to_origin, planned_km)
        values (:region, :unit, :requester, :purpose, :passengers, :category, :originName, :originLat, :originLon,
                :start, :end, :returns, :km) returning id""")
        .param("region", requester.regionId()).param("unit", requester.unitId()).param("requester", requester.userId())
        .param("purpose", purpose).param("passengers", draft.passengers()).param("category", draft.category().name())
        .param("originName", origin.name().trim()).param("originLat", origin.latitude())
        .param("originLon", origin.longitude()).param("start", timestamp(start)).param("end", timestamp(end))
        .param("returns", returns).param("km", plannedKm).query(Long.class).single();
    for (int i = 0; i < stops.size(); i++) {
      Stop stop = stops.get(i);
      jdbc.sql("""
          insert into vehicle_request_stop (request_id, position, name, latitude, longitude)
          values (:request, :position, :name, :lat, :lon)""")
          .param("request", id).param("position", i + 1).param("name", stop.name().trim())
          .param("lat", stop.latitude()).param("lon", stop.longitude()).update();
    }
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("vehicleRequestId", id);
    facts.put("passengers", draft.passengers());
    facts.put("category", draft.category().name());
    facts.put("plannedKm", plannedKm);
    String subject = "用车：" + purpose + "（" + start.toLocalDate() + " " + start.toLocalTime() + "）";
    // the approval hands over the departure, so that no task of it falls due after the car should have left
    long approvalId = approvals.submit(REQUEST_TYPE, subject.length() > 200 ? subject.substring(0, 200) : subject,
        facts, timestamp(start).toInstant(), requester);
    jdbc.sql("update vehicle_request set approval_request_id = :approval where id = :id")
        .param("approval", approvalId).param("id", id).update();
    // a flow whose steps all fall away approves at once, before the link above existed
    if (approvals.route(approvalId, requester).status() == RequestStatus.APPROVED) {
      moveByApproval(approvalId, TripRequestMove.APPROVE);
    }
    Map<String, Object> after = new LinkedHashMap<>(facts);
    after.put("purpose", purpose);
    after.put("route", origin.name() + " → " + stops.stream().map(Stop::name).toList());
    after.put("start", start.toString());
    after.put("end", end.toString());
    audit.record(AuditEntry.created("vehicle_request", id, requester.regionId(), after));
    return id;
  }

  /**
   * The approval's outcome moves the request, after the approval committed and in a transaction of its own (ADR 0012):
   * it only moves from the states it expects, so a late retry cannot undo a later step.
   */
  @ApplicationModuleListener(id = "vehicle.approval-decided")
  void onDecided(ApprovalDecided decided) {
    if (REQUEST_TYPE.equals(decided.requestType())) {
      moveByApproval(decided.requestId(), decided.outcome() == ApprovalDecided.Outcome.APPROVED
          ? TripRequestMove.APPROVE
          : TripRequestMove.REJECT);
    }
  }

  /** The requester took the approval back: the request leaves the queue (a resubmission brings it back). */
  @ApplicationModuleListener(id = "vehicle.approval-withdrawn")
  void onWithdrawn(ApprovalWithdrawn withdrawn) {
    if (REQUEST_TYPE.equals(withdrawn.requestType())) {
      moveByApproval(withdrawn.requestId(), TripRequestMove.WITHDRAW);
    }
  }

  /**
   * Moves the request behind an approval if the move is allowed from where it stands; otherwise nothing happens, as a
   * late or repeated event must not undo a later step. Audited.
   */
  private void moveByApproval(long approvalId, TripRequestMove move) {
    jdbc.sql("select id from vehicle_request where approval_request_id = :id for update").param("id", approvalId)
        .query(Long.class).optional().map(this::get).filter(request -> request.allows(move))
        .ifPresent(request -> {
          TripRequest moved = request.after(move);
          save(request, moved);
          audit.record(AuditEntry.updated("vehicle_request", request.id(), request.regionId(),
              Map.of("status", request.status().name()), Map.of("status", moved.status().name())));
        });
  }

  /** A request its requester, an approver or anyone whose scope reaches its region or unit may see. */
  public TripRequest get(long id, CurrentUser viewer) {
    TripRequest request = get(id);
    boolean visible = request.requesterId() == viewer.userId()
        || viewer.dataScope().permits(request.regionId(), request.unitId(), null)
        || isManager(viewer) && request.askedForAid()
        || request.approvalRequestId() != null && canSeeApproval(request.approvalRequestId(), viewer);
    if (!visible) {
      throw new NotFoundException("vehicleRequest", id);
    }
    return request;
  }

  /** The request, its row locked until the transaction ends, for a change that its state decides. */
  TripRequest lock(long id) {
    jdbc.sql("select id from vehicle_request where id = :id for update").param("id", id).query(Long.class).optional();
    return get(id);
  }

  TripRequest get(long id) {
    return jdbc.sql(REQUEST + " where r.id = :id").param("id", id).query(VehicleRequests::request).optional()
        .map(request -> withStops(List.of(request)).get(0))
        .orElseThrow(() -> new NotFoundException("vehicleRequest", id));
  }

  /** The requests of the ids that exist, with their stops, by id: two queries whatever their number. */
  Map<Long, TripRequest> get(java.util.Collection<Long> ids) {
    Map<Long, TripRequest> byId = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return byId;
    }
    withStops(jdbc.sql(REQUEST + " where r.id = any(:ids)").param("ids", ids.stream().distinct().toArray(Long[]::new))
        .query(VehicleRequests::request).list()).forEach(r -> byId.put(r.id(), r));
    return byId;
  }

  private boolean canSeeApproval(long approvalId, CurrentUser viewer) {
    try {
      approvals.route(approvalId, viewer);
      return true;
    } catch (NotFoundException e) {
      return false;
    }
  }

  /** The caller's own requests, newest first. */
  public List<TripRequest> mine(CurrentUser user) {
    return withStops(jdbc.sql(REQUEST + " where r.requester_id = :me order by r.starts_at desc limit 100")
        .param("me", user.userId()).query(VehicleRequests::request).list());
  }

  /**
   * 派车看板, for vehicle managers and admins: the requests of a day in their scope that are approved (waiting) or
   * dispatched; those of other regions this region agreed to serve; and the waiting requests whose home region asks
   * for mutual aid (it consented), so that another region's dispatcher can offer a vehicle.
   */
  public List<TripRequest> board(LocalDate day, CurrentUser viewer) {
    DataScope scope = viewer.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.VEHICLE_MANAGER);
    if (!scope.isRegionWide()) {
      throw new ForbiddenException();
    }
    MapSqlParameterSource params = scope.bind(new MapSqlParameterSource())
        .addValue("from", timestamp(day.atStartOfDay())).addValue("to", timestamp(day.plusDays(1).atStartOfDay()));
    return withStops(jdbc.sql(REQUEST
        + " where r.status in ('APPROVED', 'DISPATCHED', 'COMPLETED') and r.starts_at >= :from and r.starts_at < :to"
        + " and (" + DataScope.sqlCondition("r.region_id", null, null)
        + " or exists (select 1 from vehicle_aid_consent c where c.request_id = r.id and "
        + DataScope.sqlCondition("c.region_id", null, null) + ")"
        + " or (r.status = 'APPROVED' and exists (select 1 from vehicle_aid_consent h where h.request_id = r.id"
        + " and h.region_id = r.region_id))) order by r.starts_at, r.id")
        .paramSource(params).query(VehicleRequests::request).list());
  }

  private static boolean isManager(CurrentUser user) {
    return user.hasAny(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.VEHICLE_MANAGER);
  }

  /**
   * 互助保障: the caller, vehicle manager or admin of a region, agrees that the request may be served across regions —
   * for the home region, or for the region that lends its vehicle. Both are needed before another region serves it.
   */
  @Transactional
  public void consentToAid(long requestId, CurrentUser by) {
    TripRequest request = lock(requestId);
    long regionId = by.regionId();
    if (!by.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.VEHICLE_MANAGER).permits(regionId, null, null)) {
      throw new ForbiddenException();
    }
    // another region sees the request, and may offer its vehicles, only once the home region has asked for aid
    if (regionId != request.regionId() && !request.askedForAid()) {
      throw new NotFoundException("vehicleRequest", requestId);
    }
    request.requireWaitingForDispatch();
    if (request.consentRegionIds().contains(regionId)) {
      return;
    }
    long id = jdbc.sql(
        """
            insert into vehicle_aid_consent (request_id, region_id, consented_by) values (:request, :region, :by) returning id""")
        .param("request", requestId).param("region", regionId).param("by", by.userId()).query(Long.class).single();
    audit.record(AuditEntry.created("vehicle_aid_consent", id, regionId, Map.of("requestId", requestId,
        "homeRegionId", request.regionId(), "consentingRegionId", regionId)));
  }

  /** Stores the request's new state, as its aggregate decided it from the state it was read in. */
  void save(TripRequest before, TripRequest after) {
    jdbc.sql("update vehicle_request set status = :to where id = :id and status = :from")
        .param("to", after.status().name()).param("from", before.status().name()).param("id", before.id()).update();
  }

  static double routeKm(Stop origin, List<Stop> stops, boolean returns) {
    double km = 0;
    Stop at = origin;
    for (Stop stop : stops) {
      km += point(at).greatCircleKm(point(stop));
      at = stop;
    }
    if (returns) {
      km += point(at).greatCircleKm(point(origin));
    }
    return km;
  }

  static GeoPoint point(Stop stop) {
    return new GeoPoint(stop.latitude(), stop.longitude());
  }

  static Timestamp timestamp(LocalDateTime local) {
    return Timestamp.from(local.atZone(PlatformConfiguration.ZONE).toInstant());
  }

  static LocalDateTime local(ResultSet rs, String column) throws SQLException {
    Timestamp value = rs.getTimestamp(column);
    return value == null ? null : LocalDateTime.ofInstant(value.toInstant(), PlatformConfiguration.ZONE);
  }

  private static Stop stop(Drivers.Place place) {
    return new Stop(place.name(), place.latitude(), place.longitude());
  }

  /** A request as its row holds it; its stops come after, by {@link #withStops}. */
  private static TripRequest request(ResultSet rs, int row) throws SQLException {
    Long unitId = rs.getObject("unit_id", Long.class);
    Long approvalId = rs.getObject("approval_request_id", Long.class);
    List<Long> consents = List.of((Long[]) rs.getArray("consents").getArray());
    return new TripRequest(rs.getLong("id"), rs.getLong("region_id"), unitId, rs.getString("unit_name"),
        rs.getLong("requester_id"), rs.getString("requester_name"), rs.getString("purpose"), rs.getInt("passengers"),
        VehicleCategory.valueOf(rs.getString("category")),
        new Stop(rs.getString("origin_name"), rs.getDouble("origin_lat"), rs.getDouble("origin_lon")), List.of(),
        local(rs, "starts_at"), local(rs, "ends_at"), rs.getBoolean("returns_to_origin"),
        rs.getDouble("planned_km"), TripRequestStatus.valueOf(rs.getString("status")), approvalId, consents);
  }

  /**
   * The requests with their stops, read in one query after the requests' own: a query inside a row mapper would hold
   * one pooled connection while waiting for another, and a busy moment would starve the pool.
   */
  private List<TripRequest> withStops(List<TripRequest> requests) {
    if (requests.isEmpty()) {
      return requests;
    }
    Map<Long, List<Stop>> stops = new java.util.HashMap<>();
    jdbc.sql("""
        select request_id, name, latitude, longitude from vehicle_request_stop
         where request_id = any(:ids) order by request_id, position""")
        .param("ids", requests.stream().map(TripRequest::id).toArray(Long[]::new))
        .query((ResultSet rs) -> {
          stops.computeIfAbsent(rs.getLong("request_id"), id -> new ArrayList<>())
              .add(new Stop(rs.getString("name"), rs.getDouble("latitude"), rs.getDouble("longitude")));
        });
    return requests.stream().map(r -> new TripRequest(r.id(), r.regionId(), r.unitId(), r.unitName(), r.requesterId(),
        r.requesterName(), r.purpose(), r.passengers(), r.category(), r.origin(),
        List.copyOf(stops.getOrDefault(r.id(), List.of())), r.start(), r.end(), r.returnsToOrigin(), r.plannedKm(),
        r.status(), r.approvalRequestId(), r.consentRegionIds())).toList();
  }
}
