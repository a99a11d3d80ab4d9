package cn.smartaffairs.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;

/**
 * Secrets the platform generates for a self-contained install (the SM4 field key, the embedded database's password)
 * live in files that only the platform's own operating-system user can read: the file 0600, its folder 0700.
 */
public final class SecretFiles {

  public static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
  public static final Set<PosixFilePermission> OWNER_ONLY_FOLDER = PosixFilePermissions.fromString("rwx------");

  private static final SecureRandom RANDOM = new SecureRandom();

  private SecretFiles() {}

  /** A secret read from a file, and whether this call generated it. */
  public record Secret(String value, boolean generated) {}

  /**
   * Reads the secret kept in {@code file}, or generates {@code bytes} random bytes (written as hex digits) into a new
   * owner-only file. An existing file keeps its content; its folder and itself are narrowed to owner-only.
   */
  public static Secret readOrGenerate(Path file, int bytes) {
    try {
      createOwnerOnlyFolder(file.toAbsolutePath().getParent());
      if (Files.exists(file)) {
        restrictToOwner(file);
        return new Secret(Files.readString(file).trim(), false);
      }
      byte[] fresh = new byte[bytes];
      RANDOM.nextBytes(fresh);
      String hex = HexFormat.of().formatHex(fresh);
      try {
        // created owner-only from the first byte on: no moment in which another user could read it
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE));
      } catch (FileAlreadyExistsException raced) {
        return new Secret(Files.readString(file).trim(), false);
      } catch (UnsupportedOperationException notPosix) {
        Files.createFile(file);
      }
      Files.writeString(file, hex);
      return new Secret(hex, true);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read or create the secret file " + file, e);
    }
  }

  /** Creates the folder (and its parents) if needed and makes it readable by its owner only. */
  public static void createOwnerOnlyFolder(Path folder) throws IOException {
    Files.createDirectories(folder);
    setPermissions(folder, OWNER_ONLY_FOLDER);
  }

  /** Narrows an existing file to owner read and write (a key file written by an earlier version was 0644). */
  public static void restrictToOwner(Path file) throws IOException {
    setPermissions(file, OWNER_ONLY_FILE);
  }

  private static void setPermissions(Path path, Set<PosixFilePermission> permissions) throws IOException {
    try {
      if (!Files.getPosixFilePermissions(path).equals(permissions)) {
        Files.setPosixFilePermissions(path, permissions);
      }
    } catch (UnsupportedOperationException notPosix) {
      // e.g. Windows: the folder's ACL applies instead
    }
  }
}
