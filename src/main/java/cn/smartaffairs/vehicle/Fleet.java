package cn.smartaffairs.vehicle;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.vehicle.VehicleRules.Key;
import cn.smartaffairs.vehicle.VehicleRules.RuleValue;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 车辆管理: the fleet in the caller's scope, registering a vehicle within its unit's quota (编制) and its category's
 * price and displacement caps, status changes, holiday sealing, disposal and replacement eligibility.
 */
@Service
public class Fleet {

  private static final Role[] MANAGERS = {Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.VEHICLE_MANAGER};

  static final String VEHICLE = "select v.*, u.name as unit_name from vehicle v join org_unit u on u.id = v.unit_id";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final VehicleRules rules;
  private final Clock clock;

  Fleet(JdbcClient jdbc, AuditTrail audit, VehicleRules rules, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.rules = rules;
    this.clock = clock;
  }

  /** The vehicles the caller's scope reaches, optionally of one status, by region, unit and plate. */
  public List<Vehicle> list(DataScope scope, VehicleStatus status) {
    MapSqlParameterSource params = scope.bind(new MapSqlParameterSource())
        .addValue("status", status == null ? null : status.name());
    return jdbc.sql(VEHICLE + " where " + DataScope.sqlCondition("v.region_id", "v.unit_id", null)
        + " and (cast(:status as varchar) is null or v.status = :status) order by v.region_id, u.sort_order, v.plate")
        .paramSource(params).query(Fleet::vehicle).list();
  }

  /** One vehicle in the caller's scope; any other answers 404. */
  public Vehicle get(long id, DataScope scope) {
    return jdbc.sql(VEHICLE + " where v.id = :id and " + DataScope.sqlCondition("v.region_id", "v.unit_id", null))
        .paramSource(scope.bind(new MapSqlParameterSource("id", id))).query(Fleet::vehicle).optional()
        .orElseThrow(() -> new NotFoundException("vehicle", id));
  }

  /** The vehicles of the ids that exist, by id, in one query. */
  Map<Long, Vehicle> get(java.util.Collection<Long> ids) {
    Map<Long, Vehicle> byId = new java.util.HashMap<>();
    if (!ids.isEmpty()) {
      jdbc.sql(VEHICLE + " where v.id = any(:ids)").param("ids", ids.stream().distinct().toArray(Long[]::new))
          .query(Fleet::vehicle).list().forEach(v -> byId.put(v.id(), v));
    }
    return byId;
  }

  Vehicle get(long id) {
    return jdbc.sql(VEHICLE + " where v.id = :id").param("id", id).query(Fleet::vehicle).optional()
        .orElseThrow(() -> new NotFoundException("vehicle", id));
  }

