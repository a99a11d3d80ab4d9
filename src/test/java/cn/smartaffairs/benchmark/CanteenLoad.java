package cn.smartaffairs.benchmark;

import cn.smartaffairs.crypto.Sm3;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The lunch-peak load generator of {@code bin/benchmark-canteen}: terminals paying by card against a running platform
 * over HTTP with an API key. Subcommands:
 * <ul>
 *   <li>{@code api-key <jdbcUrl>} registers a terminal API key (scope canteen:payments) and prints its secret;</li>
 *   <li>{@code top-up <baseUrl> <jdbcUrl> <fen>} tops up every active account of the city region at the counter
 *       (through the API, as the admin), so that a long run measures payments rather than refusals of drained
 *       accounts;</li>
 *   <li>{@code load <baseUrl> <apiKey> <jdbcUrl> <clients> <seconds> <ackFile> <label>} pays with N concurrent clients
 *       for a bounded time and prints one Markdown table row; every acknowledged payment is appended to the ack file,
 *       every request without an answer (e.g. the server was killed) to ackFile.inflight;</li>
 *   <li>{@code verify <baseUrl> <jdbcUrl> <ackFile>} proves that every acknowledged payment is in the ledger exactly
 *       once with its amount, retries the unanswered ones (each must end up recorded at most once), and asks the
 *       platform's ledger check whether every balance is the sum of its entries.</li>
 * </ul>
 */
public final class CanteenLoad {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TERMINAL = "YX-T01";
  private static final long CLIENT_WARM_UP_NANOS = 2_000_000_000L;

