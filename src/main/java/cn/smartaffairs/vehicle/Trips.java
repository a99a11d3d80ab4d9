package cn.smartaffairs.vehicle;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 出车登记: the driver starts and ends a trip on the phone (odometer, tolls, parking, fuel or charging), the
 * requester confirms it. Ending a trip moves the vehicle's odometer and books the trip's costs for 单车核算.
 */
@Service
public class Trips {

  /** A trip; {@code dispatchId} is null for a trip driven without a dispatch sheet (it is flagged). */
  public record Trip(long id, Long dispatchId, long vehicleId, String plate, long driverId, LocalDateTime startedAt,
      int startOdometerKm, LocalDateTime endedAt, Integer endOdometerKm, long tollsFen, long parkingFen,
      BigDecimal fuelLitres, BigDecimal chargingKwh, long energyCostFen, String purpose,
      LocalDateTime confirmedAt) {
    public Integer distanceKm() {
      return endOdometerKm == null ? null : endOdometerKm - startOdometerKm;
    }

    /**
     * 出车: the driver reads the odometer no lower than the vehicle's last reading (400), and sets off only in a
     * vehicle not still out on another trip (409).
     */
    static void checkStart(Vehicle vehicle, Integer odometerKm, boolean vehicleOnTrip) {
      if (odometerKm == null || odometerKm < vehicle.odometerKm()) {
        throw new BusinessRuleException("vehicle.odometerBelowLast", vehicle.plate(), vehicle.odometerKm());
      }
      if (vehicleOnTrip) {
        throw new ConflictException("vehicle.vehicleOnTrip", vehicle.plate());
      }
    }

    /**
     * 回车登记: only a trip still open (409), with an odometer no lower than at the start and no negative amount or
     * quantity (400). Answers what the driver reported with the amounts left empty as zero.
     */
    TripEnd checkEnd(TripEnd end) {
      if (endedAt != null) {
        throw new ConflictException("vehicle.tripAlreadyEnded", plate);
      }
      if (end.odometerKm() == null || end.odometerKm() < startOdometerKm) {
        throw new BusinessRuleException("vehicle.odometerBelowStart", startOdometerKm);
      }
      long tolls = nonNegative(end.tollsFen());
      long parking = nonNegative(end.parkingFen());
      long energyCost = nonNegative(end.energyCostFen());
      if (end.fuelLitres() != null && end.fuelLitres().signum() < 0
          || end.chargingKwh() != null && end.chargingKwh().signum() < 0) {
        throw new BusinessRuleException("vehicle.amountInvalid");
      }
      return new TripEnd(end.odometerKm(), tolls, parking, end.fuelLitres(), end.chargingKwh(), energyCost);
    }

    /** 用车人确认: only the requester ({@code requesterId}) confirms, only an ended trip, only once. */
    void checkConfirmation(long requesterId, long by) {
      if (requesterId != by) {
        throw new BusinessRuleException("vehicle.onlyRequesterConfirms");
      }
      if (endedAt == null) {
        throw new ConflictException("vehicle.tripNotEnded", plate);
      }
      if (confirmedAt != null) {
        throw new ConflictException("vehicle.tripAlreadyConfirmed", plate);
      }
    }

    private static long nonNegative(Long fen) {
      if (fen != null && fen < 0) {
        throw new BusinessRuleException("vehicle.amountInvalid");
      }
      return fen == null ? 0 : fen;
    }
  }

  /** What the driver reports at the end of a trip; money in fen. */
  public record TripEnd(Integer odometerKm, Long tollsFen, Long parkingFen, BigDecimal fuelLitres,
      BigDecimal chargingKwh, Long energyCostFen) {}

  private static final String TRIP = "select t.*, v.plate from vehicle_trip t join vehicle v on v.id = t.vehicle_id";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final DispatchRecords dispatches;
  private final Drivers drivers;
  private final Fleet fleet;
  private final VehicleRequests requests;
  private final Clock clock;
  private final ApplicationEventPublisher events;

  Trips(JdbcClient jdbc, AuditTrail audit, DispatchRecords dispatches, Drivers drivers, Fleet fleet,
      VehicleRequests requests, Clock clock, ApplicationEventPublisher events) {
    this.events = events;
    this.jdbc = jdbc;
    this.audit = audit;
    this.dispatches = dispatches;
    this.drivers = drivers;
    this.fleet = fleet;
    this.requests = requests;
    this.clock = clock;
  }

  /** The driver sets off on a dispatch, reading the odometer. */
  @Transactional
  public Trip start(long dispatchId, Integer odometerKm, CurrentUser by) {
    Dispatch dispatch = dispatches.lock(dispatchId);
    Drivers.Driver driver = requireDriver(dispatch.driverId(), by);
    dispatch.requireNotStarted(dispatches.tripStarted(dispatchId));
    return insert(dispatchId, dispatch.vehicleId(), driver, odometerKm, null);
  }

