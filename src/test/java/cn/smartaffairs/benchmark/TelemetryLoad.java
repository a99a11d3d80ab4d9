package cn.smartaffairs.benchmark;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import cn.smartaffairs.crypto.Sm3;
import org.postgresql.PGConnection;

/**
 * The load generator of {@code bin/benchmark-telemetry}. Subcommands:
 * <ul>
 *   <li>{@code setup <jdbcUrl> <terminals> <firstPhone>} adds that many vehicles (copies of a demo vehicle of the city)
 *       and binds a terminal to each (phones from firstPhone on) — straight into the benchmark's database — and an API key
 *       that may read the metrics ({@link #METRICS_KEY});</li>
 *   <li>{@code load <host> <port> <terminals> <firstPhone> <window> <warmUpSeconds> <seconds> <run> <ackFile> <label>}
 *       runs the {@link TerminalSimulator} and prints one Markdown table row; every acknowledged position goes to the
 *       ack file (first line: the base time); run n starts its positions 6 n hours later than run 0, so that runs never
 *       report the same (vehicle, time);</li>
 *   <li>{@code verify <jdbcUrl> <ackFile>} checks that every acknowledged position is stored;</li>
 *   <li>{@code copy <jdbcUrl> <rows>} loads that many position rows with COPY (PgConnection's CopyManager) straight
 *       into telemetry_position, for vehicles no terminal has, and prints rows per second — the ceiling.</li>
 * </ul>
 */
public final class TelemetryLoad {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
  /** The API key (scope metrics:read) that setup stores for the script; the benchmark's database only. */
  static final String METRICS_KEY = "sak_telemetry-benchmark-metrics";

