package cn.smartaffairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A nullable column is read with {@code rs.getObject(column, Long.class)}, never with {@code rs.wasNull()}: that answers
 * for the last column read, and an argument read after it changes the answer. Three rule tables (vehicle, food safety,
 * pre-order cut-offs) once showed every national version as the region's own that way.
 */
class NullableColumnConventionTest {

  @Test
  void noMainSourceAsksWasNull() throws IOException {
    try (Stream<Path> sources = Files.walk(Path.of("src", "main", "java"))) {
      List<String> asking = sources.filter(path -> path.toString().endsWith(".java"))
          .filter(NullableColumnConventionTest::asksWasNull).map(Path::toString).toList();
      assertThat(asking).as("sources reading a nullable column with wasNull()").isEmpty();
    }
  }

  private static boolean asksWasNull(Path source) {
    try {
      return Files.readString(source).contains(".wasNull()");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
