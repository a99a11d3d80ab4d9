package cn.smartaffairs.platform;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The instances' caches kept in step through PostgreSQL: a change sends {@code NOTIFY affairs_cache, '<cache>'} in
 * the changing transaction (PostgreSQL delivers it only on commit), and every instance keeps one connection of its own,
 * outside the pool, that listens and clears the named cache. While that connection is down (the database restarts)
 * the caches are cleared at every reconnect and their entries' short lifetime bounds what an instance may miss.
 */
@Component
public class SharedCaches implements SmartLifecycle {

  static final String CHANNEL = "affairs_cache";
  private static final Logger log = LoggerFactory.getLogger(SharedCaches.class);

  private final Map<String, SharedCache<?, ?>> caches = new ConcurrentHashMap<>();
  private final JdbcClient jdbc;
  private final DataSourceProperties database;
  private final Duration lifetime;
  private volatile boolean running;
  private volatile Thread listener;

  SharedCaches(JdbcClient jdbc, DataSourceProperties database,
      @Value("${affairs.cluster.cache-lifetime:PT10S}") Duration lifetime) {
    this.jdbc = jdbc;
    this.database = database;
    this.lifetime = lifetime;
  }

  /** A cache with this name (one per name, shared by whoever asks for it). */
  @SuppressWarnings("unchecked")
  public <K, V> SharedCache<K, V> cache(String name) {
    return (SharedCache<K, V>) caches.computeIfAbsent(name, n -> new SharedCache<>(n, lifetime, this));
  }

  public Duration lifetime() {
    return lifetime;
  }

  void announce(SharedCache<?, ?> cache) {
    jdbc.sql("select pg_notify(:channel, :cache)").param("channel", CHANNEL).param("cache", cache.name())
        .query((row, n) -> n).list();
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      // a request of this instance may have reloaded the old row between the change and its commit
      TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
        @Override
        public void afterCommit() {
          cache.clearHere();
        }
      });
    }
  }

  private void listen() {
    while (running) {
      try (Connection connection = DriverManager.getConnection(database.determineUrl(),
          database.determineUsername(), database.determinePassword())) {
        try (Statement statement = connection.createStatement()) {
          statement.execute("listen " + CHANNEL);
        }
        // anything announced while no one listened is forgotten here
        caches.values().forEach(SharedCache::clearHere);
        PGConnection notices = connection.unwrap(PGConnection.class);
        while (running) {
          PGNotification[] received = notices.getNotifications(1_000);
          if (received != null) {
            for (PGNotification notice : received) {
              SharedCache<?, ?> cache = caches.get(notice.getParameter());
              if (cache != null) {
                cache.clearHere();
              }
            }
          }
        }
      } catch (SQLException e) {
        if (running) {
          log.warn("cache announcements not received ({}); retrying in 2 s, entries expire after {}", e.getMessage(),
              lifetime);
          sleep(2_000);
        }
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void start() {
    running = true;
    Thread thread = new Thread(this::listen, "shared-cache-listener");
    thread.setDaemon(true);
    listener = thread;
    thread.start();
  }

  @Override
  public void stop() {
    running = false;
    Thread thread = listener;
    if (thread != null) {
      thread.interrupt();
      try {
        thread.join(3_000);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() { return running; }
}
