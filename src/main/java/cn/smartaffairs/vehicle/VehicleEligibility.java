package cn.smartaffairs.vehicle;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a vehicle may be sent on a trip: the one rule that manual dispatch, the board's preselection and the
 * optimiser all apply, so none of them offers a vehicle that 合规预警 flags for the trip's days. Pure: it sees only
 * the facts handed in, and answers every reason that bars the vehicle (empty when it may go).
 */
public final class VehicleEligibility {

  /** What bars a vehicle from a trip; each has a message {@code vehicle.ineligible.<NAME>} with the plate as {0}. */
  public enum Reason {
    /** 维修, 待处置 or 已处置: not in service at all. */
    NOT_IN_SERVICE,
    /** 封存: sealed (holiday sealing or its status) on a day of the trip. */
    SEALED,
    /** Insurance ends before the trip's last day. */
    INSURANCE_LAPSED,
    /** Annual inspection ends before the trip's last day. */
    INSPECTION_LAPSED,
    /** The request asks for another category. */
    WRONG_CATEGORY,
    /** Fewer passenger seats than passengers. */
    TOO_FEW_SEATS;

    /** Reasons that hold whatever the trip asks for, only by the vehicle's own records and the day. */
    public boolean concernsTheDay() {
      return this == NOT_IN_SERVICE || this == SEALED || this == INSURANCE_LAPSED || this == INSPECTION_LAPSED;
    }
  }

  /** A sealing period, both days included. */
  public record SealedDays(LocalDate from, LocalDate to) {
    boolean overlaps(LocalDate first, LocalDate last) {
      return !from.isAfter(last) && !to.isBefore(first);
    }
  }

  /**
   * The vehicle's own facts; {@code passengerSeats} excludes the driver's seat. Insurance and inspection are valid
   * through their last day, as 合规预警 counts them.
   */
  public record Facts(VehicleStatus status, VehicleCategory category, int passengerSeats, LocalDate insuranceUntil,
      LocalDate inspectionUntil, List<SealedDays> seals) {
    public Facts {
      seals = List.copyOf(seals);
    }

    static Facts of(Vehicle vehicle, List<SealedDays> seals) {
      return new Facts(vehicle.status(), vehicle.category(), vehicle.passengerSeats(),
          vehicle.insuranceUntil(), vehicle.inspectionUntil(), seals);
    }
  }

  /** What a trip asks for: its days (first and last, equal for a trip within one day), category and passengers. */
  public record Need(LocalDate firstDay, LocalDate lastDay, VehicleCategory category, int passengers) {
    public static Need of(TripRequest request) {
      return new Need(request.start().toLocalDate(), request.end().toLocalDate(), request.category(),
          request.passengers());
    }
  }

  private VehicleEligibility() {}

  /** Every reason the vehicle may not serve the trip, in the order above; empty when it may. */
  public static List<Reason> reasons(Facts vehicle, Need need) {
    List<Reason> reasons = new ArrayList<>(onDays(vehicle, need.firstDay(), need.lastDay()));
    if (vehicle.category() != need.category()) {
      reasons.add(Reason.WRONG_CATEGORY);
    }
    if (vehicle.passengerSeats() < need.passengers()) {
      reasons.add(Reason.TOO_FEW_SEATS);
    }
    return List.copyOf(reasons);
  }

  /** The reasons that bar the vehicle from any trip between the two days (both included). */
  public static List<Reason> onDays(Facts vehicle, LocalDate firstDay, LocalDate lastDay) {
    List<Reason> reasons = new ArrayList<>();
    if (vehicle.status() == VehicleStatus.SEALED
        || vehicle.seals().stream().anyMatch(seal -> seal.overlaps(firstDay, lastDay))) {
      reasons.add(Reason.SEALED);
    } else if (vehicle.status() != VehicleStatus.IN_SERVICE) {
      reasons.add(Reason.NOT_IN_SERVICE);
    }
    if (vehicle.insuranceUntil().isBefore(lastDay)) {
      reasons.add(Reason.INSURANCE_LAPSED);
    }
    if (vehicle.inspectionUntil().isBefore(lastDay)) {
      reasons.add(Reason.INSPECTION_LAPSED);
    }
    return List.copyOf(reasons);
  }
}