  /**
   * Registers a vehicle for a unit of a region the caller manages. Refused, naming the rule, when the plate is not a
   * Chinese plate, the brand is foreign, the unit's quota for the category is full, or price or displacement exceed
   * the category's cap in force on the purchase date.
   */
  @Transactional
  public Vehicle register(NewVehicle draft, CurrentUser by) {
    if (draft.unitId() == null) {
      throw new BusinessRuleException("vehicle.unitRequired");
    }
    DataScope managed = managedBy(by);
    var unit = jdbc.sql("select id, region_id, name from org_unit where id = :id").param("id", draft.unitId())
        .query((rs, n) -> new Object[] {rs.getLong("region_id"), rs.getString("name")}).optional()
        .filter(row -> managed.permits((Long) row[0], null, null))
        .orElseThrow(() -> new NotFoundException("unit", draft.unitId()));
    long regionId = (Long) unit[0];
    String unitName = (String) unit[1];
    PlateNumber plate = PlateNumber.parse(draft.plate());
    VehicleCategory category = draft.category();
    if (category == null || blank(draft.brand()) || blank(draft.model()) || draft.priceFen() == null
        || draft.priceFen() <= 0 || draft.seats() == null || draft.seats() < 2 || draft.seats() > 60
        || draft.purchasedOn() == null || blank(draft.parkingPlace()) || draft.parkingLat() == null
        || draft.parkingLon() == null || draft.insuranceUntil() == null || draft.inspectionUntil() == null) {
      throw new BusinessRuleException("vehicle.fieldsRequired");
    }
    if (!draft.newEnergy() && draft.displacementMl() == null) {
      throw new BusinessRuleException("vehicle.displacementRequired");
    }
    if (!draft.domestic()) {
      throw new BusinessRuleException("vehicle.notDomestic", draft.brand());
    }
    checkCaps(category, draft.newEnergy(), draft.priceFen(), draft.displacementMl(), regionId, draft.purchasedOn());
    // the quota row is locked so two registrations cannot both take the last place
    int quota = jdbc.sql("select quota from vehicle_quota where unit_id = :unit and category = :category for update")
        .param("unit", draft.unitId()).param("category", category.name()).query(Integer.class).optional().orElse(0);
    long held = jdbc
        .sql("select count(*) from vehicle where unit_id = :unit and category = :category and status <> 'DISPOSED'")
        .param("unit", draft.unitId()).param("category", category.name()).query(Long.class).single();
    if (held >= quota) {
      throw new BusinessRuleException("vehicle.overQuota", unitName, categoryLabel(category), quota, held);
    }
    boolean plateTaken = jdbc.sql("select count(*) from vehicle where plate = :plate").param("plate", plate.value())
        .query(Long.class).single() > 0;
    if (plateTaken) {
      throw new ConflictException("vehicle.plateTaken", plate.value());
    }
    long id = jdbc.sql("""
        insert into vehicle (region_id, unit_id, plate, category, brand, model, domestic, new_energy, displacement_ml,
                             price_fen, seats, purchased_on, odometer_km, parking_place, parking_lat, parking_lon,
                             insurance_until, inspection_until)
        values (:region, :unit, :plate, :category, :brand, :model, :domestic, :nev, :displacement, :price, :seats,
                :purchased, :odometer, :parking, :lat, :lon, :insurance, :inspection) returning id""")
        .param("region", regionId).param("unit", draft.unitId()).param("plate", plate.value())
        .param("category", category.name()).param("brand", draft.brand().trim()).param("model", draft.model().trim())
        .param("domestic", draft.domestic()).param("nev", draft.newEnergy())
        .param("displacement", draft.displacementMl())
        .param("price", draft.priceFen()).param("seats", draft.seats())
        .param("purchased", Date.valueOf(draft.purchasedOn()))
        .param("odometer", draft.odometerKm() == null ? 0 : draft.odometerKm())
        .param("parking", draft.parkingPlace().trim()).param("lat", draft.parkingLat()).param("lon", draft.parkingLon())
        .param("insurance", Date.valueOf(draft.insuranceUntil()))
        .param("inspection", Date.valueOf(draft.inspectionUntil()))
        .query(Long.class).single();
    Vehicle vehicle = get(id);
    audit.record(AuditEntry.created("vehicle", id, regionId, vehicle));
    return vehicle;
  }

  /** The caps of RULES §2 in force on the purchase date; a new-energy car may use the NEV cap where it is higher. */
  void checkCaps(VehicleCategory category, boolean newEnergy, long priceFen, Integer displacementMl, long regionId,
      LocalDate purchasedOn) {
    RuleValue priceCap = rules.required(Key.PRICE_CAP_FEN, category, regionId, purchasedOn);
    RuleValue cap = priceCap;
    if (newEnergy) {
      RuleValue nevCap = rules.inForce(Key.NEV_PRICE_CAP_FEN, category, regionId, purchasedOn).orElse(null);
      if (nevCap != null && nevCap.value().compareTo(priceCap.value()) > 0) {
        cap = nevCap;
      }
    }
    if (BigDecimal.valueOf(priceFen).compareTo(cap.value()) > 0) {
      throw new BusinessRuleException("vehicle.overPriceCap", Money.ofFen(priceFen).plain(), categoryLabel(category),
          Money.ofFen(cap.value().longValue()).plain(), source(cap));
    }
    if (displacementMl != null) {
      RuleValue displacementCap = rules.required(Key.DISPLACEMENT_CAP_ML, category, regionId, purchasedOn);
      if (BigDecimal.valueOf(displacementMl).compareTo(displacementCap.value()) > 0) {
        throw new BusinessRuleException("vehicle.overDisplacementCap", litres(displacementMl), categoryLabel(category),
            litres(displacementCap.value().intValue()), source(displacementCap));
      }
    }
  }

