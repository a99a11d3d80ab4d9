package cn.smartaffairs.telemetry.alarm;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.telemetry.TelemetryRules;
import cn.smartaffairs.telemetry.TelemetryRules.Key;
import cn.smartaffairs.telemetry.jt808.AlarmFlag;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * 车辆报警: turns the alarm bits of stored positions into alarms. The position writers leave each stored position that
 * carries an alarm bit in telemetry_alarm_pending (in the batch's own statement, so the acknowledgement waits for no
 * more than that); every few seconds this takes them off in rounds, compares each with the vehicle's position before
 * it, and records a bit that was clear there (or has no position before it) as an alarm raised — a bit that stays set
 * is the same alarm going on. An alarm of a kind the region's rule ALARM_NOTIFY_FLAGS names is published as
 * {@link VehicleAlarmRaised}, which {@link AlarmNotifier} tells the region's vehicle managers after the commit.
 *
 * <p>A position that arrives late (a blind-area upload) and sets a bit just before an alarm already recorded moves that
 * alarm to its earlier time instead of raising it again. A late position with the bit clear between two set ones is
 * not noticed: the alarm is then counted once. Each alarm recorded or moved is audited, as the GPS audit's flags are.
 */
@Service
public class VehicleAlarms {

  private static final Logger log = LoggerFactory.getLogger(VehicleAlarms.class);
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** Positions taken in one transaction. */
  static final int ROUND = 500;

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final TelemetryRules rules;
  private final Fleet fleet;
  private final ApplicationEventPublisher events;
  private final AuditTrail audit;

