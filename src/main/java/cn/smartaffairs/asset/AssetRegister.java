package cn.smartaffairs.asset;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.space.Room;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import cn.smartaffairs.vehicle.VehicleStatus;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 资产登记: the register of a region's assets. The region's administrators and asset managers register and change it;
 * a unit's head and liaison see their unit's assets, a staff member the assets they keep, a finance system's API key
 * its region's. Every read carries the book value at the end of the current month.
 */
@Service
public class AssetRegister {

  /** The class of vehicles (车辆) in the code table; a vehicle's asset belongs to it or to a class below it. */
  static final String VEHICLE_CLASS = "A020300";
  static final Pattern NUMBER = Pattern.compile("^[0-9A-Za-z-]{1,40}$");

  public static final SortKeys SORT_KEYS = SortKeys.builder()
      .ascending("number", "a.number")
      .ascending("name", SortKeys.pinyin("a.name"))
      .ascending("class", "a.class_code")
      .descending("purchased", "a.purchased_on")
      .descending("value", "a.original_value_fen")
      .ascending("unit", "u.sort_order")
      .ascending("status", "a.status")
      .byDefault("number").tieBreaker("a.id");

  private static final String COLUMNS = """
      select a.*, u.name as unit_name, p.name as keeper_name,
             (select c.name from asset_class c where c.code = a.class_code and c.effective_from <= :today
               order by c.effective_from desc limit 1) as class_name
        from asset a join org_unit u on u.id = a.unit_id left join org_person p on p.id = a.keeper_staff_id""";

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final AssetClasses classes;
  private final LifeRules lives;
  private final SpaceRegister space;
  private final Fleet fleet;
  private final Clock clock;

  AssetRegister(JdbcClient jdbc, AuditTrail audit, AssetClasses classes, LifeRules lives, SpaceRegister space,
      Fleet fleet, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.classes = classes;
    this.lives = lives;
    this.space = space;
    this.fleet = fleet;
    this.clock = clock;
  }