  /** Moves a vehicle between 在用, 维修, 封存 and 待处置; 已处置 only through {@link #dispose}. */
  @Transactional
  public void changeStatus(long id, VehicleStatus status, CurrentUser by) {
    Vehicle vehicle = get(id, by.dataScope());
    requireManager(vehicle.regionId(), by);
    if (status == null || status == VehicleStatus.DISPOSED || vehicle.status() == VehicleStatus.DISPOSED) {
      throw new ConflictException("vehicle.statusChangeNotAllowed", vehicle.plate());
    }
    jdbc.sql("update vehicle set status = :status, version = version + 1 where id = :id")
        .param("status", status.name()).param("id", id).update();
    audit.record(AuditEntry.updated("vehicle", id, vehicle.regionId(), Map.of("status", vehicle.status().name()),
        Map.of("status", status.name())));
  }

  /** 处置: records how a vehicle left the fleet; it no longer counts against the quota. */
  @Transactional
  public void dispose(long id, LocalDate disposedOn, String method, String reason, long proceedsFen, CurrentUser by) {
    Vehicle vehicle = get(id, by.dataScope());
    requireManager(vehicle.regionId(), by);
    if (vehicle.status() == VehicleStatus.DISPOSED) {
      throw new ConflictException("vehicle.alreadyDisposed", vehicle.plate());
    }
    if (disposedOn == null || blank(reason) || method == null
        || !List.of("AUCTION", "SCRAP", "TRANSFER").contains(method)
        || proceedsFen < 0) {
      throw new BusinessRuleException("vehicle.disposalInvalid");
    }
    jdbc.sql("""
        insert into vehicle_disposal (vehicle_id, disposed_on, method, reason, proceeds_fen, recorded_by)
        values (:id, :on, :method, :reason, :proceeds, :by)""")
        .param("id", id).param("on", Date.valueOf(disposedOn)).param("method", method).param("reason", reason.trim())
        .param("proceeds", proceedsFen).param("by", by.userId()).update();
    jdbc.sql("update vehicle set status = 'DISPOSED', version = version + 1 where id = :id").param("id", id).update();
    audit.record(AuditEntry.updated("vehicle", id, vehicle.regionId(), Map.of("status", vehicle.status().name()),
        Map.of("status", "DISPOSED", "method", method, "reason", reason.trim(), "proceedsFen", proceedsFen)));
  }

  /** 节假日封存: seals a vehicle in its designated place for the given days. */
  @Transactional
  public long seal(long id, LocalDate from, LocalDate to, CurrentUser by) {
    Vehicle vehicle = get(id, by.dataScope());
    requireManager(vehicle.regionId(), by);
    if (from == null || to == null || to.isBefore(from)) {
      throw new BusinessRuleException("vehicle.sealInvalid");
    }
    long sealId = jdbc.sql(
        """
            insert into vehicle_seal (vehicle_id, sealed_from, sealed_to, sealed_by) values (:id, :from, :to, :by) returning id""")
        .param("id", id).param("from", Date.valueOf(from)).param("to", Date.valueOf(to)).param("by", by.userId())
        .query(Long.class).single();
    audit.record(AuditEntry.created("vehicle_seal", sealId, vehicle.regionId(),
        Map.of("vehicle", vehicle.plate(), "from", from.toString(), "to", to.toString())));
    return sealId;
  }