  VehicleAlarms(JdbcClient jdbc, PlatformTransactionManager transactions, TelemetryRules rules, Fleet fleet,
      ApplicationEventPublisher events, AuditTrail audit) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.rules = rules;
    this.fleet = fleet;
    this.events = events;
    this.audit = audit;
  }

  @Scheduled(fixedDelayString = "${affairs.telemetry.alarm-interval:PT5S}", initialDelayString = "${affairs.telemetry.alarm-initial-delay:PT30S}")
  @SchedulerLock(name = "telemetry-vehicle-alarms")
  public void onSchedule() {
    runDue();
  }

  /** Takes every waiting position, a round at a time; answers how many alarms were raised. */
  public int runDue() {
    int raised = 0;
    while (true) {
      int[] round = transaction.execute(status -> round());
      raised += round[1];
      if (round[0] < ROUND) {
        return raised;
      }
    }
  }

  /** A waiting position and the alarm DWORD of the vehicle's position before it (null when it has none). */
  private record Pending(long vehicleId, Instant at, long flags, Long before, int latitude, int longitude,
      int speedDecikmh) {}

  /** One round: answers how many positions it took and how many alarms they raised. */
  private int[] round() {
    List<Pending> taken = jdbc.sql("""
        with taken as (
          delete from telemetry_alarm_pending
           where (vehicle_id, at) in (select vehicle_id, at from telemetry_alarm_pending
                                       order by at limit :round for update skip locked)
          returning *
        )
        select t.*, (select p.alarm_flags from telemetry_position p
                      where p.vehicle_id = t.vehicle_id and p.at < t.at order by p.at desc limit 1) as before
          from taken t order by t.vehicle_id, t.at""")
        .param("round", ROUND)
        .query((rs, n) -> {
          Long previous = rs.getObject("before", Long.class);
          return new Pending(rs.getLong("vehicle_id"), rs.getObject("at", OffsetDateTime.class).toInstant(),
              rs.getLong("alarm_flags"), previous, rs.getInt("latitude"), rs.getInt("longitude"),
              rs.getInt("speed_dkmh"));
        }).list();
    Map<Long, Optional<Vehicle>> vehicles = new HashMap<>();
    Map<LocalDate, TelemetryRules.InForce> notifying = new HashMap<>();
    int raised = 0;
    List<AuditEntry> changes = new ArrayList<>();
    for (Pending pending : taken) {
      Optional<Vehicle> vehicle = vehicles.computeIfAbsent(pending.vehicleId(), this::vehicle);
      if (vehicle.isEmpty()) {
        continue;
      }
      long regionId = vehicle.get().regionId();
      LocalDate day = LocalDate.ofInstant(pending.at(), BEIJING);
      long notify = notifying.computeIfAbsent(day, d -> rules.inForce(Key.ALARM_NOTIFY_FLAGS, d)).of(regionId)
          & 0xFFFF_FFFFL;
      for (AlarmFlag kind : AlarmFlag.raised(pending.before(), pending.flags())) {
        Optional<Long> id = record(pending, vehicle.get(), kind, kind.in(notify), changes);
        if (id.isPresent()) {
          raised++;
          if (kind.in(notify)) {
            events.publishEvent(new VehicleAlarmRaised(id.get(), pending.vehicleId(), regionId,
                vehicle.get().plate(), kind, pending.at(), pending.latitude(), pending.longitude(),
                pending.speedDecikmh()));
          }
        }
      }
    }
    audit.recordAll(changes);
    if (raised > 0) {
      log.info("{} terminal alarms raised from {} positions", raised, taken.size());
    }
    return new int[] {taken.size(), raised};
  }

  /**
   * Records an alarm raised; answers its id, or empty when it was known already (a position sent again) or moves an
   * alarm of the same kind raised at the vehicle's next position back to this earlier one.
   */
  private Optional<Long> record(Pending pending, Vehicle vehicle, AlarmFlag kind, boolean notify,
      List<AuditEntry> changes) {
    Timestamp at = Timestamp.from(pending.at());
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("vehicleId", vehicle.id());
    after.put("plate", vehicle.plate());
    after.put("kind", kind.name());
    after.put("at", pending.at().atZone(BEIJING).toOffsetDateTime().toString());
    after.put("notify", notify);
    Optional<Map<String, Object>> moved = jdbc.sql("""
        update telemetry_vehicle_alarm a set at = :at, latitude = :lat, longitude = :lon, speed_dkmh = :speed
          from telemetry_vehicle_alarm old
         where a.id = old.id and a.vehicle_id = :vehicle and a.kind = :kind
           and a.at = (select min(p.at) from telemetry_position p where p.vehicle_id = :vehicle and p.at > :at)
        returning a.id, old.at as was""")
        .param("at", at).param("lat", pending.latitude()).param("lon", pending.longitude())
        .param("speed", pending.speedDecikmh()).param("vehicle", pending.vehicleId()).param("kind", kind.name())
        .query().listOfRows().stream().findFirst();
    if (moved.isPresent()) {
      Map<String, Object> before = new LinkedHashMap<>(after);
      before.put("at", ((java.sql.Timestamp) moved.get().get("was")).toInstant().atZone(BEIJING).toOffsetDateTime()
          .toString());
      changes.add(AuditEntry.updated("telemetry_vehicle_alarm", moved.get().get("id"), vehicle.regionId(), before,
          after));
      return Optional.empty();
    }
    Optional<Long> id = jdbc.sql("""
        insert into telemetry_vehicle_alarm (vehicle_id, region_id, kind, at, latitude, longitude, speed_dkmh, notify)
        values (:vehicle, :region, :kind, :at, :lat, :lon, :speed, :notify)
        on conflict (vehicle_id, kind, at) do nothing
        returning id""")
        .param("vehicle", pending.vehicleId()).param("region", vehicle.regionId()).param("kind", kind.name())
        .param("at", at).param("lat", pending.latitude()).param("lon", pending.longitude())
        .param("speed", pending.speedDecikmh()).param("notify", notify)
        .query(Long.class).optional();
    id.ifPresent(created -> changes.add(AuditEntry.created("telemetry_vehicle_alarm", created, vehicle.regionId(),
        after)));
    return id;
  }

  private Optional<Vehicle> vehicle(long id) {
    try {
      return Optional.of(fleet.get(id, DataScope.everything()));
    } catch (NotFoundException gone) {
      return Optional.empty();
    }
  }
}
