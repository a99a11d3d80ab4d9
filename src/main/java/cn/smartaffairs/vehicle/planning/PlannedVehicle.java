package cn.smartaffairs.vehicle.planning;

import cn.smartaffairs.vehicle.planning.DispatchModel.VehicleDay;
import java.util.List;

/** A vehicle as the solver sees it: a problem fact that scores its own day through the shared model. */
final class PlannedVehicle {

  private final DispatchModel model;
  private final int index;

  PlannedVehicle(DispatchModel model, int index) {
    this.model = model;
    this.index = index;
  }

  int index() {
    return index;
  }

  VehicleDay day(List<PlannedTrip> trips) {
    return model.vehicleDay(index, PlannedTrip.inOrder(model, trips), null);
  }

  @Override
  public String toString() {
    return "vehicle " + model.vehicle(index).vehicleId();
  }
}
