package cn.smartaffairs.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class EmbeddedPostgresEnvironmentTest {

  @Test
  void dataSurvivesAStopAndStartOfTheEmbeddedServer() throws Exception {
    Path dataDir = Files.createTempDirectory("affairs-restart");
    try (EmbeddedPostgres first = EmbeddedPostgresEnvironment.start(dataDir.resolve("postgres"), false);
         Connection connection = first.getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("create table kept (note text)");
      statement.execute("insert into kept values ('重启后仍在')");
    }
    try (EmbeddedPostgres second = EmbeddedPostgresEnvironment.start(dataDir.resolve("postgres"), false);
         Connection connection = second.getPostgresDatabase().getConnection();
         ResultSet rows = connection.createStatement().executeQuery("select note from kept")) {
      assertThat(rows.next()).isTrue();
      assertThat(rows.getString(1)).isEqualTo("重启后仍在");
    }
  }

  @Test
  void aConfiguredDatasourceIsLeftAlone() {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("given",
        Map.of("spring.datasource.url", "jdbc:postgresql://db.example:5432/affairs")));
    new EmbeddedPostgresEnvironment().postProcessEnvironment(environment, null);
    assertThat(environment.getProperty("spring.datasource.url")).isEqualTo("jdbc:postgresql://db.example:5432/affairs");
    assertThat(environment.getPropertySources().contains("embeddedPostgres")).isFalse();
  }
}
