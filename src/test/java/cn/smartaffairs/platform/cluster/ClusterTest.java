package cn.smartaffairs.platform.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import cn.smartaffairs.crypto.Sm3;
import cn.smartaffairs.support.WebSession;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances behind nginx on one PostgreSQL, as {@code bin/cluster} starts them from the packaged jar (run by
 * failsafe after {@code package}): a page session continues whichever instance answers, ending an account's sessions
 * reaches both, and terminal payments through both at once stay exact when one instance is killed with SIGKILL in the
 * middle of the load — the other carries on, and every acknowledged payment is in the ledger exactly once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class ClusterTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String PASSWORD = "Demo@2026";
  private static final String TERMINAL = "YX-T01";
  private static final String INSTANCE_HEADER = "X-Instance";

  private static Path dir;
  private static Process cluster;
  private static Properties env;
  private static int nginxPort;
  private static String jdbcUrl;

  @BeforeAll
  static void startCluster() throws Exception {
    dir = Files.createTempDirectory("cluster-test");
    int[] ports = freePorts(4);
    nginxPort = ports[0];
    ProcessBuilder script = new ProcessBuilder("bin/cluster")
        .redirectErrorStream(true)
        .redirectOutput(dir.resolve("cluster.out").toFile());
    script.environment().putAll(Map.of(
        "CLUSTER_DIR", dir.toString(),
        "CLUSTER_PORT", String.valueOf(ports[0]),
        "CLUSTER_DB_PORT", String.valueOf(ports[1]),
        "CLUSTER_INSTANCE_PORTS", ports[2] + " " + ports[3],
        // small heaps: both instances, the database and this JVM share two busy cores
        "CLUSTER_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC"));
    cluster = script.start();
    Path envFile = dir.resolve("cluster.env");
    long deadline = System.nanoTime() + Duration.ofMinutes(7).toNanos();
    while (!Files.exists(envFile) && cluster.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    if (!Files.exists(envFile)) {
      String output = Files.readString(dir.resolve("cluster.out"));
      fail("bin/cluster did not get ready" + (cluster.isAlive() ? " in time" : " (exit " + cluster.exitValue() + ")")
          + ":\n" + output);
    }
    env = new Properties();
    try (var reader = Files.newBufferedReader(envFile)) {
      env.load(reader);
    }
    jdbcUrl = "jdbc:postgresql://127.0.0.1:" + env.getProperty("DB_PORT") + "/postgres?user=postgres&password="
        + Files.readString(Path.of(env.getProperty("DB_PASSWORD_FILE"))).trim();
  }

  /** Stops everything bin/cluster started, also when a test failed: SIGTERM to the script, then each process by id. */
  @AfterAll
  static void stopCluster() throws Exception {
    if (cluster != null) {
      cluster.destroy();
      if (!cluster.waitFor(90, TimeUnit.SECONDS)) {
        cluster.destroyForcibly();
      }
    }
    if (env != null) {
      for (String pid : List.of("NGINX_PID", "INSTANCE_1_PID", "INSTANCE_2_PID", "DB_PID")) {
        ProcessHandle.of(Long.parseLong(env.getProperty(pid))).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
    if (dir != null) {
      // the script's output and the instances' logs stay under target/ for a failed run to be read
      Path kept = Path.of("target", "cluster-test");
      Files.createDirectories(kept);
      try (Stream<Path> logs = Files.list(dir.resolve("logs"))) {
        for (Path log : (Iterable<Path>) logs::iterator) {
          Files.copy(log, kept.resolve(log.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      } catch (IOException e) {
        // no logs yet: the script stopped before starting anything
      }
      Files.copy(dir.resolve("cluster.out"), kept.resolve("cluster.out"),
          java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      try (Stream<Path> files = Files.walk(dir)) {
        files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
      }
    }
  }

  @Test
  @Order(1)
  void aPageSessionContinuesOnTheOtherInstance() {
    // the sign-in form is fetched from one instance and posted to the other: the CSRF token is in the shared session
    WebSession browser = new WebSession(nginxPort).signedInAs("admin", PASSWORD);
    Set<String> answeredBy = new HashSet<>();
    for (int i = 0; i < 6; i++) {
      WebSession.Page home = browser.get("/");
      assertThat(home.status()).as("request %d", i).isEqualTo(200);
      answeredBy.add(home.header(INSTANCE_HEADER));
    }
    assertThat(answeredBy).containsExactlyInAnyOrder("instance-1", "instance-2");
  }

  @Test
  @Order(2)
  void aChangedPasswordEndsTheOtherSessionsOnEveryInstance() {
    WebSession changing = new WebSession(nginxPort).signedInAs("staff", PASSWORD);
    WebSession elsewhere = new WebSession(nginxPort).signedInAs("staff", PASSWORD);
    assertThat(elsewhere.get("/").status()).isEqualTo(200);

    WebSession.Page changed = changing.submit("/account/password", Map.of("currentPassword", PASSWORD,
        "newPassword", "Changed#2026c", "confirmPassword", "Changed#2026c"));
    assertThat(changed.status()).isEqualTo(302);

    Set<String> answeredBy = new HashSet<>();
    for (int i = 0; i < 4; i++) {
      WebSession.Page ended = elsewhere.get("/");
      assertThat(ended.status()).isEqualTo(302);
      assertThat(ended.redirectPath()).startsWith("/login");
      answeredBy.add(ended.header(INSTANCE_HEADER));
      WebSession.Page kept = changing.get("/");
      assertThat(kept.status()).isEqualTo(200);
      answeredBy.add(kept.header(INSTANCE_HEADER));
    }
    assertThat(answeredBy).containsExactlyInAnyOrder("instance-1", "instance-2");
  }

  @Test
  @Order(3)
  void paymentsThroughBothInstancesStayExactWhenOneIsKilled() throws Exception {
    String apiKey = apiKey();
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    String token = JSON.readTree(send(http, "POST", "/api/v1/auth/token", null,
        "{\"username\":\"admin\",\"password\":\"" + PASSWORD + "\"}").body()).get("token").asText();
    List<String> cards = topUpCards(http, token, 40, 10_000);

    List<String> acknowledged = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicInteger> answeredBy = Map.of("instance-1", new AtomicInteger(), "instance-2",
        new AtomicInteger());
    AtomicInteger answeredByInstance1AfterKill = new AtomicInteger();
    AtomicInteger retried = new AtomicInteger();
    AtomicInteger refused = new AtomicInteger();
    AtomicLong killedAt = new AtomicLong(Long.MAX_VALUE);
    List<String> lost = Collections.synchronizedList(new ArrayList<>());
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<Thread> terminals = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      Thread thread = new Thread(() -> {
        HttpClient terminal = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline) {
          String card = cards.get(random.nextInt(cards.size()));
          long amount = 1 + random.nextInt(5);
          String key = "cluster-" + UUID.randomUUID();
          String body = "{\"terminalId\":\"" + TERMINAL + "\",\"credential\":\"" + card + "\",\"amountFen\":" + amount
              + ",\"idempotencyKey\":\"" + key + "\"}";
          // a payment without an answer (the instance died, nginx answered 502) is sent again with the same key
          for (int attempt = 0;; attempt++) {
            if (attempt == 20) {
              lost.add(key);
              break;
            }
            HttpResponse<String> answer;
            try {
              answer = send(terminal, "POST", "/api/v1/canteen/payments", Map.of("X-API-Key", apiKey), body);
            } catch (IOException e) {
              answer = null;
            }
            if (answer != null && (answer.statusCode() == 201 || answer.statusCode() == 200)) {
              String instance = answer.headers().firstValue(INSTANCE_HEADER).orElse("?");
              answeredBy.get(instance).incrementAndGet();
              if (instance.equals("instance-1") && System.nanoTime() > killedAt.get()) {
                answeredByInstance1AfterKill.incrementAndGet();
              }
              acknowledged.add(key + "," + amount + "," + json(answer.body()).get("id").asLong());
              break;
            }
            if (answer != null && answer.statusCode() == 422) {
              refused.incrementAndGet();
              break;
            }
            retried.incrementAndGet();
            sleep(250);
          }
        }
      }, "terminal-" + t);
      terminals.add(thread);
      thread.start();
    }
    sleep(6_000);
    ProcessHandle instance2 = ProcessHandle.of(Long.parseLong(env.getProperty("INSTANCE_2_PID"))).orElseThrow();
    assertThat(answeredBy.get("instance-2").get()).as("instance-2 paid before it was killed").isPositive();
    killedAt.set(System.nanoTime());
    new ProcessBuilder("kill", "-KILL", String.valueOf(instance2.pid())).start().waitFor();
    for (Thread terminal : terminals) {
      terminal.join();
    }

    assertThat(instance2.isAlive()).isFalse();
    assertThat(lost).as("payments never answered after 20 tries").isEmpty();
    assertThat(answeredByInstance1AfterKill.get()).as("instance-1 carried on after the kill").isPositive();
    assertThat(acknowledged).hasSizeGreaterThan(50);
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        PreparedStatement journal = db.prepareStatement(
            "select id, amount_fen from canteen_journal where idempotency_key = ?")) {
      for (String line : acknowledged) {
        String[] parts = line.split(",");
        journal.setString(1, parts[0]);
        List<long[]> rows = new ArrayList<>();
        try (ResultSet rs = journal.executeQuery()) {
          while (rs.next()) {
            rows.add(new long[] {rs.getLong(1), rs.getLong(2)});
          }
        }
        assertThat(rows).as("ledger entries of acknowledged payment %s", parts[0]).hasSize(1);
        assertThat(rows.get(0)).containsExactly(Long.parseLong(parts[2]), Long.parseLong(parts[1]));
      }
    }
    JsonNode check = json(send(http, "GET", "/api/v1/canteen/ledger-check", Map.of("Authorization", "Bearer " + token),
        null).body());
    assertThat(check.get("ok").asBoolean()).as("ledger check: %s", check).isTrue();
    System.out.printf("cluster payments: %d acknowledged (instance-1 %d, of them %d after the kill; instance-2 %d), "
        + "%d refused, %d sent again after no answer%n", acknowledged.size(), answeredBy.get("instance-1").get(),
        answeredByInstance1AfterKill.get(), answeredBy.get("instance-2").get(), refused.get(), retried.get());

    // and the pages carry on too: the other instance answers every request now
    WebSession browser = new WebSession(nginxPort).signedInAs("admin", PASSWORD);
    for (int i = 0; i < 3; i++) {
      WebSession.Page home = browser.get("/");
      assertThat(home.status()).isEqualTo(200);
      assertThat(home.header(INSTANCE_HEADER)).isEqualTo("instance-1");
    }
  }

  /** A terminal API key stored as the platform stores one (its SM3 hash only), for the city region. */
  private static String apiKey() throws Exception {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    String secret = "sak_" + HexFormat.of().formatHex(bytes);
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        PreparedStatement insert = db.prepareStatement("""
            insert into api_credential (kind, secret_hash, key_prefix, name, region_id, scopes, created_by)
            select 'API_KEY', ?, ?, '集群测试消费机', r.id, '{canteen:payments}', u.id
              from region r, user_account u where r.code = 'YX' and u.username = 'admin'""")) {
      insert.setString(1, Sm3.hex(secret));
      insert.setString(2, secret.substring(0, 10));
      insert.executeUpdate();
    }
    return secret;
  }

  /** Cards of active city accounts, each topped up at the counter (through nginx, as the admin). */
  private static List<String> topUpCards(HttpClient http, String token, int count, long fen) throws Exception {
    List<String> cards = new ArrayList<>();
    try (Connection db = DriverManager.getConnection(jdbcUrl);
        ResultSet rs = db.createStatement().executeQuery("""
            select a.id, c.credential from canteen_credential c join canteen_account a on a.id = c.account_id
              join region r on r.id = a.region_id
             where c.kind = 'CARD' and c.status = 'ACTIVE' and a.status = 'ACTIVE' and r.code = 'YX'
             order by a.id limit %d""".formatted(count))) {
      while (rs.next()) {
        HttpResponse<String> topUp = send(http, "POST", "/api/v1/canteen/accounts/" + rs.getLong(1) + "/top-ups",
            Map.of("Authorization", "Bearer " + token),
            "{\"amountFen\":" + fen + ",\"idempotencyKey\":\"cluster-top-up-" + rs.getLong(1) + "\"}");
        assertThat(topUp.statusCode()).as("top-up: %s", topUp.body()).isIn(200, 201);
        cards.add(rs.getString(2));
      }
    }
    assertThat(cards).hasSizeGreaterThan(10);
    return cards;
  }

  private static HttpResponse<String> send(HttpClient http, String method, String path, Map<String, String> headers,
      String json) throws IOException {
    var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + nginxPort + path))
        .timeout(Duration.ofSeconds(30))
        .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    if (headers != null) {
      headers.forEach(request::header);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
  }

  private static JsonNode json(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(body, e);
    }
  }

  private static int[] freePorts(int count) throws IOException {
    int[] ports = new int[count];
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
    return ports;
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
