package cn.smartaffairs.telemetry.store;

import cn.smartaffairs.telemetry.jt808.PositionReport;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a batch of positions in one transaction and one statement: every position (a position stored before, sent
 * again because its acknowledgement was lost, is left as it is), the newest position of each vehicle, the positions
 * that carry an alarm bit for {@code VehicleAlarms} to look at later (most carry none), and, for a vehicle whose
 * positions arrive for a time the GPS audit has already read past, the earliest of them. The
 * transaction commits with {@code synchronous_commit} on whatever the server's default, so a position is on disk
 * before the gateway acknowledges it.
 */
@Component
class PositionStore {

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;

  PositionStore(JdbcClient jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
  }

  void write(List<PositionRecord> positions) {
    if (positions.isEmpty()) {
      return;
    }
    Map<String, Object> columns = columns(positions);
    transaction.executeWithoutResult(status -> {
      jdbc.sql("set local synchronous_commit = on").update();
      jdbc.sql("""
          with p as (
            select * from unnest(cast(:vehicle as bigint[]), cast(:at as timestamptz[]), cast(:lat as integer[]),
                                 cast(:lon as integer[]), cast(:alt as integer[]), cast(:speed as integer[]),
                                 cast(:heading as smallint[]), cast(:alarm as bigint[]), cast(:status as bigint[]),
                                 cast(:mileage as bigint[]), cast(:fuel as integer[]), cast(:recorder as integer[]),
                                 cast(:received as timestamptz[]))
                   as p(vehicle_id, at, latitude, longitude, altitude_m, speed_dkmh, heading_deg, alarm_flags,
                        status_flags, mileage_hm, fuel_dl, recorder_speed_dkmh, received_at)
          ), stored as (
            insert into telemetry_position (vehicle_id, at, latitude, longitude, altitude_m, speed_dkmh, heading_deg,
                                            alarm_flags, status_flags, mileage_hm, fuel_dl, recorder_speed_dkmh,
                                            received_at)
            select * from p
            on conflict (vehicle_id, at) do nothing
          ), late as (
            insert into telemetry_trip_late (vehicle_id, earliest_at, noted_at)
            select p.vehicle_id, min(p.at), clock_timestamp()
              from p join telemetry_trip_watermark w on w.vehicle_id = p.vehicle_id and p.at < w.derived_until
             group by p.vehicle_id
            on conflict (vehicle_id) do update
               set earliest_at = least(telemetry_trip_late.earliest_at, excluded.earliest_at),
                   noted_at = excluded.noted_at
          ), alarmed as (
            insert into telemetry_alarm_pending (vehicle_id, at, alarm_flags, latitude, longitude, speed_dkmh)
            select vehicle_id, at, alarm_flags, latitude, longitude, speed_dkmh from p where alarm_flags <> 0
            on conflict (vehicle_id, at) do nothing
          )
          insert into telemetry_latest_position (vehicle_id, at, latitude, longitude, speed_dkmh, heading_deg,
                                                 mileage_hm, status_flags, received_at)
          select distinct on (vehicle_id) vehicle_id, at, latitude, longitude, speed_dkmh, heading_deg, mileage_hm,
                 status_flags, received_at
            from p order by vehicle_id, at desc
          on conflict (vehicle_id) do update
             set at = excluded.at, latitude = excluded.latitude, longitude = excluded.longitude,
                 speed_dkmh = excluded.speed_dkmh, heading_deg = excluded.heading_deg, mileage_hm = excluded.mileage_hm,
                 status_flags = excluded.status_flags, received_at = excluded.received_at
           where telemetry_latest_position.at < excluded.at""")
          .params(columns).update();
    });
  }

  /** One array per column, in the order of the positions. */
  private static Map<String, Object> columns(List<PositionRecord> positions) {
    int n = positions.size();
    Long[] vehicle = new Long[n];
    String[] at = new String[n];
    Integer[] lat = new Integer[n];
    Integer[] lon = new Integer[n];
    Integer[] alt = new Integer[n];
    Integer[] speed = new Integer[n];
    Integer[] heading = new Integer[n];
    Long[] alarm = new Long[n];
    Long[] status = new Long[n];
    Long[] mileage = new Long[n];
    Integer[] fuel = new Integer[n];
    Integer[] recorder = new Integer[n];
    String[] received = new String[n];
    for (int i = 0; i < n; i++) {
      PositionRecord position = positions.get(i);
      PositionReport report = position.report();
      vehicle[i] = position.vehicleId();
      at[i] = report.at().toString();
      lat[i] = report.latitude();
      lon[i] = report.longitude();
      alt[i] = report.altitudeM();
      speed[i] = report.speedDecikmh();
      heading[i] = report.headingDeg();
      alarm[i] = report.alarmFlags();
      status[i] = report.statusFlags();
      mileage[i] = report.mileageHectometres();
      fuel[i] = report.fuelDecilitres();
      recorder[i] = report.recorderSpeedDecikmh();
      received[i] = position.receivedAt().toString();
    }
    Map<String, Object> columns = new HashMap<>();
    columns.put("vehicle", vehicle);
    columns.put("at", at);
    columns.put("lat", lat);
    columns.put("lon", lon);
    columns.put("alt", alt);
    columns.put("speed", speed);
    columns.put("heading", heading);
    columns.put("alarm", alarm);
    columns.put("status", status);
    columns.put("mileage", mileage);
    columns.put("fuel", fuel);
    columns.put("recorder", recorder);
    columns.put("received", received);
    return columns;
  }
}
