/**
 * 车辆定位 (issue 14): vehicle terminals speaking JT/T 808 over TCP, bound to the fleet's vehicles, their positions in
 * monthly partitions, the tracks and latest positions people may see (over the API, on the live map of the fleet and
 * in a trip's replay beside its dispatch sheet), the trips derived from the positions with the GPS audit of them
 * (ADR 0013), and the regions' geofences: their crossings (event {@code GeofenceCrossed}) and the JT/T 808 area
 * commands that put them on the terminals. Talks to module vehicle only through its public types ({@code Fleet}, {@code Drivers}, {@code Trips},
 * {@code DispatchSheets}, {@code VehicleRules}, the event {@code TripEnded}) and implements its SPI
 * {@code GpsAuditFindings}; owns the tables {@code telemetry_*}.
 */
package cn.smartaffairs.telemetry;