  private TelemetryLoad() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "setup" -> setup(args[1], Integer.parseInt(args[2]), Long.parseLong(args[3]));
      case "load" -> load(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]), Long.parseLong(args[4]),
          Integer.parseInt(args[5]), Integer.parseInt(args[6]), Integer.parseInt(args[7]), Integer.parseInt(args[8]),
          Path.of(args[9]), args[10]);
      case "verify" -> System.exit(verify(args[1], Path.of(args[2])) ? 0 : 1);
      case "copy" -> copy(args[1], Integer.parseInt(args[2]));
      default -> throw new IllegalArgumentException("setup, load, verify or copy");
    }
  }

  static void setup(String jdbcUrl, int terminals, long firstPhone) throws Exception {
    try (Connection db = DriverManager.getConnection(jdbcUrl)) {
      db.setAutoCommit(false);
      try (Statement statement = db.createStatement()) {
        // plates BZ + the number: varchar(10), unique, never a demo plate
        statement.executeUpdate(
            """
                insert into vehicle (region_id, unit_id, plate, category, brand, model, domestic, new_energy, displacement_ml,
                                     price_fen, seats, purchased_on, odometer_km, parking_place, parking_lat, parking_lon,
                                     insurance_until, inspection_until)
                select v.region_id, v.unit_id, 'BZ' || lpad(g::text, 6, '0'), v.category, v.brand, v.model, v.domestic,
                       v.new_energy, v.displacement_ml, v.price_fen, v.seats, v.purchased_on, v.odometer_km,
                       v.parking_place, v.parking_lat, v.parking_lon, v.insurance_until, v.inspection_until
                  from (select * from vehicle where status = 'IN_SERVICE' order by id limit 1) v,
                       generate_series(1, %d) g"""
                .formatted(terminals));
        statement.executeUpdate("""
            insert into telemetry_terminal (vehicle_id, region_id, phone, terminal_id, protocol, bound_by)
            select v.id, v.region_id, (%d + substr(v.plate, 3)::bigint - 1)::text,
                   'B' || lpad((substr(v.plate, 3)::int - 1)::text, 6, '0'),
                   case when (substr(v.plate, 3)::int - 1) %% 4 = 3 then 'JT808_2019' else 'JT808_2013' end, 1
              from vehicle v where v.plate like 'BZ%%'""".formatted(firstPhone));
      }
      // the script reads the gateway's own latency buckets from /actuator/prometheus with this key
      try (PreparedStatement key = db.prepareStatement("""
          insert into api_credential (kind, secret_hash, key_prefix, name, region_id, scopes)
          select 'API_KEY', ?, ?, 'benchmark metrics', min(region_id), '{metrics:read}' from vehicle""")) {
        key.setString(1, Sm3.hex(METRICS_KEY));
        key.setString(2, METRICS_KEY.substring(0, 10));
        key.executeUpdate();
      }
      db.commit();
    }
    System.err.printf("%d vehicles with terminals%n", terminals);
  }

  static void load(String host, int port, int terminals, long firstPhone, int window, int warmUp, int seconds,
      int run, Path ackFile, String label) throws Exception {
    LocalDateTime base = LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.SECONDS).minusDays(2).plusHours(6L * run);
    // TELEMETRY_BENCH_INTERVAL_MS: each terminal reports once every so many milliseconds instead of keeping a window
    long interval = Long.parseLong(System.getenv().getOrDefault("TELEMETRY_BENCH_INTERVAL_MS", "0"));
    TerminalSimulator.Result result = new TerminalSimulator(host, port, terminals, firstPhone, window, interval, base)
        .run(warmUp, seconds);
    List<String> lines = new ArrayList<>();
    lines.add(base.toString());
    lines.addAll(result.acknowledgedPositions());
    Files.write(ackFile, lines);
    Files.write(Path.of(ackFile + ".seconds"), result.bySecond());
    System.out.printf("| %s | %d | %s | %d | %d | %.0f | %.1f | %.1f | %.1f | %d |%n", label, result.connected(),
        interval > 0 ? "every " + interval + " ms" : String.valueOf(window),
        result.acknowledged(), result.seconds(), result.acknowledged() / (double) result.seconds(),
        result.percentile(0.50), result.percentile(0.99), result.percentile(1.0), result.refused());
  }

  static boolean verify(String jdbcUrl, Path ackFile) throws Exception {
    List<String> lines = Files.readAllLines(ackFile);
    LocalDateTime base = LocalDateTime.parse(lines.get(0));
    DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+08'");
    StringBuilder csv = new StringBuilder();
    for (String line : lines.subList(1, lines.size())) {
      String[] parts = line.split(",");
      csv.append(parts[0]).append(',').append(base.plusSeconds(Long.parseLong(parts[1])).format(at)).append('\n');
    }
    try (Connection db = DriverManager.getConnection(jdbcUrl); Statement statement = db.createStatement()) {
      statement.execute("create temporary table acknowledged (phone text, at timestamptz)");
      db.unwrap(PGConnection.class).getCopyAPI()
          .copyIn("copy acknowledged from stdin (format csv)", new StringReader(csv.toString()));
      var missing = statement.executeQuery("""
          select count(*) from acknowledged a
           where not exists (select 1 from telemetry_terminal t join telemetry_position p on p.vehicle_id = t.vehicle_id
                              where t.phone = a.phone and p.at = a.at)""");
      missing.next();
      long lost = missing.getLong(1);
      System.out.printf("%d acknowledged positions, %d of them not stored%n", lines.size() - 1, lost);
      return lost == 0;
    }
  }

  static void copy(String jdbcUrl, int rows) throws Exception {
    LocalDateTime base = LocalDateTime.now(BEIJING).truncatedTo(ChronoUnit.SECONDS).minusDays(1);
    DateTimeFormatter at = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'+08'");
    StringBuilder csv = new StringBuilder(rows * 90);
    String received = LocalDateTime.now(BEIJING).format(at);
    for (int i = 0; i < rows; i++) {
      // vehicles -1 .. -1000, one row a second each: the same rows as the simulator's, for ids no vehicle has
      csv.append(-1 - i % 1000).append(',').append(base.plusSeconds(i / 1000).format(at)).append(',')
          .append(25_000_000 + i % 10_000 * 10).append(",102712345,1900,").append(400 + i % 200).append(',')
          .append(i % 360).append(",0,3,").append(100_000 + i).append(",,,").append(received).append('\n');
    }
    try (Connection db = DriverManager.getConnection(jdbcUrl)) {
      db.setAutoCommit(false);
      try (Statement statement = db.createStatement()) {
        statement.execute("set local synchronous_commit = on");
      }
      long start = System.nanoTime();
      long copied = db.unwrap(PGConnection.class).getCopyAPI().copyIn(
          """
              copy telemetry_position (vehicle_id, at, latitude, longitude, altitude_m, speed_dkmh, heading_deg, alarm_flags,
                                       status_flags, mileage_hm, fuel_dl, recorder_speed_dkmh, received_at)
              from stdin (format csv)""",
          new StringReader(csv.toString()));
      db.commit();
      double seconds = (System.nanoTime() - start) / 1e9;
      try (PreparedStatement clean = db.prepareStatement("delete from telemetry_position where vehicle_id < 0")) {
        clean.executeUpdate();
      }
      db.commit();
      System.out.printf("%d %.2f %.0f%n", copied, seconds, copied / seconds);
    }
  }
}