  /** A trip without a dispatch sheet (e.g. an urgent errand): recorded so that it is seen, and flagged. */
  @Transactional
  public Trip startWithoutDispatch(long vehicleId, Integer odometerKm, String purpose, CurrentUser by) {
    Drivers.Driver driver = drivers.ofUser(by.userId()).orElseThrow(() -> new ForbiddenException());
    if (purpose == null || purpose.isBlank()) {
      throw new BusinessRuleException("vehicle.purposeRequired");
    }
    // without a dispatch sheet a driver may take only a vehicle of their own region; another region's is not found
    if (fleet.get(vehicleId).regionId() != driver.regionId()) {
      throw new NotFoundException("vehicle", vehicleId);
    }
    return insert(null, vehicleId, driver, odometerKm, purpose.trim());
  }

  private Trip insert(Long dispatchId, long vehicleId, Drivers.Driver driver, Integer odometerKm, String purpose) {
    Vehicle vehicle = fleet.get(vehicleId);
    boolean onTrip = jdbc.sql("select count(*) from vehicle_trip where vehicle_id = :id and ended_at is null")
        .param("id", vehicleId).query(Long.class).single() > 0;
    Trip.checkStart(vehicle, odometerKm, onTrip);
    long id = jdbc.sql("""
        insert into vehicle_trip (dispatch_id, vehicle_id, driver_id, started_at, start_odometer_km, purpose)
        values (:dispatch, :vehicle, :driver, :now, :odometer, :purpose) returning id""")
        .param("dispatch", dispatchId).param("vehicle", vehicleId).param("driver", driver.id())
        .param("now", Timestamp.from(clock.instant())).param("odometer", odometerKm).param("purpose", purpose)
        .query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("dispatchId", dispatchId);
    after.put("vehicle", vehicle.plate());
    after.put("startOdometerKm", odometerKm);
    after.put("purpose", purpose);
    audit.record(AuditEntry.created("vehicle_trip", id, vehicle.regionId(), after));
    return trip(id);
  }

