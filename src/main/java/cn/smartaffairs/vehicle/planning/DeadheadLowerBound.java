package cn.smartaffairs.vehicle.planning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.Set;

/**
 * A lower bound on the empty (deadhead) road distance of any plan that serves a given set of trips.
 *
 * <p>Relaxation: every served trip is entered by exactly one empty leg (from a depot or from the finish of the
 * vehicle's previous trip) and left by exactly one (to the next trip or back to a depot); every vehicle leaves its
 * depot once and comes back once (an unused vehicle "drives" depot to depot for nothing). So any feasible plan is a
 * perfect matching between "ends" (trip finishes, vehicle depots at the start of the day) and "beginnings" (trip
 * origins, vehicle depots at the end of the day) using only legs that the rules allow: a trip may follow another if
 * there is time for the empty drive and some vehicle may take both; a depot leg only for a vehicle that may take the
 * trip. The cheapest such matching (Hungarian method) is therefore at most the deadhead of every plan. It forgets
 * that a chain must keep the same vehicle from depot to depot, and all driver rules, so it can be below what is
 * reachable, never above.
 */
final class DeadheadLowerBound {

  private static final long FORBIDDEN = 1_000_000_000_000L;

  private DeadheadLowerBound() {}

  /** The bound and the number of trips it covers. */
  record Bound(double km, int trips) {}

  /** Bound over the trips that some vehicle and some driver could serve on their own (the statically servable). */
  static Bound of(DispatchProblem problem) {
    DispatchModel model = new DispatchModel(problem);
    List<Integer> trips = new ArrayList<>();
    for (int i = 0; i < model.tripCount; i++) {
      if (hasFit(model.vehicleMisfit[i]) && hasFit(model.driverMisfit[i])) {
        trips.add(i);
      }
    }
    return of(model, trips);
  }

  /** Bound for plans serving exactly the given requests (e.g. the ones a plan assigned). */
  static Bound forServed(DispatchProblem problem, Set<Long> requestIds) {
    DispatchModel model = new DispatchModel(problem);
    List<Integer> trips = new ArrayList<>();
    for (int i = 0; i < model.tripCount; i++) {
      if (requestIds.contains(model.trip(i).requestId())) {
        trips.add(i);
      }
    }
    return of(model, trips);
  }

  private static Bound of(DispatchModel model, List<Integer> trips) {
    int n = trips.size();
    int m = model.vehicleCount;
    BitSet[] allowed = new BitSet[n];
    for (int a = 0; a < n; a++) {
      allowed[a] = new BitSet(m);
      int i = trips.get(a);
      for (int v = 0; v < m; v++) {
        boolean fits = model.pinnedVehicle[i] >= 0 ? model.pinnedVehicle[i] == v : model.vehicleMisfit[i][v] == null;
        if (fits) {
          allowed[a].set(v);
        }
      }
    }
    // rows: trip finishes then day starts at depots; columns: trip origins then day ends at depots
    long[][] cost = new long[n + m][n + m];
    for (long[] row : cost) {
      Arrays.fill(row, FORBIDDEN);
    }
    for (int a = 0; a < n; a++) {
      int from = trips.get(a);
      for (int b = 0; b < n; b++) {
        int to = trips.get(b);
        if (a != b && allowed[a].intersects(allowed[b])
            && model.end[from] + model.driveSeconds(model.tripToTrip[from][to]) <= model.start[to]) {
          cost[a][b] = model.tripToTrip[from][to];
        }
      }
      for (int v = allowed[a].nextSetBit(0); v >= 0; v = allowed[a].nextSetBit(v + 1)) {
        cost[a][n + v] = model.tripToDepot[from][v];
        cost[n + v][a] = model.depotToTrip[v][from];
      }
    }
    for (int v = 0; v < m; v++) {
      cost[n + v][n + v] = 0;
    }
    long metres = minimumPerfectMatching(cost);
    if (metres >= FORBIDDEN) {
      throw new IllegalArgumentException("no plan can serve all of these trips together");
    }
    return new Bound(metres / 1000.0, n);
  }

  private static boolean hasFit(String[] misfits) {
    for (String misfit : misfits) {
      if (misfit == null) {
        return true;
      }
    }
    return false;
  }

  /** Hungarian method with potentials, O(n³): the least total cost of assigning each row to a distinct column. */
  static long minimumPerfectMatching(long[][] cost) {
    int n = cost.length;
    long[] rowPotential = new long[n + 1];
    long[] columnPotential = new long[n + 1];
    int[] rowOfColumn = new int[n + 1];
    int[] previousColumn = new int[n + 1];
    for (int row = 1; row <= n; row++) {
      rowOfColumn[0] = row;
      int column = 0;
      long[] slack = new long[n + 1];
      Arrays.fill(slack, Long.MAX_VALUE);
      boolean[] visited = new boolean[n + 1];
      do {
        visited[column] = true;
        int currentRow = rowOfColumn[column];
        long delta = Long.MAX_VALUE;
        int nextColumn = 0;
        for (int j = 1; j <= n; j++) {
          if (!visited[j]) {
            long reduced = cost[currentRow - 1][j - 1] - rowPotential[currentRow] - columnPotential[j];
            if (reduced < slack[j]) {
              slack[j] = reduced;
              previousColumn[j] = column;
            }
            if (slack[j] < delta) {
              delta = slack[j];
              nextColumn = j;
            }
          }
        }
        for (int j = 0; j <= n; j++) {
          if (visited[j]) {
            rowPotential[rowOfColumn[j]] += delta;
            columnPotential[j] -= delta;
          } else {
            slack[j] -= delta;
          }
        }
        column = nextColumn;
      } while (rowOfColumn[column] != 0);
      do {
        int before = previousColumn[column];
        rowOfColumn[column] = rowOfColumn[before];
        column = before;
      } while (column != 0);
    }
    long total = 0;
    for (int j = 1; j <= n; j++) {
      total += cost[rowOfColumn[j] - 1][j - 1];
    }
    return total;
  }
}
