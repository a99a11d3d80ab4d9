package cn.smartaffairs.platform.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A postmaster left behind by a platform that was killed (SIGKILL, out of memory): PostgreSQL runs in its own
 * session and survives its JVM, keeps the data folder's {@code postmaster.pid} and would make the next start fail.
 * It is found through that pid file, checked to be a postgres working in this very data folder, and shut down the
 * way an administrator would (fast shutdown: sessions end, a checkpoint is written), so the next start is clean.
 */
final class OrphanedPostmaster {

  private static final Logger log = LoggerFactory.getLogger(OrphanedPostmaster.class);
  private static final Duration FAST_SHUTDOWN = Duration.ofSeconds(60);
  private static final Duration IMMEDIATE_SHUTDOWN = Duration.ofSeconds(15);

  private OrphanedPostmaster() {}

  /** Stops the orphan of {@code pgData} if there is one, and removes a pid file whose process is gone. */
  static void stopIfAny(Path pgData) {
    Path pidFile = pgData.resolve("postmaster.pid");
    if (!Files.exists(pidFile)) {
      return;
    }
    refuseIfAnotherPlatformUsesIt(pgData);
    Optional<Long> pid = postmasterPid(pidFile);
    if (pid.isEmpty() || !isPostgresOf(pid.get(), pgData)) {
      // the postmaster died with the machine or the process was killed; its pid may now be another program's
      deleteQuietly(pidFile);
      return;
    }
    log.warn("内置数据库仍在运行 (an embedded PostgreSQL of a stopped platform still runs, pid {}): stopping it", pid.get());
    signal(pid.get(), "INT");
    if (awaitExit(pid.get(), FAST_SHUTDOWN)) {
      return;
    }
    // immediate shutdown: no checkpoint, the next start replays the WAL; nothing committed is lost
    signal(pid.get(), "QUIT");
    if (!awaitExit(pid.get(), IMMEDIATE_SHUTDOWN)) {
      throw new IllegalStateException("内置数据库进程 " + pid.get() + " 无法停止 (the orphaned embedded PostgreSQL of "
          + pgData + " does not stop)");
    }
  }

  /** zonky holds a lock on {@code epg-lock} while its server runs: a held lock means a live platform, not an orphan. */
  private static void refuseIfAnotherPlatformUsesIt(Path pgData) {
    Path lockFile = pgData.resolve("epg-lock");
    if (!Files.exists(lockFile)) {
      return;
    }
    try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        FileLock lock = channel.tryLock()) {
      if (lock == null) {
        throw inUse(pgData);
      }
    } catch (OverlappingFileLockException sameJvm) {
      throw inUse(pgData);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static IllegalStateException inUse(Path pgData) {
    return new IllegalStateException("数据目录正被另一个平台进程使用 (another running platform uses " + pgData + ")");
  }

  private static Optional<Long> postmasterPid(Path pidFile) {
    try {
      List<String> lines = Files.readAllLines(pidFile);
      // a single-user backend writes its pid negated
      return lines.isEmpty() ? Optional.empty() : Optional.of(Math.abs(Long.parseLong(lines.get(0).trim())));
    } catch (IOException | NumberFormatException unreadable) {
      return Optional.empty();
    }
  }

  /** The process is a postgres and its working directory (a postmaster's is its data folder) is this one. */
  static boolean isPostgresOf(long pid, Path pgData) {
    Path proc = Path.of("/proc", Long.toString(pid));
    try {
      return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)
          && Files.readString(proc.resolve("comm")).trim().equals("postgres")
          && Files.isSameFile(proc.resolve("cwd"), pgData);
    } catch (IOException gone) {
      return false;
    }
  }

  private static void signal(long pid, String signal) {
    try {
      new ProcessBuilder("kill", "-s", signal, Long.toString(pid)).inheritIO().start().waitFor();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean awaitExit(long pid, Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < deadline) {
      if (ProcessHandle.of(pid).map(process -> !process.isAlive()).orElse(true)) {
        return true;
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
    return false;
  }

  private static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // PostgreSQL checks the pid file itself as well
    }
  }
}
