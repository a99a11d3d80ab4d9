package cn.smartaffairs.platform.database;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * The platform's embedded PostgreSQL on its own, without the application, for several instances to share
 * ({@code bin/cluster}): any instance can then be stopped or killed while the database stays. Same folder layout, password
 * file and durable settings as the embedded default. Runs until it is sent SIGTERM (or Ctrl-C), then stops the server.
 * <pre>java -cp smart-affairs.jar -Dloader.main=cn.smartaffairs.platform.database.SharedDatabase \
 *   org.springframework.boot.loader.launch.PropertiesLauncher &lt;data-dir&gt; &lt;port&gt;</pre>
 */
public final class SharedDatabase {

  private SharedDatabase() {}

  public static void main(String[] args) throws InterruptedException {
    if (args.length != 2) {
      System.err.println("usage: SharedDatabase <data-dir> <port>");
      System.exit(2);
    }
    Path dataDir = Path.of(args[0]).toAbsolutePath().normalize();
    EmbeddedDatabase database = EmbeddedDatabase.start(dataDir,
        new EmbeddedDatabase.Settings(false, true, Integer.parseInt(args[1])));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      database.close();
      stopped.countDown();
    }, "shared-database-stop"));
    // the line bin/cluster waits for; the password stays in <data-dir>/keys/database.secret
    System.out.println("shared database ready at " + database.jdbcUrl());
    System.out.flush();
    stopped.await();
  }
}
