package cn.smartaffairs.vehicle.planning;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoftlong.HardMediumSoftLongScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintCollector;
import ai.timefold.solver.core.api.score.stream.uni.UniConstraintStream;
import cn.smartaffairs.vehicle.planning.DispatchModel.DriverDay;
import cn.smartaffairs.vehicle.planning.DispatchModel.VehicleDay;
import java.util.List;

/**
 * The solver's score, built on the same day checks as {@link PlanEvaluator}: each vehicle's and each driver's trips
 * are gathered and scored as a whole day, because the empty drive between two trips depends on which trips are
 * neighbours on the vehicle, which pairwise joins cannot see. Hard: the day's rules; medium: trips not served
 * (a vehicle without a driver serves no one, so half an assignment earns nothing); soft: empty metres plus running cost in fen, mutual aid, and squared driving minutes.
 * <p>Public with a public constructor only because Timefold creates it by reflection.
 */
public final class DispatchConstraints implements ConstraintProvider {

  // one collector instance, so the hard and soft constraints share the same grouping nodes
  private static final UniConstraintCollector<PlannedTrip, ?, List<PlannedTrip>> TRIPS = ConstraintCollectors.toList();

  /** For Timefold, which creates the provider itself. */
  public DispatchConstraints() {}

  @Override
  public Constraint[] defineConstraints(ConstraintFactory factory) {
    return new Constraint[] {
        vehicleDays(factory).filter(day -> day.hard() > 0)
            .penalizeLong(HardMediumSoftLongScore.ONE_HARD, VehicleDay::hard)
            .asConstraint("vehicle day breaks a rule"),
        vehicleDays(factory).penalizeLong(HardMediumSoftLongScore.ONE_SOFT, VehicleDay::soft)
            .asConstraint("empty road, running cost and mutual aid of a vehicle"),
        driverDays(factory).filter(day -> day.hard() > 0)
            .penalizeLong(HardMediumSoftLongScore.ONE_HARD, DriverDay::hard)
            .asConstraint("driver day breaks a rule"),
        driverDays(factory).penalizeLong(HardMediumSoftLongScore.ONE_SOFT, DriverDay::soft)
            .asConstraint("driver load and mutual aid"),
        factory.forEachIncludingUnassigned(PlannedTrip.class)
            .filter(trip -> trip.getVehicle() == null || trip.getDriver() == null)
            .penalize(HardMediumSoftLongScore.ONE_MEDIUM)
            .asConstraint("trip not served"),
    };
  }

  private static UniConstraintStream<VehicleDay> vehicleDays(ConstraintFactory factory) {
    return factory.forEachIncludingUnassigned(PlannedTrip.class)
        .filter(trip -> trip.getVehicle() != null)
        .groupBy(PlannedTrip::getVehicle, TRIPS)
        .map(PlannedVehicle::day);
  }

  private static UniConstraintStream<DriverDay> driverDays(ConstraintFactory factory) {
    return factory.forEachIncludingUnassigned(PlannedTrip.class)
        .filter(trip -> trip.getDriver() != null)
        .groupBy(PlannedTrip::getDriver, TRIPS)
        .map(PlannedDriver::day);
  }
}