  /**
   * The most passengers one vehicle of the category takes in the region (seats less the driver's), counting vehicles
   * in repair or sealed for now, which come back; empty when the region has none of the category.
   */
  java.util.OptionalInt mostPassengers(long regionId, VehicleCategory category) {
    Integer seats = jdbc.sql("""
        select max(seats) - 1 from vehicle where region_id = :region and category = :category
           and status in ('IN_SERVICE', 'REPAIR', 'SEALED')""")
        .param("region", regionId).param("category", category.name()).query(Integer.class).single();
    return seats == null ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(seats);
  }

  /** The sealing periods of the vehicles that touch the days (both included), by vehicle id; one query. */
  Map<Long, List<VehicleEligibility.SealedDays>> seals(java.util.Collection<Long> vehicleIds, LocalDate from,
      LocalDate to) {
    Map<Long, List<VehicleEligibility.SealedDays>> seals = new java.util.HashMap<>();
    if (vehicleIds.isEmpty()) {
      return seals;
    }
    jdbc.sql("""
        select vehicle_id, sealed_from, sealed_to from vehicle_seal
         where vehicle_id = any(:ids) and sealed_from <= :to and sealed_to >= :from""")
        .param("ids", vehicleIds.toArray(Long[]::new)).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
        .query((rs, n) -> {
          seals.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(new VehicleEligibility.SealedDays(
              rs.getDate(2).toLocalDate(), rs.getDate(3).toLocalDate()));
          return null;
        }).list();
    return seals;
  }

  /** The sealing periods of one vehicle that touch the days (both included). */
  public List<VehicleEligibility.SealedDays> seals(long vehicleId, LocalDate from, LocalDate to) {
    return seals(List.of(vehicleId), from, to).getOrDefault(vehicleId, List.of());
  }

  /** Whether the vehicle has reached the replacement age or mileage in force (it may be replaced, not must). */
  public List<String> replacementReasons(Vehicle vehicle) {
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    List<String> reasons = new ArrayList<>();
    double years = rules.number(Key.REPLACEMENT_AGE_YEARS, vehicle.regionId(), today);
    double km = rules.number(Key.REPLACEMENT_KM, vehicle.regionId(), today);
    if (Period.between(vehicle.purchasedOn(), today).getYears() >= years) {
      reasons.add("AGE");
    }
    if (vehicle.odometerKm() >= km) {
      reasons.add("MILEAGE");
    }
    return reasons;
  }

  // ---- quotas -------------------------------------------------------------------------------------------------

  /** 编制 of one unit and category with the vehicles held against it. */
  public record Quota(long unitId, String unitName, VehicleCategory category, int quota, long held) {}

  public List<Quota> quotas(DataScope scope) {
    return jdbc
        .sql("""
            select q.unit_id, u.name as unit_name, q.category, q.quota,
                   (select count(*) from vehicle v where v.unit_id = q.unit_id and v.category = q.category
                       and v.status <> 'DISPOSED') as held
              from vehicle_quota q join org_unit u on u.id = q.unit_id
             where %s order by u.region_id, u.sort_order, q.category"""
            .formatted(DataScope.sqlCondition("u.region_id", "u.id", null)))
        .paramSource(scope.bind(new MapSqlParameterSource()))
        .query((rs, n) -> new Quota(rs.getLong("unit_id"), rs.getString("unit_name"),
            VehicleCategory.valueOf(rs.getString("category")), rs.getInt("quota"), rs.getLong("held")))
        .list();
  }

