package cn.smartaffairs.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.platform.SecretFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;

class FieldCipherKeyFileTest {

  @Test
  void aGeneratedKeyIsReadableByItsOwnerOnly() throws Exception {
    Path dataDir = Files.createTempDirectory("affairs-key");
    FieldCipher cipher = new FieldCipher("", dataDir.toString());
    Path key = dataDir.resolve("keys/field.key");
    assertThat(Files.getPosixFilePermissions(key)).isEqualTo(SecretFiles.OWNER_ONLY_FILE);
    assertThat(Files.getPosixFilePermissions(key.getParent())).isEqualTo(SecretFiles.OWNER_ONLY_FOLDER);
    assertThat(new FieldCipher("", dataDir.toString()).decrypt(cipher.encrypt("13800000000"))).isEqualTo("13800000000");
  }

  @Test
  void aWorldReadableKeyOfAnEarlierVersionIsNarrowedAndKept() throws Exception {
    Path dataDir = Files.createTempDirectory("affairs-old-key");
    Path key = Files.createDirectories(dataDir.resolve("keys")).resolve("field.key");
    Files.writeString(key, "00112233445566778899aabbccddeeff");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
    String stored = new FieldCipher("00112233445566778899aabbccddeeff", "unused").encrypt("保密");

    assertThat(new FieldCipher("", dataDir.toString()).decrypt(stored)).isEqualTo("保密");
    assertThat(Files.getPosixFilePermissions(key)).isEqualTo(SecretFiles.OWNER_ONLY_FILE);
  }
}
