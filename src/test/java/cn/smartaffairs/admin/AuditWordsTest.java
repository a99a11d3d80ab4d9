package cn.smartaffairs.admin;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.workorder.WorkOrderAction;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The audit trail names every action and record type in words, in Chinese and in English: each code the program
 * records ({@code new AuditEntry("APPROVE", "vehicle_request", …)}, {@code AuditEntry.created("canteen_dish", …)}) has
 * an {@code audit.action.*} or {@code audit.entity.*} message.
 */
class AuditWordsTest {

  private static final Pattern NEW_ENTRY = Pattern.compile("new AuditEntry\\(\\s*([^,]+?),\\s*\"([a-z_]+)\"");
  private static final Pattern SHORT_ENTRY = Pattern
      .compile("AuditEntry\\.(?:created|updated|deleted)\\(\\s*\"([a-z_]+)\"");
  private static final Pattern CODE = Pattern.compile("\"([A-Z][A-Z_]+)\"");
  /**
   * Actions held in a variable where they are recorded: the reminders of the overdue watches and the work order's
   * own moves.
   */
  private static final Set<String> ACTIONS_IN_VARIABLES = Set.of("REMINDER", "URGE", "SUPERVISE", "OVERDUE",
      "DUE_SOON");

  @Test
  void everyActionAndRecordTypeTheProgramAuditsHasWordsInBothLanguages() throws IOException {
    Set<String> actions = new TreeSet<>(Set.of("CREATE", "UPDATE", "DELETE"));
    actions.addAll(ACTIONS_IN_VARIABLES);
    Arrays.stream(WorkOrderAction.values()).map(Enum::name).forEach(actions::add);
    Set<String> entityTypes = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        String code = Files.readString(source);
        Matcher entry = NEW_ENTRY.matcher(code);
        while (entry.find()) {
          Matcher action = CODE.matcher(entry.group(1));
          while (action.find()) {
            actions.add(action.group(1));
          }
          entityTypes.add(entry.group(2));
        }
        Matcher shortEntry = SHORT_ENTRY.matcher(code);
        while (shortEntry.find()) {
          entityTypes.add(shortEntry.group(1));
        }
      }
    }
    // a status compared in the expression that chooses the action, not an action
    actions.remove("FROZEN");
    assertThat(entityTypes).hasSizeGreaterThan(50);

    for (boolean english : new boolean[] {false, true}) {
      Properties words = bundles(english);
      List<String> missing = new ArrayList<>();
      actions.stream().map(a -> "audit.action." + a).filter(k -> !words.containsKey(k)).forEach(missing::add);
      entityTypes.stream().map(t -> "audit.entity." + t).filter(k -> !words.containsKey(k)).forEach(missing::add);
      assertThat(missing).as(english ? "English words" : "Chinese words").isEmpty();
    }
  }

  private static Properties bundles(boolean english) throws IOException {
    Properties all = new Properties();
    for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
      if (bundle.getFilename().endsWith("_en.properties") == english) {
        var keys = new Properties();
        try (InputStream in = bundle.getInputStream()) {
          keys.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        all.putAll(keys);
      }
    }
    return all;
  }
}