  private CanteenLoad() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "api-key" -> System.out.println(apiKey(args[1]));
      case "top-up" -> topUp(args[1], args[2], Long.parseLong(args[3]));
      case "load" -> load(args[1], args[2], args[3], Integer.parseInt(args[4]), Integer.parseInt(args[5]),
          Path.of(args[6]), args[7]);
      case "verify" -> System.exit(verify(args[1], args[2], Path.of(args[3])) ? 0 : 1);
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    }
  }

  /** Stores a key the way the platform does (only its SM3 hash), for the city region's terminals. */
  static String apiKey(String jdbcUrl) throws Exception {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String secret = "sak_" + HexFormat.of().formatHex(bytes);
    try (Connection db = DriverManager.getConnection(jdbcUrl)) {
      try (PreparedStatement insert = db.prepareStatement("""
          insert into api_credential (kind, secret_hash, key_prefix, name, region_id, scopes, created_by)
          select 'API_KEY', ?, ?, '压测消费机', r.id, '{canteen:payments}', u.id
            from region r, user_account u where r.code = 'YX' and u.username = 'admin'""")) {
        insert.setString(1, Sm3.hex(secret));
        insert.setString(2, secret.substring(0, 10));
        insert.executeUpdate();
      }
    }
    return secret;
  }

  private static List<String> cards(String jdbcUrl) throws Exception {
    List<String> cards = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        ResultSet rs = db.createStatement().executeQuery("""
            select c.credential from canteen_credential c join canteen_account a on a.id = c.account_id
              join region r on r.id = a.region_id
             where c.kind = 'CARD' and c.status = 'ACTIVE' and a.status = 'ACTIVE' and r.code = 'YX'""")) {
      while (rs.next()) {
        cards.add(rs.getString(1));
      }
    }
    return cards;
  }

  static void topUp(String baseUrl, String jdbcUrl, long amountFen) throws Exception {
    List<Long> accounts = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        ResultSet rs = db.createStatement().executeQuery("""
            select a.id from canteen_account a join region r on r.id = a.region_id
             where a.status = 'ACTIVE' and r.code = 'YX' order by a.id""")) {
      while (rs.next()) {
        accounts.add(rs.getLong(1));
      }
    }
    HttpClient http = HttpClient.newHttpClient();
    String token = adminToken(http, baseUrl);
    long run = System.currentTimeMillis();
    int done = 0;
    for (long account : accounts) {
      String body = "{\"amountFen\":" + amountFen + ",\"idempotencyKey\":\"bench-top-up-" + run + "-" + account + "\"}";
      HttpResponse<String> response = http.send(HttpRequest.newBuilder(
          URI.create(baseUrl + "/api/v1/canteen/accounts/" + account + "/top-ups"))
          .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("top-up of account " + account + " answered " + response.statusCode() + ": "
            + response.body());
      }
      done++;
    }
    System.err.printf("topped up %d accounts with %d fen each%n", done, amountFen);
  }

  private static String adminToken(HttpClient http, String baseUrl) throws Exception {
    return JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/token"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", "admin", "password",
            "Demo@2026"))))
        .build(), HttpResponse.BodyHandlers.ofString()).body()).get("token").asText();
  }

  static void load(String baseUrl, String apiKey, String jdbcUrl, int clients, int seconds, Path ackFile, String label)
      throws Exception {
    List<String> cards = cards(jdbcUrl);
    long[][] latencies = new long[clients][];
    int[] counts = new int[clients];
    AtomicLong refused = new AtomicLong();
    AtomicLong failed = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    List<String> unanswered = Collections.synchronizedList(new ArrayList<>());
    List<Thread> threads = new ArrayList<>();
    // Each run is a fresh load-generator JVM: its first seconds run interpreted and would count the client's own
    // warm-up as the platform's latency. Payments in those seconds are real (acknowledged, verified) but not timed.
    long started = System.nanoTime() + CLIENT_WARM_UP_NANOS;
    long deadline = started + seconds * 1_000_000_000L;
    for (int c = 0; c < clients; c++) {
      int client = c;
      latencies[c] = new long[1 << 16];
      Thread thread = new Thread(() -> {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        TerminalConnection http = new TerminalConnection(baseUrl, 2_000, 10_000);
        while (!stop.get() && System.nanoTime() < deadline) {
          String card = cards.get(random.nextInt(cards.size()));
          // 1-5 fen: a run pays each card hundreds of times, which at meal prices would hit the category's daily
          // limit (200 yuan) within a minute and measure refusals; the amount does not change what a payment costs
          long amount = 1 + random.nextInt(5);
          // unique per run and client without SecureRandom (UUID.randomUUID) on the measured path
          String key = label + "-" + new UUID(random.nextLong(), random.nextLong());
          String body = "{\"terminalId\":\"" + TERMINAL + "\",\"credential\":\"" + card + "\",\"amountFen\":" + amount
              + ",\"idempotencyKey\":\"" + key + "\"}";
          long t0 = System.nanoTime();
          try {
            TerminalConnection.Response response = http.post("/api/v1/canteen/payments", apiKey, body);
            long took = System.nanoTime() - t0;
            if (response.status() == 201 || response.status() == 200) {
              JsonNode payment = JSON.readTree(response.body());
              acknowledged.add(key + "," + card + "," + amount + "," + payment.get("id").asLong());
              if (counts[client] == latencies[client].length) {
                latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
              }
              if (t0 >= started) {
                latencies[client][counts[client]++] = took;
              }
            } else if (response.status() == 422) {
              refused.incrementAndGet();
            } else {
              failed.incrementAndGet();
            }
          } catch (IOException e) {
            failed.incrementAndGet();
            if (e instanceof java.net.ConnectException || e.getCause() instanceof java.net.ConnectException) {
              // the server is down: this request never reached it, and the terminal stops (goes offline)
              http.close();
              return;
            }
            // sent but unanswered (the server died meanwhile): it may or may not be recorded; verify retries it
            unanswered.add(key + "," + card + "," + amount);
            sleep(200);
          }
        }
        http.close();
      }, "terminal-" + c);
      threads.add(thread);
      thread.start();
    }
    for (Thread thread : threads) {
      thread.join();
    }
    double elapsed = (System.nanoTime() - started) / 1e9;
    long[] all = new long[Arrays.stream(counts).sum()];
    int at = 0;
    for (int c = 0; c < clients; c++) {
      System.arraycopy(latencies[c], 0, all, at, counts[c]);
      at += counts[c];
    }
    Arrays.sort(all);
    Files.write(ackFile, acknowledged, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    Files.write(Path.of(ackFile + ".inflight"), unanswered, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    System.out.printf("| %s | %d | %d | %.1f | %.0f | %.1f | %.1f | %.1f | %d | %d |%n", label, clients, all.length,
        elapsed, all.length / elapsed, percentile(all, 0.50), percentile(all, 0.99), percentile(all, 1.0),
        refused.get(), failed.get());
  }

  private static double percentile(long[] sorted, double p) {
    if (sorted.length == 0) {
      return 0;
    }
    int index = (int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1);
    return sorted[Math.max(0, index)] / 1e6;
  }

  static boolean verify(String baseUrl, String jdbcUrl, Path ackFile) throws Exception {
    List<String> acknowledged = Files.readAllLines(ackFile);
    Path inflightFile = Path.of(ackFile + ".inflight");
    List<String> unanswered = Files.exists(inflightFile) ? Files.readAllLines(inflightFile) : List.of();
    boolean ok = true;
    int missing = 0;
    int wrong = 0;
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        PreparedStatement journal = db.prepareStatement(
            "select id, amount_fen, count(*) over () from canteen_journal where idempotency_key = ?")) {
      for (String line : acknowledged) {
        String[] parts = line.split(",");
        journal.setString(1, parts[0]);
        try (ResultSet rs = journal.executeQuery()) {
          if (!rs.next()) {
            missing++;
          } else if (rs.getLong(1) != Long.parseLong(parts[3]) || rs.getLong(2) != Long.parseLong(parts[2])
              || rs.getLong(3) != 1) {
            wrong++;
          }
        }
      }
      System.out.printf("| acknowledged payments | %d |%n| of them missing from the ledger | %d |%n"
          + "| of them recorded differently or more than once | %d |%n", acknowledged.size(), missing, wrong);
      ok &= missing == 0 && wrong == 0;

      // the unanswered ones: a terminal retries with the same key; each must then be recorded exactly once
      String apiKey = apiKey(jdbcUrl);
      HttpClient http = HttpClient.newHttpClient();
      int replayed = 0;
      int recordedNow = 0;
      int doubled = 0;
      for (String line : unanswered) {
        String[] parts = line.split(",");
        String body = "{\"terminalId\":\"" + TERMINAL + "\",\"credential\":\"" + parts[1] + "\",\"amountFen\":"
            + parts[2] + ",\"idempotencyKey\":\"" + parts[0] + "\"}";
        HttpResponse<String> response = http
            .send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/canteen/payments"))
                .header("X-API-Key", apiKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() == 200) {
          replayed++;
        } else if (response.statusCode() == 201) {
          recordedNow++;
        }
        journal.setString(1, parts[0]);
        try (ResultSet rs = journal.executeQuery()) {
          if (rs.next() && rs.getLong(3) != 1) {
            doubled++;
          }
        }
      }
      System.out.printf("| unanswered at the kill, retried with the same key | %d |%n"
          + "| of them already recorded (200, the original) | %d |%n| of them recorded by the retry (201) | %d |%n"
          + "| of them recorded more than once | %d |%n", unanswered.size(), replayed, recordedNow, doubled);
      ok &= doubled == 0;
    }
    String token = adminToken(HttpClient.newHttpClient(), baseUrl);
    JsonNode check = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(baseUrl + "/api/v1/canteen/ledger-check")).header("Authorization", "Bearer " + token).GET().build(),
        HttpResponse.BodyHandlers.ofString()).body());
    System.out.printf(
        "| ledger check: accounts / postings / journals | %d / %d / %d |%n| ledger check problems | %d |%n",
        check.get("accounts").asLong(), check.get("postings").asLong(), check.get("journals").asLong(),
        check.get("problems").size());
    ok &= check.get("ok").asBoolean();
    System.out.println("| verdict | " + (ok
        ? "every acknowledged payment is in the ledger exactly once; every balance checks"
        : "FAILED") + " |");
    return ok;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
