package cn.smartaffairs.access;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import cn.smartaffairs.vehicle.VehicleStatus;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 出入口车辆识别: a plate-recognition camera reports a plate at a gate; the platform answers allowed or refused with the
 * reason — a valid vehicle pass, an official vehicle of the region (asked of module vehicle's {@link Fleet}), a
 * visitor expected today with that plate (or on site, when leaving), or none — and logs every decision.
 */
@Service
public class GateEvents {

  /** How far a camera's clock may run ahead of the platform's. */
  private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

  public enum Direction {
    IN, OUT
  }

  /** A decision as logged. */
  public record GateEvent(long id, String gate, String plate, Instant at, Direction direction, boolean allowed,
      GateReason reason, Long passId, Long visitId, Long vehicleId) {}

  private final JdbcClient jdbc;
  private final Passes passes;
  private final Fleet fleet;
  private final ParkingLots lots;
  private final Clock clock;

  GateEvents(JdbcClient jdbc, Passes passes, Fleet fleet, ParkingLots lots, Clock clock) {
    this.jdbc = jdbc;
    this.passes = passes;
    this.fleet = fleet;
    this.lots = lots;
    this.clock = clock;
  }

  @Transactional
  public GateEvent record(String gate, String typedPlate, Instant at, Direction direction, CurrentUser by) {
    if (!by.isApiKey()) {
      AccessRoles.gateOf(by); // a person at the gate may enter a plate by hand; a camera system holds an API key
    }
    String gateName = gate == null ? "" : gate.strip();
    if (gateName.isEmpty() || gateName.length() > 50) {
      throw new BusinessRuleException("access.gate.gateRequired");
    }
    String plate = Plates.normalise(typedPlate);
    if (!Plates.isValid(plate)) {
      throw new BusinessRuleException("access.plateInvalid", plate == null ? "" : plate);
    }
    if (direction == null) {
      throw new BusinessRuleException("access.gate.directionRequired");
    }
    Instant moment = at == null ? clock.instant() : at;
    if (moment.isAfter(clock.instant().plus(CLOCK_SKEW))) {
      throw new BusinessRuleException("access.gate.inFuture");
    }
    long region = by.regionId();
    LocalDate day = moment.atZone(Visit.BEIJING).toLocalDate();
    GateReason reason = GateReason.NONE;
    Long passId = null;
    Long visitId = null;
    Long vehicleId = null;
    Optional<AccessPass> pass = passes.validForPlate(region, plate, day);
    if (pass.isPresent()) {
      reason = GateReason.VALID_PASS;
      passId = pass.get().id();
    } else {
      Optional<Vehicle> official = fleet.list(DataScope.region(region), null).stream()
          .filter(v -> v.plate().equals(plate))
          .filter(v -> v.status() == VehicleStatus.IN_SERVICE || v.status() == VehicleStatus.REPAIR).findFirst();
      if (official.isPresent()) {
        reason = GateReason.OFFICIAL_VEHICLE;
        vehicleId = official.get().id();
      } else {
        Optional<Long> visit = expectedVisit(region, plate, day, moment, direction);
        if (visit.isPresent()) {
          reason = GateReason.EXPECTED_VISITOR;
          visitId = visit.get();
        }
      }
    }
    Optional<ParkingLot> lot = lots.lockedByGate(region, gateName);
    if (reason == GateReason.NONE && lot.isPresent()) {
      boolean publicIn = direction == Direction.IN
          && lot.get().publicOpenAt(moment.atZone(Visit.BEIJING).toLocalDateTime())
          && lot.get().freePublicPlaces() > 0;
      if (publicIn || direction == Direction.OUT && cameInForPublicOpening(region, plate, moment)) {
        reason = GateReason.PUBLIC_OPENING;
      }
    }
    if (reason.allows() && lot.isPresent()) {
      lots.move(lot.get().id(), reason.zone(), direction == Direction.IN);
    }
    long id = jdbc.sql("""
        insert into access_gate_event (region_id, gate, plate, at, direction, allowed, reason, pass_id, visit_id,
               vehicle_id, recorded_by)
        values (:region, :gate, :plate, :at, :direction, :allowed, :reason, :pass, :visit, :vehicle, :by)
        returning id""")
        .param("region", region).param("gate", gateName).param("plate", plate).param("at", Timestamp.from(moment))
        .param("direction", direction.name()).param("allowed", reason.allows()).param("reason", reason.name())
        .param("pass", passId).param("visit", visitId).param("vehicle", vehicleId).param("by", by.userId())
        .query(Long.class).single();
    return new GateEvent(id, gateName, plate, moment, direction, reason.allows(), reason, passId, visitId, vehicleId);
  }

  /** Whether the plate's last passage in the region was in, for the public opening. */
  private boolean cameInForPublicOpening(long region, String plate, Instant before) {
    return jdbc.sql("""
        select direction = 'IN' and reason = 'PUBLIC_OPENING' from access_gate_event
         where region_id = :region and plate = :plate and allowed and at <= :at order by at desc, id desc limit 1""")
        .param("region", region).param("plate", plate).param("at", Timestamp.from(before)).query(Boolean.class)
        .optional().orElse(false);
  }

  /**
   * A visit of the day with that plate: coming in, one expected whose pass has not lapsed (or already checked in at
   * the desk); going out, one on site or expected.
   */
  private Optional<Long> expectedVisit(long region, String plate, LocalDate day, Instant at, Direction direction) {
    return jdbc.sql("""
        select id from access_visit
         where region_id = :region and plate = :plate and visit_on = :day
           and (status = 'CHECKED_IN' or (status = 'EXPECTED' and (:out or pass_expires_at > :at)))
         order by window_from, id limit 1""")
        .param("region", region).param("plate", plate).param("day", Date.valueOf(day))
        .param("out", direction == Direction.OUT).param("at", Timestamp.from(at)).query(Long.class).optional();
  }

  /** The decisions of a day at the gates of the caller's regions, newest first. */
  public List<GateEvent> day(LocalDate day, CurrentUser by) {
    DataScope gate = AccessRoles.gateOf(by);
    return jdbc.sql("select * from access_gate_event e where e.at >= :from and e.at < :to and "
        + DataScope.sqlCondition("e.region_id", null, null) + " order by e.at desc, e.id desc limit 1000")
        .paramSource(gate.bind(new MapSqlParameterSource()
            .addValue("from", Timestamp.from(day.atStartOfDay(Visit.BEIJING).toInstant()))
            .addValue("to", Timestamp.from(day.plusDays(1).atStartOfDay(Visit.BEIJING).toInstant()))))
        .query((rs, n) -> new GateEvent(rs.getLong("id"), rs.getString("gate"), rs.getString("plate"),
            rs.getTimestamp("at").toInstant(), Direction.valueOf(rs.getString("direction")),
            rs.getBoolean("allowed"), GateReason.valueOf(rs.getString("reason")),
            rs.getObject("pass_id", Long.class), rs.getObject("visit_id", Long.class),
            rs.getObject("vehicle_id", Long.class)))
        .list();
  }
}
