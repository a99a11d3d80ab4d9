package cn.smartaffairs.platform;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A change on one instance clears the cache of every other instance on the same database at once (LISTEN/NOTIFY),
 * only when the change commits; otherwise an entry lives no longer than the configured lifetime. The "other
 * instance" is a second hub with its own listening connection, as a second JVM would have.
 */
@IntegrationTest
class SharedCachesTest {

  @Autowired SharedCaches here;
  @Autowired JdbcClient jdbc;
  @Autowired DataSourceProperties database;
  @Autowired PlatformTransactionManager transactions;
  SharedCaches elsewhere;
  String name;

  @BeforeEach
  void startAnotherInstance() throws InterruptedException {
    elsewhere = new SharedCaches(jdbc, database, Duration.ofHours(1));
    elsewhere.start();
    name = "test-" + System.nanoTime();
    Thread.sleep(1_500); // its listening connection is open
  }

  @AfterEach
  void stopIt() {
    elsewhere.stop();
  }

  @Test
  void aCommittedChangeClearsTheCacheOfAnotherInstance() throws InterruptedException {
    AtomicInteger loads = new AtomicInteger();
    SharedCache<String, Integer> there = elsewhere.cache(name);
    assertThat(there.get("key", key -> loads.incrementAndGet())).isEqualTo(1);
    assertThat(there.get("key", key -> loads.incrementAndGet())).isEqualTo(1);

    new TransactionTemplate(transactions).executeWithoutResult(status -> here.cache(name).invalidate());

    assertThat(eventually(() -> there.get("key", key -> loads.incrementAndGet()) == 2)).isTrue();
  }

  @Test
  void aRolledBackChangeClearsNothingElsewhere() throws InterruptedException {
    AtomicInteger loads = new AtomicInteger();
    SharedCache<String, Integer> there = elsewhere.cache(name);
    there.get("key", key -> loads.incrementAndGet());

    new TransactionTemplate(transactions).executeWithoutResult(status -> {
      here.cache(name).invalidate();
      status.setRollbackOnly();
    });
    Thread.sleep(2_000);

    assertThat(there.get("key", key -> loads.incrementAndGet())).isEqualTo(1);
  }

  @Test
  void anEntryLivesNoLongerThanTheLifetime() throws InterruptedException {
    SharedCaches shortLived = new SharedCaches(jdbc, database, Duration.ofMillis(200));
    AtomicInteger loads = new AtomicInteger();
    SharedCache<String, Integer> cache = shortLived.cache(name);
    cache.get("key", key -> loads.incrementAndGet());
    Thread.sleep(300);

    assertThat(cache.get("key", key -> loads.incrementAndGet())).isEqualTo(2);
  }

  private static boolean eventually(java.util.function.BooleanSupplier condition) throws InterruptedException {
    for (int i = 0; i < 50; i++) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(100);
    }
    return false;
  }
}
