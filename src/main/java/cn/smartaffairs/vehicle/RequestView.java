package cn.smartaffairs.vehicle;

import java.util.List;
import java.util.Map;

/** A request with its dispatch and trip, for the requester's list and the dispatch board. */
record RequestView(TripRequest request, Dispatch dispatch, Trips.Trip trip) {

  /** The requests with their active dispatch and its trip, read in one query each whatever the number of requests. */
  static List<RequestView> of(List<TripRequest> list, DispatchRecords records, Trips trips) {
    Map<Long, Dispatch> dispatches = records.ofRequests(list.stream().map(TripRequest::id).toList());
    Map<Long, Trips.Trip> tripOf = trips.ofDispatches(dispatches.values().stream().map(Dispatch::id).toList());
    return list.stream().map(r -> {
      Dispatch dispatch = dispatches.get(r.id());
      return new RequestView(r, dispatch, dispatch == null ? null : tripOf.get(dispatch.id()));
    }).toList();
  }
}
