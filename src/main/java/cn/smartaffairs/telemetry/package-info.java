/**
 * 车辆定位 (issue 14): vehicle terminals speaking JT/T 808 over TCP, bound to the fleet's vehicles, their positions in
 * monthly partitions, and the tracks and latest positions people may see: over the API, on the live map of the fleet
 * and in a trip's replay beside its dispatch sheet. Talks to module vehicle only through its public types
 * ({@code Fleet}, {@code Drivers}, {@code Trips}, {@code DispatchSheets}); owns the tables {@code telemetry_*}.
 */
package cn.smartaffairs.telemetry;
