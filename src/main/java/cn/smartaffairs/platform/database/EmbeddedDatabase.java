package cn.smartaffairs.platform.database;

import cn.smartaffairs.platform.SecretFiles;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The embedded PostgreSQL of one data folder: {@code <data-dir>/postgres} (0700), its superuser's password in
 * {@code <data-dir>/keys/database.secret} (0600, beside the SM4 field key), every connection by password (SCRAM), and
 * durable unless the settings say otherwise. Starting it first stops an orphaned server of the same folder, and gives
 * a folder that an earlier version initialised with {@code trust} a password.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  public static final String SUPERUSER = "postgres";

  /** Rewritten at every start, so that a folder initialised with {@code trust} does not keep it. */
  static final String PASSWORD_ONLY_HBA = """
      # Written by the platform at every start (EmbeddedDatabase): every connection needs the password kept in
      # <data-dir>/keys/database.secret. Edits here are overwritten.
      local all all scram-sha-256
      host all all 127.0.0.1/32 scram-sha-256
      host all all ::1/128 scram-sha-256
      """;

  /** How the server runs: a new data folder each start ({@code fresh}), crash-safe commits, a fixed port (0: any). */
  public record Settings(boolean fresh, boolean durable, int port) {
    public static Settings defaults() {
      return new Settings(false, true, 0);
    }
  }

  private final EmbeddedPostgres postgres;
  private final String password;

  private EmbeddedDatabase(EmbeddedPostgres postgres, String password) {
    this.postgres = postgres;
    this.password = password;
  }

  public static EmbeddedDatabase start(Path dataDir, Settings settings) {
    Path pgData = dataDir.resolve("postgres");
    try {
      SecretFiles.createOwnerOnlyFolder(dataDir);
      Path secretFile = dataDir.resolve("keys").resolve("database.secret");
      SecretFiles.Secret secret = SecretFiles.readOrGenerate(secretFile, 24);
      OrphanedPostmaster.stopIfAny(pgData);
      if (settings.fresh()) {
        deleteRecursively(pgData);
      }
      if (!Files.exists(pgData.resolve("postgresql.conf"))) {
        deleteRecursively(pgData);
        PostgresBinaries.initialise(pgData, secretFile);
      } else if (secret.generated() || !Files.readString(pgData.resolve("pg_hba.conf")).equals(PASSWORD_ONLY_HBA)) {
        PostgresBinaries.setSuperuserPassword(pgData, secret.value());
      }
      Files.writeString(pgData.resolve("pg_hba.conf"), PASSWORD_ONLY_HBA);
      String onOff = settings.durable() ? "on" : "off";
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgData.toFile())
          .setCleanDataDirectory(false)
          // stopped by the platform after its application context closed, not by a hook racing the context
          .setRegisterShutdownHook(false)
          .setPort(settings.port())
          .setConnectConfig("password", secret.value())
          // crash recovery after a kill replays the WAL before the server answers
          .setPGStartupWait(Duration.ofMinutes(3))
          // zonky's defaults are a test database's (fsync and synchronous_commit off): a ledger needs every commit
          // on disk before it is acknowledged; group commit (ADR 0009) keeps payments fast all the same
          .setServerConfig("fsync", onOff)
          .setServerConfig("synchronous_commit", onOff)
          .setServerConfig("full_page_writes", onOff)
          .setServerConfig("timezone", "Asia/Shanghai")
          .setServerConfig("max_connections", "200")
          .start();
      return new EmbeddedDatabase(postgres, secret.value());
    } catch (IOException e) {
      throw new UncheckedIOException("无法启动内置数据库 (embedded PostgreSQL could not start) in " + pgData, e);
    }
  }

  public String jdbcUrl() {
    return postgres.getJdbcUrl(SUPERUSER, "postgres");
  }

  public int port() {
    return postgres.getPort();
  }

  public String password() {
    return password;
  }

  /** A checkpoint first, so that zonky's short (5 s) fast shutdown has little left to write. */
  @Override
  public void close() {
    try (Connection connection = postgres.getPostgresDatabase().getConnection();
        Statement statement = connection.createStatement()) {
      statement.execute("checkpoint");
    } catch (SQLException alreadyDown) {
      // nothing to flush
    }
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is stopping; the server stops with its postmaster either way
    }
  }

  private static void deleteRecursively(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(folder)) {
      List<Path> deepestFirst = paths.sorted(Comparator.reverseOrder()).toList();
      for (Path path : deepestFirst) {
        Files.delete(path);
      }
    }
  }
}
