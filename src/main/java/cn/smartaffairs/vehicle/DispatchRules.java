package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import java.time.LocalDate;
import java.util.List;

/**
 * 派车的硬性规则: what a dispatch must keep, whether the dispatcher picks by hand or confirms the optimiser's proposal
 * (which keeps them too, and is checked again). Pure: it sees only the records handed in and refuses with the first
 * rule broken, naming what the rule rests on.
 */
final class DispatchRules {

  private DispatchRules() {}

  /** The rules of the vehicle, its region and the driver, in that order; a broken one answers 400. */
  static void check(TripRequest request, Vehicle vehicle, List<VehicleEligibility.SealedDays> seals,
      Drivers.Driver driver) {
    vehicleMayGo(request, vehicle, seals);
    vehicleRegionMayServe(request, vehicle);
    driverMayDrive(request, vehicle, driver);
  }

  /** The vehicle is in service, not sealed, insured and inspected through the trip, of its category, with its seats. */
  static void vehicleMayGo(TripRequest request, Vehicle vehicle, List<VehicleEligibility.SealedDays> seals) {
    List<VehicleEligibility.Reason> barred = VehicleEligibility.reasons(VehicleEligibility.Facts.of(vehicle, seals),
        VehicleEligibility.Need.of(request));
    if (!barred.isEmpty()) {
      throw refusal(barred.get(0), vehicle, request);
    }
  }

  /** A vehicle of another region serves only when both the home region and the vehicle's region consented. */
  static void vehicleRegionMayServe(TripRequest request, Vehicle vehicle) {
    if (!request.mayBeServedFrom(vehicle.regionId())) {
      throw new BusinessRuleException("vehicle.aidNotConsented", vehicle.plate());
    }
  }

  /** The driver belongs to the vehicle's region, is available, has a licence valid through the trip, is on shift. */
  static void driverMayDrive(TripRequest request, Vehicle vehicle, Drivers.Driver driver) {
    if (driver.regionId() != vehicle.regionId()) {
      throw new BusinessRuleException("vehicle.driverOtherRegion", driver.name());
    }
    if (!driver.available()) {
      throw new BusinessRuleException("vehicle.driverUnavailable", driver.name());
    }
    if (!driver.licenceValidThrough(request.end().toLocalDate())) {
      throw new BusinessRuleException("vehicle.licenceExpired", driver.name(), driver.licenceExpires());
    }
    if (!driver.onShiftThroughout(request.start(), request.end())) {
      throw new BusinessRuleException("vehicle.outsideShift", driver.name(), driver.shiftStart(), driver.shiftEnd());
    }
  }

  /**
   * Neither the vehicle nor the driver is held by another active dispatch in the trip's window (409). The database's
   * exclusion constraints say the same for whoever writes at the same moment.
   */
  static void bothFree(TripRequest request, Vehicle vehicle, Drivers.Driver driver, List<Booking> held) {
    if (held.stream().anyMatch(b -> b.vehicleId() == vehicle.id() && b.overlaps(request))) {
      throw new ConflictException("vehicle.vehicleBusy");
    }
    if (held.stream().anyMatch(b -> b.driverId() == driver.id() && b.overlaps(request))) {
      throw new ConflictException("vehicle.driverBusy");
    }
  }

  /** The refusal of a vehicle for a trip, naming the vehicle, the reason and what the reason rests on. */
  static BusinessRuleException refusal(VehicleEligibility.Reason reason, Vehicle vehicle, TripRequest request) {
    LocalDate lastDay = request.end().toLocalDate();
    return switch (reason) {
      case NOT_IN_SERVICE -> new BusinessRuleException("vehicle.notInService", vehicle.plate());
      case SEALED -> new BusinessRuleException("vehicle.ineligible.SEALED", vehicle.plate(),
          request.start().toLocalDate());
      case INSURANCE_LAPSED -> new BusinessRuleException("vehicle.ineligible.INSURANCE_LAPSED", vehicle.plate(),
          vehicle.insuranceUntil(), lastDay);
      case INSPECTION_LAPSED -> new BusinessRuleException("vehicle.ineligible.INSPECTION_LAPSED", vehicle.plate(),
          vehicle.inspectionUntil(), lastDay);
      case WRONG_CATEGORY -> new BusinessRuleException("vehicle.wrongCategory", vehicle.plate(),
          Fleet.categoryLabel(request.category()));
      case TOO_FEW_SEATS -> new BusinessRuleException("vehicle.tooFewSeats", vehicle.plate(), vehicle.passengerSeats(),
          request.passengers());
    };
  }
}
