package cn.smartaffairs.vehicle;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 驾驶员: staff who drive the fleet, their licence, shift, availability, training and assessment records. */
@Service
public class Drivers {

  /** A driver; {@code userId} is the staff member's account, through which they see their trips. */
  public record Driver(long id, long regionId, long staffId, String name, Long userId, String licenceClass,
      LocalDate licenceExpires, boolean available, LocalTime shiftStart, LocalTime shiftEnd) {

    /** The licence is valid through its last day. */
    boolean licenceValidThrough(LocalDate day) {
      return !licenceExpires.isBefore(day);
    }

    /** The whole window lies within one day's shift: a trip past midnight is on no shift. */
    boolean onShiftThroughout(LocalDateTime start, LocalDateTime end) {
      return start.toLocalDate().equals(end.toLocalDate()) && !start.toLocalTime().isBefore(shiftStart)
          && !end.toLocalTime().isAfter(shiftEnd);
    }
  }

  public record DriverRecord(long id, long driverId, String kind, LocalDate heldOn, String topic, String result) {}

  private static final String DRIVER = "select d.*, s.name from vehicle_driver d join org_person s on s.id = d.staff_id";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Accounts accounts;
  private final Fleet fleet;

  Drivers(JdbcClient jdbc, AuditTrail audit, Accounts accounts, Fleet fleet) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.accounts = accounts;
    this.fleet = fleet;
  }

  public List<Driver> list(DataScope scope) {
    return jdbc
        .sql(DRIVER + " where " + DataScope.sqlCondition("d.region_id", null, "d.staff_id")
            + " order by d.region_id, s.name")
        .paramSource(scope.bind(new MapSqlParameterSource())).query(Drivers::driver).list();
  }

  /** The drivers of the ids that exist, by id, in one query. */
  public Map<Long, Driver> get(java.util.Collection<Long> ids) {
    Map<Long, Driver> byId = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql(DRIVER + " where d.id = any(:ids)").param("ids", ids.stream().distinct().toArray(Long[]::new))
          .query(Drivers::driver).list().forEach(d -> byId.put(d.id(), d));
    }
    return byId;
  }

  public Driver get(long id) {
    return jdbc.sql(DRIVER + " where d.id = :id").param("id", id).query(Drivers::driver).optional()
        .orElseThrow(() -> new NotFoundException("driver", id));
  }

  /** A driver the caller's scope reaches; any other answers 404, as if it did not exist. */
  private Driver inScope(long driverId, CurrentUser by) {
    Driver driver = get(driverId);
    if (!by.dataScope().permits(driver.regionId(), null, driver.staffId())) {
      throw new NotFoundException("driver", driverId);
    }
    return driver;
  }

  public Optional<Driver> ofUser(long userId) {
    return jdbc.sql(DRIVER + " where d.user_id = :user").param("user", userId).query(Drivers::driver).optional();
  }

  /** Registers a staff member of the caller's region as a driver, linked to their account when they have one. */
  @Transactional
  public long register(long staffId, String licenceClass, LocalDate licenceExpires, LocalTime shiftStart,
      LocalTime shiftEnd, CurrentUser by) {
    // a staff member of a region the caller does not manage is not found, as an unknown id
    DataScope managed = fleet.managedBy(by);
    Long regionId = jdbc.sql("select region_id from org_person where id = :id and status = 'ACTIVE'")
        .param("id", staffId)
        .query(Long.class).optional().filter(region -> managed.permits(region, null, null))
        .orElseThrow(() -> new NotFoundException("staff", staffId));
    if (licenceClass == null || !licenceClass.matches("A1|A2|B1|B2|C1|C2") || licenceExpires == null) {
      throw new BusinessRuleException("vehicle.driverInvalid");
    }
    LocalTime start = shiftStart == null ? LocalTime.of(7, 30) : shiftStart;
    LocalTime end = shiftEnd == null ? LocalTime.of(19, 0) : shiftEnd;
    if (!start.isBefore(end)) {
      throw new BusinessRuleException("vehicle.driverInvalid");
    }
    if (jdbc.sql("select count(*) from vehicle_driver where staff_id = :id").param("id", staffId).query(Long.class)
        .single() > 0) {
      throw new BusinessRuleException("vehicle.driverExists");
    }
    Long userId = accounts.accountOfStaff(staffId).orElse(null);
    long id = jdbc
        .sql(
            """
                insert into vehicle_driver (region_id, staff_id, user_id, licence_class, licence_expires, shift_start, shift_end)
                values (:region, :staff, :user, :class, :expires, :start, :end) returning id""")
        .param("region", regionId).param("staff", staffId).param("user", userId).param("class", licenceClass)
        .param("expires", Date.valueOf(licenceExpires)).param("start", java.sql.Time.valueOf(start))
        .param("end", java.sql.Time.valueOf(end)).query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("staffId", staffId);
    after.put("userId", userId);
    after.put("licenceClass", licenceClass);
    after.put("licenceExpires", licenceExpires.toString());
    audit.record(AuditEntry.created("vehicle_driver", id, regionId, after));
    return id;
  }

  @Transactional
  public void setAvailable(long driverId, boolean available, CurrentUser by) {
    Driver driver = inScope(driverId, by);
    fleet.requireManager(driver.regionId(), by);
    jdbc.sql("update vehicle_driver set available = :available where id = :id").param("available", available)
        .param("id", driverId).update();
    audit.record(
        AuditEntry.updated("vehicle_driver", driverId, driver.regionId(), Map.of("available", driver.available()),
            Map.of("available", available)));
  }

  /** A training (培训) or assessment (考核) record. */
  @Transactional
  public long addRecord(long driverId, String kind, LocalDate heldOn, String topic, String result, CurrentUser by) {
    Driver driver = inScope(driverId, by);
    fleet.requireManager(driver.regionId(), by);
    if (!"TRAINING".equals(kind) && !"ASSESSMENT".equals(kind) || heldOn == null || topic == null || topic.isBlank()) {
      throw new BusinessRuleException("vehicle.driverRecordInvalid");
    }
    long id = jdbc.sql("""
        insert into vehicle_driver_record (driver_id, kind, held_on, topic, result, recorded_by)
        values (:driver, :kind, :on, :topic, :result, :by) returning id""")
        .param("driver", driverId).param("kind", kind).param("on", Date.valueOf(heldOn)).param("topic", topic.trim())
        .param("result", result == null || result.isBlank() ? null : result.trim()).param("by", by.userId())
        .query(Long.class).single();
    audit.record(AuditEntry.created("vehicle_driver_record", id, driver.regionId(),
        Map.of("driverId", driverId, "kind", kind, "heldOn", heldOn.toString(), "topic", topic.trim())));
    return id;
  }

  /** The training and assessment records of the drivers, newest first, by driver id, in one query. */
  public Map<Long, List<DriverRecord>> records(java.util.Collection<Long> driverIds) {
    Map<Long, List<DriverRecord>> records = new java.util.HashMap<>();
    if (driverIds.isEmpty()) {
      return records;
    }
    jdbc.sql(
        "select * from vehicle_driver_record where driver_id = any(:ids) order by driver_id, held_on desc, id desc")
        .param("ids", driverIds.toArray(Long[]::new))
        .query((rs, n) -> new DriverRecord(rs.getLong("id"), rs.getLong("driver_id"), rs.getString("kind"),
            rs.getDate("held_on").toLocalDate(), rs.getString("topic"), rs.getString("result")))
        .list()
        .forEach(record -> records.computeIfAbsent(record.driverId(), id -> new java.util.ArrayList<>()).add(record));
    return records;
  }

  // ---- named places ---------------------------------------------------------------------------------------------

  /** 常用地点: a named place with coordinates that requests pick from. */
  public record Place(long id, long regionId, String name, double latitude, double longitude) {}

  public List<Place> places(long regionId) {
    return jdbc.sql("select * from vehicle_place where region_id = :region order by name").param("region", regionId)
        .query(Drivers::place).list();
  }

  /** Places of every region, for mutual-aid trips that leave the home region. */
  public List<Place> allPlaces() {
    return jdbc.sql("select * from vehicle_place order by region_id, name").query(Drivers::place).list();
  }

  public Place place(long id) {
    return jdbc.sql("select * from vehicle_place where id = :id").param("id", id).query(Drivers::place).optional()
        .orElseThrow(() -> new NotFoundException("vehiclePlace", id));
  }

  @Transactional
  public long addPlace(String name, double latitude, double longitude, CurrentUser by) {
    fleet.requireManager(by.regionId(), by);
    if (name == null || name.isBlank() || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
      throw new BusinessRuleException("vehicle.placeInvalid");
    }
    if (jdbc.sql("select count(*) from vehicle_place where region_id = :region and name = :name")
        .param("region", by.regionId()).param("name", name.trim()).query(Long.class).single() > 0) {
      throw new BusinessRuleException("vehicle.placeExists", name.trim());
    }
    long id = jdbc.sql(
        """
            insert into vehicle_place (region_id, name, latitude, longitude) values (:region, :name, :lat, :lon) returning id""")
        .param("region", by.regionId()).param("name", name.trim()).param("lat", latitude).param("lon", longitude)
        .query(Long.class).single();
    audit.record(AuditEntry.created("vehicle_place", id, by.regionId(),
        Map.of("name", name.trim(), "latitude", latitude, "longitude", longitude)));
    return id;
  }

  private static Place place(ResultSet rs, int n) throws SQLException {
    return new Place(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"), rs.getDouble("latitude"),
        rs.getDouble("longitude"));
  }

  private static Driver driver(ResultSet rs, int n) throws SQLException {
    Long userId = rs.getObject("user_id", Long.class);
    return new Driver(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("staff_id"), rs.getString("name"), userId,
        rs.getString("licence_class"), rs.getDate("licence_expires").toLocalDate(), rs.getBoolean("available"),
        rs.getTime("shift_start").toLocalTime(), rs.getTime("shift_end").toLocalTime());
  }
}
