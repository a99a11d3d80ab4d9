package cn.smartaffairs.platform.database;

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
 * restarts; setting {@code spring.datasource.url} switches to a real server instead. Durable by default;
 * only {@code affairs.embedded-database.durable=false} (the test profile's throw-away database) turns fsync off.
 */
public class EmbeddedPostgresEnvironment implements EnvironmentPostProcessor {

  /** One server per data folder and JVM: tests create many application contexts over one database. */
  private static final Map<Path, EmbeddedDatabase> RUNNING = new ConcurrentHashMap<>();

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    if (environment.containsProperty("spring.datasource.url")
        || !environment.getProperty("affairs.embedded-database.enabled", Boolean.class, true)) {
      return;
    }
    Path dataDir = Path.of(environment.getProperty("affairs.data-dir", "./data")).toAbsolutePath().normalize();
    EmbeddedDatabase.Settings settings = new EmbeddedDatabase.Settings(
        environment.getProperty("affairs.embedded-database.fresh", Boolean.class, false),
        environment.getProperty("affairs.embedded-database.durable", Boolean.class, true),
        environment.getProperty("affairs.embedded-database.port", Integer.class, 0));
    EmbeddedDatabase database = RUNNING.computeIfAbsent(dataDir, dir -> {
      EmbeddedDatabase started = EmbeddedDatabase.start(dir, settings);
      // Spring Boot runs its shutdown handlers after every application context has closed: the connection pools
      // are shut before the server goes, so Ctrl-C ends without terminated-connection errors
      SpringApplication.getShutdownHandlers().add(() -> stop(dir));
      return started;
    });
    environment.getPropertySources().addFirst(new MapPropertySource("embeddedPostgres", Map.of(
        "spring.datasource.url", database.jdbcUrl(),
        "spring.datasource.username", EmbeddedDatabase.SUPERUSER,
        "spring.datasource.password", database.password())));
  }

  /** Stops the server of a data folder started here (shutdown, and tests that start the post-processor). */
  static void stop(Path dataDir) {
    EmbeddedDatabase database = RUNNING.remove(dataDir.toAbsolutePath().normalize());
    if (database != null) {
      database.close();
    }
  }
}