  /** Who keeps the register: the platform administrator, region administrators and asset managers. */
  public static DataScope editScope(CurrentUser user) {
    return user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.ASSET_MANAGER);
  }

  /** Whose assets a caller sees: the keepers, their units' heads and liaisons, the region (an API key's too). */
  public static DataScope viewScope(CurrentUser user) {
    if (user.isApiKey()) {
      return user.dataScope();
    }
    return user.dataScopeAs(Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.ASSET_MANAGER, Role.UNIT_HEAD,
        Role.UNIT_LIAISON, Role.STAFF, Role.DRIVER, Role.REPAIR_WORKER);
  }

  public LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  /** What the list is narrowed to; nulls for no narrowing. The class takes its sub-classes with it. */
  public record Filter(String classCode, Long unitId, AssetStatus status, Long roomId) {

    public static final Filter NONE = new Filter(null, null, null, null);
  }

  /** One page of the assets the caller sees. */
  public Page<Asset> search(Filter filter, ListQuery query, CurrentUser viewer) {
    if (filter.classCode() != null && !filter.classCode().isBlank()
        && !AssetClasses.CODE.matcher(filter.classCode().strip()).matches()) {
      throw new BusinessRuleException("asset.class.codeInvalid", filter.classCode().strip());
    }
    String where = " where " + DataScope.sqlCondition("a.region_id", "a.unit_id", "a.keeper_staff_id")
        + " and (cast(:classPrefix as varchar) is null or a.class_code like :classPrefix)"
        + " and (cast(:unit as bigint) is null or a.unit_id = :unit)"
        + " and (cast(:status as varchar) is null or a.status = :status)"
        + " and (cast(:room as bigint) is null or a.location_room_id = :room)"
        + " and (cast(:keyword as varchar) is null or a.number ilike :keyword or a.name ilike :keyword"
        + " or a.serial_no ilike :keyword or a.spec_model ilike :keyword)";
    MapSqlParameterSource params = viewScope(viewer).bind(new MapSqlParameterSource())
        .addValue("classPrefix", filter.classCode() == null || filter.classCode().isBlank()
            ? null
            : AssetClass.familyPrefix(filter.classCode().strip()) + "%")
        .addValue("unit", filter.unitId())
        .addValue("status", filter.status() == null ? null : filter.status().name())
        .addValue("room", filter.roomId())
        .addValue("keyword", query.likePattern())
        .addValue("today", Date.valueOf(today()));
    long total = jdbc.sql("select count(*) from asset a join org_unit u on u.id = a.unit_id" + where)
        .paramSource(params).query(Long.class).single();
    ListQuery shown = query.within(total);
    YearMonth month = YearMonth.from(today());
    List<Asset> rows = jdbc.sql(COLUMNS + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .paramSource(params.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query((rs, n) -> map(rs, month)).list();
    return shown.pageOf(withLocations(rows, viewer), total);
  }

  /** One asset the caller sees; any other answers 404. */
  public Asset get(long id, CurrentUser viewer) {
    MapSqlParameterSource params = viewScope(viewer).bind(new MapSqlParameterSource("id", id))
        .addValue("today", Date.valueOf(today()));
    YearMonth month = YearMonth.from(today());
    Asset asset = jdbc.sql(COLUMNS + " where a.id = :id and "
        + DataScope.sqlCondition("a.region_id", "a.unit_id", "a.keeper_staff_id")).paramSource(params)
        .query((rs, n) -> map(rs, month)).optional().orElseThrow(() -> new NotFoundException("资产", id));
    return withLocations(List.of(asset), viewer).get(0);
  }

  /** Whether the caller may change the asset (register, move, label). */
  public boolean editable(Asset asset, CurrentUser user) {
    return editScope(user).permits(asset.regionId(), null, null);
  }

  /** The ids of the vehicles of a scope that are already on the register. */
  public List<Long> registeredVehicles(CurrentUser viewer) {
    return jdbc.sql("select vehicle_id from asset a where vehicle_id is not null and "
        + DataScope.sqlCondition("a.region_id", null, null))
        .paramSource(editScope(viewer).bind(new MapSqlParameterSource())).query(Long.class).list();
  }

  /** A person who may keep an asset: name and unit. */
  public record Keeper(long id, String label) {}

  /** The active people of the regions the caller keeps the register of, by unit and name. */
  public List<Keeper> keeperChoices(CurrentUser by) {
    return jdbc.sql("select p.id, p.name, u.name as unit_name from org_person p join org_unit u on u.id = p.unit_id"
        + " where p.status = 'ACTIVE' and " + DataScope.sqlCondition("p.region_id", null, null)
        + " order by u.sort_order, " + SortKeys.pinyin("p.name") + ", p.id")
        .paramSource(editScope(by).bind(new MapSqlParameterSource()))
        .query((rs, n) -> new Keeper(rs.getLong("id"), rs.getString("name") + " · " + rs.getString("unit_name")))
        .list();
  }

  /** The active people of one unit, by name: who may be issued its assets. */
  public List<Keeper> keepersOf(long unitId) {
    return jdbc.sql("select p.id, p.name from org_person p where p.status = 'ACTIVE' and p.unit_id = :unit order by "
        + SortKeys.pinyin("p.name") + ", p.id").param("unit", unitId)
        .query((rs, n) -> new Keeper(rs.getLong("id"), rs.getString("name"))).list();
  }

  /** Registers an asset of a unit the caller's region keeps; refused, naming the rule, when a field breaks one. */
  @Transactional
  public long register(NewAsset draft, CurrentUser by) {
    DataScope managed = editScope(by);
    if (!managed.isRegionWide()) {
      throw new cn.smartaffairs.platform.ForbiddenException();
    }
    LocalDate today = today();
    Vehicle vehicle = null;
    Long unitId = draft.unitId();
    LocalDate purchasedOn = draft.purchasedOn();
    Long valueFen = draft.originalValueFen();
    String name = trimmed(draft.name());
    String specModel = trimmed(draft.specModel());
    String serialNo = trimmed(draft.serialNo());
    if (draft.vehicleId() != null) {
      vehicle = fleet.get(draft.vehicleId(), managed);
      if (vehicle.status() == VehicleStatus.DISPOSED) {
        throw new BusinessRuleException("asset.vehicleDisposed", vehicle.plate());
      }
      if (unitId != null && unitId != vehicle.unitId()) {
        throw new BusinessRuleException("asset.vehicleUnitDiffers", vehicle.plate(), vehicle.unitName());
      }
      unitId = vehicle.unitId();
      purchasedOn = vehicle.purchasedOn();
      valueFen = vehicle.priceFen();
      name = name == null ? vehicle.brand() + " " + vehicle.model() : name;
      specModel = specModel == null ? vehicle.model() : specModel;
      serialNo = serialNo == null ? vehicle.plate() : serialNo;
    }
    if (unitId == null) {
      throw new BusinessRuleException("asset.unitRequired");
    }
    long unit = unitId;
    long regionId = jdbc.sql("select region_id from org_unit where id = :id").param("id", unit).query(Long.class)
        .optional().filter(region -> managed.permits(region, null, null))
        .orElseThrow(() -> new NotFoundException("单位", unit));
    if (name == null || name.length() > 100) {
      throw new BusinessRuleException("asset.nameRequired");
    }
    if (purchasedOn == null || purchasedOn.isAfter(today)) {
      throw new BusinessRuleException("asset.purchaseDateInvalid");
    }
    if (valueFen == null || valueFen < 0) {
      throw new BusinessRuleException("asset.valueInvalid");
    }
    if (specModel != null && specModel.length() > 100 || serialNo != null && serialNo.length() > 60) {
      throw new BusinessRuleException("asset.textTooLong");
    }
    AssetClass assetClass = classes.inForce(draft.classCode(), today).orElseThrow(
        () -> new BusinessRuleException("asset.classUnknown", draft.classCode() == null ? "" : draft.classCode()));
    if (vehicle != null && !assetClass.code().startsWith(AssetClass.familyPrefix(VEHICLE_CLASS))) {
      throw new BusinessRuleException("asset.vehicleClassRequired", assetClass.name());
    }
    Integer life = null;
    if (assetClass.depreciated()) {
      var rule = lives.lifeOf(regionId, assetClass.code(), purchasedOn);
      if (rule.isEmpty() && draft.lifeMonths() == null) {
        throw new BusinessRuleException("asset.lifeUnknown", assetClass.name());
      }
      int shortest = rule.map(LifeRules.LifeRule::lifeMonths).orElse(1);
      if (draft.lifeMonths() != null && (draft.lifeMonths() < shortest || draft.lifeMonths() > 1200)) {
        throw new BusinessRuleException("asset.lifeBelowRule", assetClass.name(), shortest);
      }
      life = draft.lifeMonths() == null ? shortest : draft.lifeMonths();
    }
    if (draft.keeperStaffId() != null) {
      boolean keeperInRegion = jdbc.sql("""
          select count(*) from org_person where id = :id and region_id = :region and status = 'ACTIVE'""")
          .param("id", draft.keeperStaffId()).param("region", regionId).query(Long.class).single() > 0;
      if (!keeperInRegion) {
        throw new BusinessRuleException("asset.keeperUnknown");
      }
    }
    if (draft.locationRoomId() != null) {
      Room room = space.room(draft.locationRoomId(), by);
      if (room.regionId() != regionId) {
        throw new BusinessRuleException("asset.roomOutsideRegion");
      }
    }
    AssetStatus status = draft.status() == null ? AssetStatus.IN_USE : draft.status();
    if (!AssetStatus.initial().contains(status)) {
      throw new BusinessRuleException("asset.initialStatusRefused");
    }
    FundingSource funding = draft.fundingSource() == null ? FundingSource.FISCAL : draft.fundingSource();
    String number = trimmed(draft.number());
    if (number == null) {
      number = nextNumber(regionId, today.getYear());
    } else if (!NUMBER.matcher(number).matches()) {
      throw new BusinessRuleException("asset.numberInvalid");
    }
    long id;
    try {
      id = jdbc.sql("""
          insert into asset (region_id, number, name, class_code, spec_model, serial_no, purchased_on,
                             original_value_fen, funding_source, depreciated, life_months, unit_id, keeper_staff_id,
                             location_room_id, vehicle_id, status, status_since, created_by)
          values (:region, :number, :name, :class, :spec, :serial, :purchased, :value, :funding, :depreciated,
                  :life, :unit, :keeper, :room, :vehicle, :status, :since, :by) returning id""")
          .param("region", regionId).param("number", number).param("name", name).param("class", assetClass.code())
          .param("spec", specModel).param("serial", serialNo).param("purchased", Date.valueOf(purchasedOn))
          .param("value", valueFen).param("funding", funding.name()).param("depreciated", assetClass.depreciated())
          .param("life", life).param("unit", unit).param("keeper", draft.keeperStaffId())
          .param("room", draft.locationRoomId()).param("vehicle", vehicle == null ? null : vehicle.id())
          .param("status", status.name()).param("since", Date.valueOf(today)).param("by", by.userId())
          .query(Long.class).single();
    } catch (DataIntegrityViolationException e) {
      String constraint = Violations.constraintName(e).orElse("");
      if (constraint.equals("asset_number_unique")) {
        throw new ConflictException("asset.numberTaken", number);
      }
      if (constraint.equals("asset_vehicle_unique")) {
        throw new ConflictException("asset.vehicleRegistered", vehicle == null ? "" : vehicle.plate());
      }
      throw e;
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("number", number);
    after.put("name", name);
    after.put("classCode", assetClass.code());
    after.put("purchasedOn", purchasedOn.toString());
    after.put("originalValueFen", valueFen);
    after.put("lifeMonths", life);
    after.put("unitId", unit);
    after.put("keeperStaffId", draft.keeperStaffId());
    after.put("locationRoomId", draft.locationRoomId());
    after.put("vehicleId", vehicle == null ? null : vehicle.id());
    after.put("status", status.name());
    audit.record(AuditEntry.created("asset", id, regionId, after));
    return id;
  }

  /** Moves an asset to another status when its status allows it and nobody changed it since {@code version}. */
  @Transactional
  public void changeStatus(long id, AssetStatus target, int version, CurrentUser by) {
    Asset asset = get(id, by);
    if (!editable(asset, by)) {
      throw new cn.smartaffairs.platform.ForbiddenException();
    }
    int locked = jdbc.sql("select version from asset where id = :id for update").param("id", id)
        .query(Integer.class).single();
    if (locked != version) {
      throw new ConflictException("asset.changedMeanwhile", asset.number());
    }
    AssetStatus next = asset.moveTo(target);
    jdbc.sql("update asset set status = :status, status_since = :since, version = version + 1 where id = :id")
        .param("status", next.name()).param("since", Date.valueOf(today())).param("id", id).update();
    audit.record(AuditEntry.updated("asset", id, asset.regionId(), Map.of("status", asset.status().name()),
        Map.of("status", next.name())));
  }

  private String nextNumber(long regionId, int year) {
    int next = jdbc.sql("""
        insert into asset_number_counter (region_id, year, last) values (:region, :year, 1)
        on conflict (region_id, year) do update set last = asset_number_counter.last + 1 returning last""")
        .param("region", regionId).param("year", year).query(Integer.class).single();
    return "ZC-%d-%06d".formatted(year, next);
  }

  /** The rooms' names (building and number) for the rows, from the space register as the viewer sees it. */
  private List<Asset> withLocations(List<Asset> rows, CurrentUser viewer) {
    if (rows.stream().allMatch(a -> a.locationRoomId() == null)) {
      return rows;
    }
    Map<Long, String> names = new HashMap<>();
    space.rooms(viewer).forEach(r -> names.put(r.id(), r.buildingName() + " " + r.number()));
    return rows.stream().map(a -> a.locationRoomId() == null ? a : a.withLocationName(names.get(a.locationRoomId())))
        .toList();
  }

  private static String trimmed(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private static Asset map(ResultSet rs, YearMonth month) throws SQLException {
    boolean depreciated = rs.getBoolean("depreciated");
    Integer life = rs.getObject("life_months", Integer.class);
    long value = rs.getLong("original_value_fen");
    LocalDate purchased = rs.getDate("purchased_on").toLocalDate();
    return new Asset(rs.getLong("id"), rs.getLong("region_id"), rs.getString("number"), rs.getString("name"),
        rs.getString("class_code"), rs.getString("class_name"), rs.getString("spec_model"), rs.getString("serial_no"),
        purchased, value, FundingSource.valueOf(rs.getString("funding_source")), depreciated, life,
        rs.getLong("unit_id"), rs.getString("unit_name"), rs.getObject("keeper_staff_id", Long.class),
        rs.getString("keeper_name"), rs.getObject("location_room_id", Long.class), null,
        rs.getObject("vehicle_id", Long.class), AssetStatus.valueOf(rs.getString("status")),
        rs.getDate("status_since").toLocalDate(), rs.getInt("version"),
        Depreciation.at(value, purchased, depreciated, life, month));
  }
}
