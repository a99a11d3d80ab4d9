package cn.smartaffairs.vehicle.planning;

import cn.smartaffairs.vehicle.planning.DispatchModel.DriverDay;
import java.util.List;

/** A driver as the solver sees it: a problem fact that scores its own day through the shared model. */
final class PlannedDriver {

  private final DispatchModel model;
  private final int index;

  PlannedDriver(DispatchModel model, int index) {
    this.model = model;
    this.index = index;
  }

  int index() {
    return index;
  }

  DriverDay day(List<PlannedTrip> trips) {
    return model.driverDay(index, PlannedTrip.inOrder(model, trips), null);
  }

  @Override
  public String toString() {
    return "driver " + model.driver(index).driverId();
  }
}
