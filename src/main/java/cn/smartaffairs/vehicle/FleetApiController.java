package cn.smartaffairs.vehicle;

import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The fleet, its quotas and rule tables, drivers and named places. */
@RestController
@Tag(name = "公务用车·车辆 Official vehicles: fleet")
@SecurityRequirement(name = "bearer")
class FleetApiController {

  private final Fleet fleet;
  private final Drivers drivers;
  private final VehicleRules rules;
  private final VehicleCompliance compliance;

  FleetApiController(Fleet fleet, Drivers drivers, VehicleRules rules, VehicleCompliance compliance) {
    this.fleet = fleet;
    this.drivers = drivers;
    this.rules = rules;
    this.compliance = compliance;
  }

  @GetMapping("/api/v1/vehicles")
  @Operation(summary = "车辆列表 The fleet in the caller's data scope", description = "status: IN_SERVICE, REPAIR, SEALED, PENDING_DISPOSAL, DISPOSED (optional).")
  List<Vehicle> vehicles(@RequestParam(required = false) VehicleStatus status) {
    return fleet.list(CurrentUsers.scope(), status);
  }

  @PostMapping("/api/v1/vehicles")
  @Operation(summary = "登记车辆 Register a vehicle (vehicle managers and admins of the unit's region)", description = "Answers 201; 400 naming the rule broken: plate format, foreign brand, over the unit's quota (编制) "
      + "for the category, over the category's price or displacement cap in force on the purchase date. "
      + "priceFen excludes purchase tax; displacementMl may be null for a battery car.")
  ResponseEntity<Vehicle> register(@RequestBody NewVehicle vehicle) {
    Vehicle created = fleet.register(vehicle, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/vehicles/" + created.id())).body(created);
  }

  /** A vehicle with its compliance flags and replacement eligibility. */
  record VehicleDetail(Vehicle vehicle, List<VehicleCompliance.Flag> flags, List<String> replacementReasons) {}

  @GetMapping("/api/v1/vehicles/{id}")
  @Operation(summary = "车辆详情 A vehicle with its compliance flags and replacement eligibility (AGE, MILEAGE)")
  VehicleDetail vehicle(@PathVariable long id) {
    Vehicle vehicle = fleet.get(id, CurrentUsers.scope());
    return new VehicleDetail(vehicle, compliance.flagsOf(vehicle.id()), fleet.replacementReasons(vehicle));
  }

  record StatusChange(VehicleStatus status) {}

  @PutMapping("/api/v1/vehicles/{id}/status")
  @Operation(summary = "变更车辆状态 在用/维修/封存/待处置 (已处置 only by a disposal record)")
  VehicleDetail status(@PathVariable long id, @RequestBody StatusChange change) {
    fleet.changeStatus(id, change.status(), CurrentUsers.current());
    return vehicle(id);
  }

  record Disposal(LocalDate disposedOn, String method, String reason, long proceedsFen) {}

  @PostMapping("/api/v1/vehicles/{id}/disposal")
  @Operation(summary = "车辆处置 Record a disposal (method AUCTION, SCRAP or TRANSFER)")
  VehicleDetail dispose(@PathVariable long id, @RequestBody Disposal disposal) {
    fleet.dispose(id, disposal.disposedOn(), disposal.method(), disposal.reason(), disposal.proceedsFen(),
        CurrentUsers.current());
    return vehicle(id);
  }

  record Seal(LocalDate from, LocalDate to) {}

  @PostMapping("/api/v1/vehicles/{id}/seals")
  @Operation(summary = "节假日封存 Seal a vehicle in its designated place for the given days")
  Map<String, Long> seal(@PathVariable long id, @RequestBody Seal seal) {
    return Map.of("id", fleet.seal(id, seal.from(), seal.to(), CurrentUsers.current()));
  }

  @GetMapping("/api/v1/vehicle-quotas")
  @Operation(summary = "车辆编制 Quotas per unit and category with the vehicles held")
  List<Fleet.Quota> quotas() {
    return fleet.quotas(CurrentUsers.scope());
  }

  record QuotaChange(long unitId, VehicleCategory category, int quota) {}

  @PutMapping("/api/v1/vehicle-quotas")
  @Operation(summary = "设置编制 Set a unit's quota for a category")
  List<Fleet.Quota> setQuota(@RequestBody QuotaChange change) {
    fleet.setQuota(change.unitId(), change.category(), change.quota(), CurrentUsers.current());
    return quotas();
  }

  @GetMapping("/api/v1/vehicle-rules")
  @Operation(summary = "用车规则表 Every version of the rule values for the caller's region and nationally")
  List<VehicleRules.RuleValue> rules() {
    return rules.versions(CurrentUsers.current().regionId());
  }

  record NewRuleVersion(VehicleRules.Key key, VehicleCategory category, BigDecimal value, LocalDate effectiveFrom,
      boolean national, String source) {}

  @PostMapping("/api/v1/vehicle-rules")
  @Operation(summary = "新增规则版本 A new version of a rule value from a date (region's own, or national for the platform admin)")
  ResponseEntity<Map<String, Long>> addRule(@RequestBody NewRuleVersion version) {
    long id = rules.addVersion(version.key(), version.category(), version.value(), version.effectiveFrom(),
        version.national(), version.source(), CurrentUsers.current());
    return ResponseEntity.status(201).body(Map.of("id", id));
  }

  @GetMapping("/api/v1/vehicle-drivers")
  @Operation(summary = "驾驶员 Drivers in the caller's scope")
  List<Drivers.Driver> drivers() {
    return drivers.list(CurrentUsers.scope());
  }

  record NewDriver(long staffId, String licenceClass, LocalDate licenceExpires, LocalTime shiftStart,
      LocalTime shiftEnd) {}

  @PostMapping("/api/v1/vehicle-drivers")
  @Operation(summary = "登记驾驶员 Register a staff member as driver (licence class A1–C2)")
  ResponseEntity<Drivers.Driver> addDriver(@RequestBody NewDriver driver) {
    CurrentUser by = CurrentUsers.current();
    long id = drivers.register(driver.staffId(), driver.licenceClass(), driver.licenceExpires(), driver.shiftStart(),
        driver.shiftEnd(), by);
    return ResponseEntity.status(201).body(drivers.get(id));
  }

  @GetMapping("/api/v1/vehicle-places")
  @Operation(summary = "常用地点 Named places with coordinates (all regions, for mutual-aid trips too)")
  List<Drivers.Place> places() {
    return drivers.allPlaces();
  }
}
