package cn.smartaffairs.platform.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.SecretFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedPostgresEnvironmentTest {

  @Test
  void theDefaultServerIsDurableAndAsksForAPassword() throws Exception {
    Path dataDir = Files.createTempDirectory("affairs-default");
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("given", Map.of("affairs.data-dir",
        dataDir.toString())));
    new EmbeddedPostgresEnvironment().postProcessEnvironment(environment, new SpringApplication());
    try {
      String url = environment.getProperty("spring.datasource.url");
      try (Connection connection = DriverManager.getConnection(url, "postgres",
          environment.getProperty("spring.datasource.password"));
          Statement statement = connection.createStatement()) {
        assertThat(show(statement, "fsync")).isEqualTo("on");
        assertThat(show(statement, "synchronous_commit")).isEqualTo("on");
        assertThat(show(statement, "full_page_writes")).isEqualTo("on");
        assertThat(show(statement, "password_encryption")).isEqualTo("scram-sha-256");
      }
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
          .isInstanceOf(SQLException.class);
      assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "wrong").close())
          .isInstanceOf(SQLException.class);
      assertThat(Files.getPosixFilePermissions(dataDir)).isEqualTo(SecretFiles.OWNER_ONLY_FOLDER);
      assertThat(Files.getPosixFilePermissions(dataDir.resolve("keys"))).isEqualTo(SecretFiles.OWNER_ONLY_FOLDER);
      assertThat(Files.getPosixFilePermissions(dataDir.resolve("keys/database.secret")))
          .isEqualTo(SecretFiles.OWNER_ONLY_FILE);
      assertThat(Files.readString(dataDir.resolve("keys/database.secret")))
          .isEqualTo(environment.getProperty("spring.datasource.password")).hasSize(48);
    } finally {
      EmbeddedPostgresEnvironment.stop(dataDir);
    }
  }

  @Test
  void dataSurvivesAStopAndStartOfTheEmbeddedServer() throws Exception {
    Path dataDir = Files.createTempDirectory("affairs-restart");
    try (EmbeddedDatabase first = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.Settings.defaults());
        Connection connection = connect(first);
        Statement statement = connection.createStatement()) {
      statement.execute("create table kept (note text)");
      statement.execute("insert into kept values ('重启后仍在')");
    }
    try (EmbeddedDatabase second = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.Settings.defaults())) {
      assertThat(notes(second)).containsExactly("重启后仍在");
    }
  }

  @Test
  void aDataFolderInitialisedWithTrustGetsAPasswordAndKeepsItsData() throws Exception {
    Path dataDir = Files.createTempDirectory("affairs-trust");
    // what earlier versions did: zonky's own initdb, trust for every local connection
    try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir.resolve("postgres").toFile())
        .setCleanDataDirectory(false).setRegisterShutdownHook(false).start();
        Connection connection = old.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("create table kept (note text)");
      statement.execute("insert into kept values ('升级前的数据')");
    }
    assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).containsPattern("(?m)^host.*trust");

    try (EmbeddedDatabase upgraded = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.Settings.defaults())) {
      assertThat(notes(upgraded)).containsExactly("升级前的数据");
      assertThatThrownBy(() -> DriverManager.getConnection(upgraded.jdbcUrl(), "postgres", "").close())
          .isInstanceOf(SQLException.class);
      assertThat(Files.readString(dataDir.resolve("postgres/pg_hba.conf"))).doesNotContainPattern("(?m)^[^#].*trust");
    }
  }

  @Test
  void aRestartAfterTheJvmWasKilledStopsTheOrphanedServerAndComesUpFirstTime() throws Exception {
    Path dataDir = Files.createTempDirectory("affairs-jvm-killed");
    long postmaster = killedPlatform(dataDir, "JVM 被杀前已提交");
    assertThat(OrphanedPostmaster.isPostgresOf(postmaster, dataDir.resolve("postgres")))
        .as("the killed JVM's postmaster outlives it").isTrue();

    try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.Settings.defaults())) {
      assertThat(notes(restarted)).containsExactly("JVM 被杀前已提交");
      assertThat(ProcessHandle.of(postmaster).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }
  }

  @Test
  void aRestartAfterTheJvmAndEveryDatabaseProcessWereKilledRecoversWhatWasCommitted() throws Exception {
    Path dataDir = Files.createTempDirectory("affairs-all-killed");
    long postmaster = killedPlatform(dataDir, "全部被杀前已提交");
    ProcessHandle master = ProcessHandle.of(postmaster).orElseThrow();
    List<ProcessHandle> all = new ArrayList<>(master.descendants().toList());
    all.add(master);
    all.forEach(ProcessHandle::destroyForcibly);
    for (ProcessHandle process : all) {
      process.onExit().get(10, TimeUnit.SECONDS);
    }
    assertThat(dataDir.resolve("postgres/postmaster.pid")).exists();

    try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dataDir, EmbeddedDatabase.Settings.defaults())) {
      assertThat(notes(restarted)).containsExactly("全部被杀前已提交");
    }
  }

  @Test
  void aConfiguredDatasourceIsLeftAlone() {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("given",
        Map.of("spring.datasource.url", "jdbc:postgresql://db.example:5432/affairs")));
    new EmbeddedPostgresEnvironment().postProcessEnvironment(environment, null);
    assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/affairs");
    assertThat(environment.getPropertySources().contains("embeddedPostgres")).isFalse();
  }

  /** Starts the database in a child JVM that commits a row, SIGKILLs that JVM and answers its postmaster's pid. */
  private static long killedPlatform(Path dataDir, String note) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        EmbeddedDatabaseProcess.class.getName(), dataDir.toString(), note)
        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
    try (BufferedReader out = new BufferedReader(
        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("READY")) {
        // the child's own output before it is ready
      }
      assertThat(line).as("the child JVM started its database").startsWith("READY");
    }
    child.destroyForcibly(); // SIGKILL: no shutdown hook runs
    assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return Long.parseLong(Files.readAllLines(dataDir.resolve("postgres/postmaster.pid")).get(0).trim());
  }

  private static Connection connect(EmbeddedDatabase database) throws SQLException {
    return DriverManager.getConnection(database.jdbcUrl(), "postgres", database.password());
  }

  private static List<String> notes(EmbeddedDatabase database) throws SQLException {
    List<String> notes = new ArrayList<>();
    try (Connection connection = connect(database);
        ResultSet rows = connection.createStatement().executeQuery("select note from kept")) {
      while (rows.next()) {
        notes.add(rows.getString(1));
      }
    }
    return notes;
  }

  private static String show(Statement statement, String setting) throws SQLException {
    try (ResultSet rs = statement.executeQuery("show " + setting)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