  /** The driver is back: odometer, tolls, parking, fuel or charging. Books the costs and moves the odometer. */
  @Transactional
  public Trip end(long tripId, TripEnd end, CurrentUser by) {
    Trip trip = lock(tripId);
    requireDriver(trip.driverId(), by);
    TripEnd reported = trip.checkEnd(end);
    long tolls = reported.tollsFen();
    long parking = reported.parkingFen();
    long energyCost = reported.energyCostFen();
    Vehicle vehicle = fleet.get(trip.vehicleId());
    Timestamp now = Timestamp.from(clock.instant());
    jdbc.sql(
        """
            update vehicle_trip set ended_at = :now, end_odometer_km = :odometer, tolls_fen = :tolls, parking_fen = :parking,
                   fuel_litres = :fuel, charging_kwh = :charging, energy_cost_fen = :energy where id = :id""")
        .param("now", now).param("odometer", end.odometerKm()).param("tolls", tolls).param("parking", parking)
        .param("fuel", end.fuelLitres()).param("charging", end.chargingKwh()).param("energy", energyCost)
        .param("id", tripId).update();
    jdbc.sql("update vehicle set odometer_km = greatest(odometer_km, :odometer), version = version + 1 where id = :id")
        .param("odometer", end.odometerKm()).param("id", trip.vehicleId()).update();
    LocalDate day = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    cost(trip, "TOLL", tolls, null, day, by);
    cost(trip, "PARKING", parking, null, day, by);
    if (end.fuelLitres() != null && end.fuelLitres().signum() > 0) {
      cost(trip, "FUEL", energyCost, end.fuelLitres(), day, by);
    } else if (end.chargingKwh() != null && end.chargingKwh().signum() > 0) {
      cost(trip, "CHARGING", energyCost, end.chargingKwh(), day, by);
    }
    if (trip.dispatchId() != null) {
      TripRequest request = requests.lock(dispatches.get(trip.dispatchId()).requestId());
      requests.save(request, request.after(TripRequestMove.COMPLETE));
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("endOdometerKm", end.odometerKm());
    after.put("tollsFen", tolls);
    after.put("parkingFen", parking);
    after.put("fuelLitres", end.fuelLitres());
    after.put("chargingKwh", end.chargingKwh());
    after.put("energyCostFen", energyCost);
    audit.record(AuditEntry.updated("vehicle_trip", tripId, vehicle.regionId(), Map.of("ended", false), after));
    events.publishEvent(new TripEnded(tripId, trip.vehicleId(), vehicle.regionId(), trip.dispatchId(), trip.driverId(),
        end.odometerKm() - trip.startOdometerKm(), tolls + parking + energyCost, now.toInstant()));
    return trip(tripId);
  }

  private void cost(Trip trip, String kind, long amountFen, BigDecimal quantity, LocalDate day, CurrentUser by) {
    if (amountFen == 0 && quantity == null) {
      return;
    }
    jdbc.sql("""
        insert into vehicle_cost (vehicle_id, kind, amount_fen, incurred_on, quantity, trip_id, note, recorded_by)
        values (:vehicle, :kind, :amount, :day, :quantity, :trip, '出车登记', :by)""")
        .param("vehicle", trip.vehicleId()).param("kind", kind).param("amount", amountFen)
        .param("day", Date.valueOf(day)).param("quantity", quantity).param("trip", trip.id()).param("by", by.userId())
        .update();
  }

  /** The requester confirms the trip as driven (用车人确认). */
  @Transactional
  public Trip confirm(long tripId, CurrentUser by) {
    Trip trip = lock(tripId);
    if (trip.dispatchId() == null) {
      throw new NotFoundException("vehicleTrip", tripId);
    }
    TripRequest request = requests.get(dispatches.get(trip.dispatchId()).requestId());
    trip.checkConfirmation(request.requesterId(), by.userId());
    jdbc.sql("update vehicle_trip set confirmed_at = :now, confirmed_by = :by where id = :id")
        .param("now", Timestamp.from(clock.instant())).param("by", by.userId()).param("id", tripId).update();
    audit.record(AuditEntry.updated("vehicle_trip", tripId, request.regionId(), Map.of("confirmed", false),
        Map.of("confirmed", true, "by", by.userId())));
    return trip(tripId);
  }

  /** The trip, its row locked until the transaction ends, so that two reports of one trip never both pass. */
  private Trip lock(long id) {
    jdbc.sql("select id from vehicle_trip where id = :id for update").param("id", id).query(Long.class).optional();
    return trip(id);
  }

  public Trip trip(long id) {
    return jdbc.sql(TRIP + " where t.id = :id").param("id", id).query(Trips::trip).optional()
        .orElseThrow(() -> new NotFoundException("vehicleTrip", id));
  }

  public Optional<Trip> ofDispatch(long dispatchId) {
    return jdbc.sql(TRIP + " where t.dispatch_id = :id").param("id", dispatchId).query(Trips::trip).optional();
  }

  /** The trip of each dispatch that has one, by dispatch id, in one query. */
  public Map<Long, Trip> ofDispatches(java.util.Collection<Long> dispatchIds) {
    Map<Long, Trip> trips = new java.util.HashMap<>();
    if (dispatchIds.isEmpty()) {
      return trips;
    }
    jdbc.sql(TRIP + " where t.dispatch_id = any(:ids)").param("ids", dispatchIds.toArray(Long[]::new))
        .query(Trips::trip).list().forEach(t -> trips.put(t.dispatchId(), t));
    return trips;
  }

  /** The latest trips of a vehicle, newest first. */
  public List<Trip> ofVehicle(long vehicleId, int limit) {
    return jdbc.sql(TRIP + " where t.vehicle_id = :vehicle order by t.started_at desc limit :limit")
        .param("vehicle", vehicleId).param("limit", limit).query(Trips::trip).list();
  }

  /** The trips of a vehicle that overlap [from, to) (one still open runs on), oldest first. */
  public List<Trip> ofVehicle(long vehicleId, LocalDateTime from, LocalDateTime to) {
    return jdbc.sql(TRIP + " where t.vehicle_id = :vehicle and t.started_at < :to"
        + " and (t.ended_at is null or t.ended_at > :from) order by t.started_at")
        .param("vehicle", vehicleId).param("from", VehicleRequests.timestamp(from))
        .param("to", VehicleRequests.timestamp(to)).query(Trips::trip).list();
  }

  /** A driver's trips still open (started, not ended). */
  public List<Trip> openOf(long driverId) {
    return jdbc.sql(TRIP + " where t.driver_id = :driver and t.ended_at is null order by t.started_at")
        .param("driver", driverId).query(Trips::trip).list();
  }

  private Drivers.Driver requireDriver(long driverId, CurrentUser by) {
    Drivers.Driver driver = drivers.get(driverId);
    if (!Long.valueOf(by.userId()).equals(driver.userId())) {
      throw new BusinessRuleException("vehicle.notYourTrip");
    }
    return driver;
  }

  static Trip trip(ResultSet rs, int n) throws SQLException {
    Long dispatchId = rs.getObject("dispatch_id", Long.class);
    Integer endOdometer = rs.getObject("end_odometer_km", Integer.class);
    return new Trip(rs.getLong("id"), dispatchId, rs.getLong("vehicle_id"), rs.getString("plate"),
        rs.getLong("driver_id"),
        VehicleRequests.local(rs, "started_at"), rs.getInt("start_odometer_km"), VehicleRequests.local(rs, "ended_at"),
        endOdometer, rs.getLong("tolls_fen"), rs.getLong("parking_fen"), rs.getBigDecimal("fuel_litres"),
        rs.getBigDecimal("charging_kwh"), rs.getLong("energy_cost_fen"), rs.getString("purpose"),
        VehicleRequests.local(rs, "confirmed_at"));
  }
}
