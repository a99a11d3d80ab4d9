package cn.smartaffairs.platform.database;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * A platform stand-in for the crash tests: starts the embedded database of a data folder in its own JVM, commits one
 * row, prints the server's port and then waits to be killed.
 */
public final class EmbeddedDatabaseProcess {

  private EmbeddedDatabaseProcess() {}

  public static void main(String[] args) throws Exception {
    EmbeddedDatabase database = EmbeddedDatabase.start(Path.of(args[0]), EmbeddedDatabase.Settings.defaults());
    try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.SUPERUSER,
        database.password());
        Statement statement = connection.createStatement()) {
      statement.execute("create table if not exists kept (note text)");
      statement.execute("insert into kept values ('" + args[1] + "')");
    }
    System.out.println("READY " + database.port());
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
