package cn.smartaffairs.telemetry.geofence;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 进出围栏: which side of each fence a vehicle's positions lie on, compared with the side last known. A change of side is
 * a crossing at the first position on the new side. A fence without a known side learns it from the first position
 * and records no crossing (nothing says where the car was before); positions older than the fence's outline (it was
 * drawn or redrawn later) and older than the side known are passed over.
 */
final class Crossings {

  /** A fence as the evaluation needs it: its outline and since when that outline holds. */
  record Fence(long id, Geometry geometry, Instant drawnAt) {}

  /** A located position, in millionths of a degree. */
  record Fix(Instant at, int latitude, int longitude) {}

  /** Inside or outside a fence, since the position that showed it. */
  record Side(boolean inside, Instant since) {}

  record Crossing(long geofenceId, boolean entered, Fix fix) {}

  /** The crossings in time order, and the sides that changed or became known (by fence). */
  record Result(List<Crossing> crossings, Map<Long, Side> changedSides) {}

  private Crossings() {}

  /** Evaluates the positions (in time order) against the fences, starting from the sides known (by fence). */
  static Result evaluate(List<Fence> fences, Map<Long, Side> known, List<Fix> fixes) {
    Map<Long, Side> sides = new LinkedHashMap<>(known);
    Map<Long, Side> changed = new LinkedHashMap<>();
    List<Crossing> crossings = new ArrayList<>();
    for (Fix fix : fixes) {
      for (Fence fence : fences) {
        if (fix.at().isBefore(fence.drawnAt())) {
          continue;
        }
        boolean inside = fence.geometry().contains(fix.latitude(), fix.longitude());
        Side side = sides.get(fence.id());
        if (side != null && (fix.at().isBefore(side.since()) || side.inside() == inside)) {
          continue;
        }
        if (side != null) {
          crossings.add(new Crossing(fence.id(), inside, fix));
        }
        Side now = new Side(inside, fix.at());
        sides.put(fence.id(), now);
        changed.put(fence.id(), now);
      }
    }
    return new Result(crossings, changed);
  }
}
