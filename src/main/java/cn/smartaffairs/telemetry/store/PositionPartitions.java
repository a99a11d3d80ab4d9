package cn.smartaffairs.telemetry.store;

import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.telemetry.TelemetryProperties;
import cn.smartaffairs.telemetry.TelemetryRules;
import cn.smartaffairs.telemetry.TelemetryRules.InForce;
import cn.smartaffairs.telemetry.TelemetryRules.Key;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The monthly partitions of telemetry_position (Beijing months): last month's, this month's and
 * {@code affairs.telemetry.partitions-ahead} more are created at start and every night; positions older than the
 * retention rule (POSITION_RETENTION_MONTHS, the region's own or the national one) are removed every night — whole
 * partitions once they are past the longest retention of any region, the rows of regions with a shorter one by delete.
 * A partition is only dropped once its whole month has expired, so rows may outlive their retention by up to a month.
 * The terminals' alarms (telemetry_vehicle_alarm) go with their positions, by delete.
 */
@Component
public class PositionPartitions {

  private static final Logger log = LoggerFactory.getLogger(PositionPartitions.class);
  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  private static final Pattern NAME = Pattern.compile("telemetry_position_y(\\d{4})m(\\d{2})");

  /** What one round of the retention removed. */
  public record Expired(List<YearMonth> droppedPartitions, long deletedRows) {}

  private final JdbcClient jdbc;
  private final TransactionTemplate transaction;
  private final TelemetryRules rules;
  private final Fleet fleet;
  private final TelemetryProperties properties;
  private final Clock clock;

  PositionPartitions(JdbcClient jdbc, PlatformTransactionManager transactions, TelemetryRules rules, Fleet fleet,
      TelemetryProperties properties, Clock clock) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactions);
    this.rules = rules;
    this.fleet = fleet;
    this.properties = properties;
    this.clock = clock;
  }

  @Scheduled(cron = "0 20 2 * * *", zone = "Asia/Shanghai")
  @SchedulerLock(name = "telemetry-position-partitions")
  public void onSchedule() {
    createAhead();
    removeExpired();
  }

  /** At start, before the gateway takes positions. */
  void prepare() {
    createAhead();
  }

  /** Creates the partitions from last month to the months ahead that are missing; answers those it created. */
  public List<YearMonth> createAhead() {
    YearMonth now = YearMonth.now(clock.withZone(BEIJING));
    List<YearMonth> created = new ArrayList<>();
    for (int i = -1; i <= properties.partitionsAhead(); i++) {
      if (create(now.plusMonths(i))) {
        created.add(now.plusMonths(i));
      }
    }
    if (!created.isEmpty()) {
      log.info("telemetry_position partitions created for {}", created);
    }
    return created;
  }

  /**
   * Creates one month's partition unless it exists. Rows of that month already in the default partition move into it
   * (PostgreSQL refuses a new partition whose rows the default partition holds).
   */
  boolean create(YearMonth month) {
    return Boolean.TRUE.equals(transaction.execute(status -> {
      // one instance at a time: two starting together would both find the partition missing
      jdbc.sql("select pg_advisory_xact_lock(hashtext('telemetry_position partitions'))").query().listOfRows();
      if (months().contains(month)) {
        return false;
      }
      Timestamp from = Timestamp.from(start(month));
      Timestamp to = Timestamp.from(start(month.plusMonths(1)));
      boolean stray = jdbc
          .sql("select exists (select 1 from telemetry_position_default where at >= :from and at < :to)")
          .param("from", from).param("to", to).query(Boolean.class).single();
      if (stray) {
        jdbc.sql("create temporary table telemetry_moving on commit drop as select * from telemetry_position_default"
            + " where at >= :from and at < :to").param("from", from).param("to", to).update();
        jdbc.sql("delete from telemetry_position_default where at >= :from and at < :to")
            .param("from", from).param("to", to).update();
      }
      // DDL takes no parameters: the name and bounds are made of the month's numbers only
      jdbc.sql("create table %s partition of telemetry_position for values from ('%s') to ('%s')"
          .formatted(name(month), start(month), start(month.plusMonths(1)))).update();
      if (stray) {
        jdbc.sql("insert into telemetry_position select * from telemetry_moving").update();
      }
      return true;
    }));
  }

  /** Removes what the retention rule no longer allows to keep; answers what went. */
  public Expired removeExpired() {
    LocalDate today = LocalDate.now(clock.withZone(BEIJING));
    InForce retention = rules.inForce(Key.POSITION_RETENTION_MONTHS, today);
    int longest = retention.byRegion().values().stream().mapToInt(Integer::intValue).max().orElse(0);
    longest = Math.max(longest, retention.national());
    Instant keepFrom = keepFrom(today, longest);
    List<YearMonth> dropped = new ArrayList<>();
    long[] deleted = {0};
    transaction.executeWithoutResult(status -> {
      jdbc.sql("select pg_advisory_xact_lock(hashtext('telemetry_position partitions'))").query().listOfRows();
      for (YearMonth month : months()) {
        if (!start(month.plusMonths(1)).isAfter(keepFrom)) {
          jdbc.sql("drop table " + name(month)).update();
          dropped.add(month);
        }
      }
      deleted[0] += jdbc.sql("delete from telemetry_position_default where at < :keep")
          .param("keep", Timestamp.from(keepFrom)).update();
    });
    // vehicles of regions that keep positions for less than the longest retention lose theirs by delete
    Map<Integer, List<Long>> vehiclesByMonths = fleet.list(DataScope.everything(), null).stream()
        .collect(Collectors.groupingBy(v -> retention.of(v.regionId()),
            Collectors.mapping(Vehicle::id, Collectors.toList())));
    for (var group : vehiclesByMonths.entrySet()) {
      Timestamp keep = Timestamp.from(keepFrom(today, group.getKey()));
      Long[] ids = group.getValue().toArray(Long[]::new);
      deleted[0] += transaction
          .execute(status -> jdbc.sql("delete from telemetry_position where vehicle_id = any(:ids) and at < :keep")
              .param("ids", ids).param("keep", keep).update()
              + jdbc.sql("delete from telemetry_latest_position where vehicle_id = any(:ids) and at < :keep")
                  .param("ids", ids).param("keep", keep).update()
              // an alarm says where the car was too
              + jdbc.sql("delete from telemetry_vehicle_alarm where vehicle_id = any(:ids) and at < :keep")
                  .param("ids", ids).param("keep", keep).update());
    }
    if (!dropped.isEmpty() || deleted[0] > 0) {
      log.info("positions past their retention removed: partitions {} dropped, {} rows deleted", dropped, deleted[0]);
    }
    return new Expired(dropped, deleted[0]);
  }

  /** The months that have a partition of their own. */
  public TreeSet<YearMonth> months() {
    TreeSet<YearMonth> months = new TreeSet<>();
    jdbc.sql("""
        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
         where i.inhparent = 'telemetry_position'::regclass""")
        .query(String.class).list().forEach(name -> {
          Matcher matcher = NAME.matcher(name);
          if (matcher.matches()) {
            months.add(YearMonth.of(Integer.parseInt(matcher.group(1)), Integer.parseInt(matcher.group(2))));
          }
        });
    return months;
  }

  static String name(YearMonth month) {
    return "telemetry_position_y%04dm%02d".formatted(month.getYear(), month.getMonthValue());
  }

  private static Instant start(YearMonth month) {
    return month.atDay(1).atStartOfDay(BEIJING).toInstant();
  }

  private static Instant keepFrom(LocalDate today, int months) {
    return today.minusMonths(months).atStartOfDay(BEIJING).toInstant();
  }
}