  /** Sets a unit's quota for a category; it may not fall below the vehicles the unit already holds. */
  @Transactional
  public void setQuota(long unitId, VehicleCategory category, int quota, CurrentUser by) {
    long regionId = managedUnitRegion(unitId, by);
    if (category == null || quota < 0 || quota > 500) {
      throw new BusinessRuleException("vehicle.quotaInvalid");
    }
    long held = jdbc
        .sql("select count(*) from vehicle where unit_id = :unit and category = :category and status <> 'DISPOSED'")
        .param("unit", unitId).param("category", category.name()).query(Long.class).single();
    if (quota < held) {
      throw new BusinessRuleException("vehicle.quotaBelowHeld", quota, held);
    }
    Integer before = jdbc.sql("select quota from vehicle_quota where unit_id = :unit and category = :category")
        .param("unit", unitId).param("category", category.name()).query(Integer.class).optional().orElse(null);
    jdbc.sql("""
        insert into vehicle_quota (unit_id, category, quota) values (:unit, :category, :quota)
        on conflict (unit_id, category) do update set quota = excluded.quota, updated_at = now()""")
        .param("unit", unitId).param("category", category.name()).param("quota", quota).update();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("unitId", unitId);
    after.put("category", category.name());
    after.put("quota", quota);
    // a quota is a unit's (its category is in the states): the trail names the unit, not a code made of both
    audit.record(before == null
        ? AuditEntry.created("vehicle_quota", unitId, regionId, after)
        : AuditEntry.updated("vehicle_quota", unitId, regionId, Map.of("quota", before), after));
  }

  /** The region of a unit the caller manages vehicles in; another region's unit answers 404 as an unknown one. */
  long managedUnitRegion(long unitId, CurrentUser by) {
    DataScope managed = managedBy(by);
    return jdbc.sql("select region_id from org_unit where id = :id").param("id", unitId).query(Long.class).optional()
        .filter(regionId -> managed.permits(regionId, null, null))
        .orElseThrow(() -> new NotFoundException("unit", unitId));
  }

  void requireManager(long regionId, CurrentUser by) {
    if (!managedBy(by).permits(regionId, null, null)) {
      throw new ForbiddenException();
    }
  }

  /**
   * Where the caller manages vehicles. For a record named by an id the caller gives, check this scope instead of
   * {@link #requireManager} and answer 404 outside it, as for an unknown id; a caller who manages nowhere is refused
   * (403) before any id is looked up, so neither answer tells whether the id exists.
   */
  DataScope managedBy(CurrentUser by) {
    if (!by.hasAny(MANAGERS)) {
      throw new ForbiddenException();
    }
    return by.dataScopeAs(MANAGERS);
  }

  static String categoryLabel(VehicleCategory category) {
    return switch (category) {
      case CONFIDENTIAL -> "机要通信";
      case EMERGENCY -> "应急保障";
      case LAW_ENFORCEMENT -> "执法执勤";
      case SPECIAL -> "特种专业技术";
      case OTHER -> "其他按规定配备";
    };
  }

  private static String source(RuleValue rule) {
    return rule.source() == null
        ? rule.key().name() + " (" + rule.effectiveFrom() + ")"
        : rule.source() + "，" + rule.effectiveFrom() + "起施行";
  }

  private static String litres(int millilitres) {
    return BigDecimal.valueOf(millilitres, 3).stripTrailingZeros().toPlainString() + "L";
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank();
  }

  static Vehicle vehicle(ResultSet rs, int row) throws SQLException {
    Integer displacementMl = rs.getObject("displacement_ml", Integer.class);
    return new Vehicle(rs.getLong("id"), rs.getLong("region_id"), rs.getLong("unit_id"), rs.getString("unit_name"),
        rs.getString("plate"), VehicleCategory.valueOf(rs.getString("category")), rs.getString("brand"),
        rs.getString("model"), rs.getBoolean("domestic"), rs.getBoolean("new_energy"), displacementMl,
        rs.getLong("price_fen"), rs.getInt("seats"), rs.getDate("purchased_on").toLocalDate(), rs.getInt("odometer_km"),
        rs.getString("parking_place"), rs.getDouble("parking_lat"), rs.getDouble("parking_lon"),
        VehicleStatus.valueOf(rs.getString("status")), rs.getDate("insurance_until").toLocalDate(),
        rs.getDate("inspection_until").toLocalDate());
  }
}
