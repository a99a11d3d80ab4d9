package cn.smartaffairs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Each module owns its tables: a module's SQL names only the tables its own Flyway migrations create. Another
 * module's people, units, ranks and accounts are read through the owner's public API or a read view the owner
 * publishes (every {@code create view} in a migration is such a view and may be read by anyone).
 *
 * <p>Spring Modulith sees only Java types; this test reads the SQL in the string literals and text blocks of every
 * main source file. Statements that had not moved yet were listed on {@link #NOT_YET_MOVED}, each by file and table;
 * the test fails too when a listed statement is gone, so the list could only shrink — and now it is empty.
 */
class TableOwnershipTest {

  private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
  private static final Path SOURCES = Path.of("src/main/java/cn/smartaffairs");

  /** Tables whose name carries no module prefix, by owning module (docs/architecture.md, "owns"). */
  private static final Map<String, String> OWNER_BY_TABLE = Map.ofEntries(
      Map.entry("region", "organisation"), Map.entry("unit", "organisation"),
      Map.entry("department", "organisation"), Map.entry("staff_rank", "organisation"),
      Map.entry("staff", "organisation"),
      Map.entry("user_account", "security"), Map.entry("role_assignment", "security"),
      Map.entry("api_credential", "security"), Map.entry("sign_in_throttle", "security"),
      Map.entry("spring_session", "security"), Map.entry("spring_session_attributes", "security"),
      Map.entry("audit_event", "audit"), Map.entry("audit_chain_head", "audit"),
      Map.entry("todo_item", "workbench"),
      Map.entry("calendar_day", "calendar"), Map.entry("working_hours", "calendar"),
      Map.entry("notification", "notification"), Map.entry("notification_delivery", "notification"),
      Map.entry("duty_shift", "workorder"), Map.entry("dispatch_rule", "workorder"),
      Map.entry("escalation_rule", "workorder"),
      Map.entry("shedlock", "platform"), Map.entry("event_publication", "platform"),
      Map.entry("event_publication_retry", "platform"));

  /** Table-name prefixes by owning module; the first that matches wins. */
  private static final Map<String, String> OWNER_BY_PREFIX = ownerByPrefix();

  private static Map<String, String> ownerByPrefix() {
    Map<String, String> prefixes = new LinkedHashMap<>();
    prefixes.put("org_", "organisation");
    prefixes.put("security_", "security");
    prefixes.put("approval_", "approval");
    prefixes.put("work_order", "workorder");
    prefixes.put("meeting_", "meeting");
    prefixes.put("vehicle", "vehicle");
    prefixes.put("canteen", "canteen");
    prefixes.put("space_", "space");
    prefixes.put("telemetry_", "telemetry");
    prefixes.put("asset", "asset");
    prefixes.put("reception", "reception");
    prefixes.put("access_", "access");
    return prefixes;
  }

  /**
   * Statements that still read another module's tables, by source file (below cn/smartaffairs) and table. Empty: issue
   * 13 moved the last of them (space, demo) to the read views and the owners' APIs, and the list could only shrink.
   */
  private static final Map<String, Set<String>> NOT_YET_MOVED = Map.of();

  private static final Pattern CREATE = Pattern
      .compile("(?i)\\bcreate\\s+(?:or\\s+replace\\s+)?(table|view)\\s+(?:if\\s+not\\s+exists\\s+)?([a-z_][a-z0-9_]*)");

  private static final Pattern NAMED_TABLE = Pattern
      .compile("(?i)\\b(from|join|into|update|references)\\s+([a-z_][a-z0-9_]*)\\b");

  @Test
  void everyMigratedTableHasAnOwningModule() {
    assertThat(ownerless(schema().keySet())).as("tables no module owns: add them to OWNER_BY_TABLE").isEmpty();
  }

  @Test
  void aModulesSqlNamesOnlyItsOwnTablesOrPublishedReadViews() {
    Map<String, Set<String>> foreign = foreignTablesBySourceFile();
    List<String> violations = new ArrayList<>();
    foreign.forEach((file, tables) -> {
      for (String table : tables) {
        if (!NOT_YET_MOVED.getOrDefault(file, Set.of()).contains(table)) {
          violations.add(file + " names " + table + " of module " + owner(table));
        }
      }
    });
    assertThat(violations)
        .as("read another module's people, units, ranks and accounts through its read views or public API")
        .isEmpty();
  }

  @Test
  void theListOfStatementsStillToMoveOnlyShrinks() {
    Map<String, Set<String>> foreign = foreignTablesBySourceFile();
    List<String> moved = new ArrayList<>();
    NOT_YET_MOVED.forEach((file, tables) -> {
      for (String table : tables) {
        if (!foreign.getOrDefault(file, Set.of()).contains(table)) {
          moved.add(file + " no longer names " + table);
        }
      }
    });
    assertThat(moved).as("remove these entries from NOT_YET_MOVED").isEmpty();
  }

  @Test
  void anotherModulesTablesAreRefusedItsViewsMayBeReadButNotWritten() {
    Map<String, String> schema = schema();
    assertThat(foreignNames("vehicle", "select s.name from vehicle_driver d join staff s on s.id = d.staff_id", schema))
        .containsExactly("staff");
    assertThat(foreignNames("vehicle", "select s.name from vehicle_driver d join org_person s on s.id = d.staff_id",
        schema)).isEmpty();
    assertThat(foreignNames("canteen", "update org_person set name = 'x'", schema)).containsExactly("org_person");
    assertThat(foreignNames("organisation", "update staff set name = 'x' from unit u", schema)).isEmpty();
    assertThat(foreignNames("workorder", "select 1 from security_account a join user_account u on u.id = a.id",
        schema)).containsExactly("user_account");
  }

  @Test
  void theScannerFindsTablesInTextBlocksAndLiteralsButNotInCommentsOrWords() {
    String source = """
        // select * from staff
        String a = "select id from unit u join staff_rank r on r.id = u.x";
        String b = \"""
            update user_account
               set x = 1 where id in (select id from units_elsewhere)
            \""";
        String c = "a \\" from region";
        """;
    Set<String> named = new TreeSet<>();
    for (String literal : literals(source)) {
      Matcher m = NAMED_TABLE.matcher(literal);
      while (m.find()) {
        named.add(m.group(2).toLowerCase());
      }
    }
    assertThat(named).containsExactly("region", "staff_rank", "unit", "units_elsewhere", "user_account");
  }

  /**
   * Another module's tables named per source file (keyed by the path below cn/smartaffairs), and its views where they
   * are written to: a published view is for reading only.
   */
  private static Map<String, Set<String>> foreignTablesBySourceFile() {
    Map<String, String> schema = schema();
    Map<String, Set<String>> result = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Path relative = SOURCES.relativize(file);
        if (relative.getNameCount() < 2) {
          continue;
        }
        String module = relative.getName(0).toString();
        for (String literal : literals(Files.readString(file))) {
          Set<String> foreign = foreignNames(module, literal, schema);
          if (!foreign.isEmpty()) {
            result.computeIfAbsent(relative.toString().replace('\\', '/'), k -> new TreeSet<>()).addAll(foreign);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return result;
  }

  /** What SQL of {@code module} may not name: another module's tables, and its views where they are written to. */
  private static Set<String> foreignNames(String module, String sql, Map<String, String> schema) {
    Set<String> foreign = new TreeSet<>();
    Matcher m = NAMED_TABLE.matcher(sql);
    while (m.find()) {
      String table = m.group(2).toLowerCase();
      String kind = schema.get(table);
      boolean reads = m.group(1).equalsIgnoreCase("from") || m.group(1).equalsIgnoreCase("join");
      boolean publishedView = "view".equals(kind) && reads;
      if (kind != null && !publishedView && !module.equals(owner(table))) {
        foreign.add(table);
      }
    }
    return foreign;
  }

  /** Every table and view the migrations create, with its kind ("table" or "view"). */
  private static Map<String, String> schema() {
    Map<String, String> schema = new TreeMap<>();
    try (Stream<Path> files = Files.list(MIGRATIONS)) {
      for (Path file : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
        Matcher m = CREATE.matcher(Files.readString(file));
        while (m.find()) {
          schema.put(m.group(2).toLowerCase(), m.group(1).toLowerCase());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertThat(schema).as("the migrations create tables").containsKeys("staff", "unit", "user_account");
    return schema;
  }

  private static List<String> ownerless(Set<String> tables) {
    return tables.stream().filter(t -> owner(t) == null).toList();
  }

  private static String owner(String table) {
    String owner = OWNER_BY_TABLE.get(table);
    if (owner != null) {
      return owner;
    }
    return OWNER_BY_PREFIX.entrySet().stream()
        .filter(e -> table.startsWith(e.getKey()))
        .map(Map.Entry::getValue)
        .findFirst()
        .orElse(null);
  }

  /** The contents of a Java source's string literals and text blocks; comments and character literals skipped. */
  static List<String> literals(String source) {
    List<String> literals = new ArrayList<>();
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (c == '/' && i + 1 < n && source.charAt(i + 1) == '/') {
        int end = source.indexOf('\n', i);
        i = end < 0 ? n : end + 1;
      } else if (c == '/' && i + 1 < n && source.charAt(i + 1) == '*') {
        int end = source.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '\'') {
        i++;
        while (i < n && source.charAt(i) != '\'') {
          i += source.charAt(i) == '\\' ? 2 : 1;
        }
        i++;
      } else if (source.startsWith("\"\"\"", i)) {
        int start = i + 3;
        int j = start;
        while (j < n && !source.startsWith("\"\"\"", j)) {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        literals.add(source.substring(start, Math.min(j, n)));
        i = j + 3;
      } else if (c == '"') {
        int start = i + 1;
        int j = start;
        while (j < n && source.charAt(j) != '"' && source.charAt(j) != '\n') {
          j += source.charAt(j) == '\\' ? 2 : 1;
        }
        literals.add(source.substring(start, Math.min(j, n)));
        i = j + 1;
      } else {
        i++;
      }
    }
    return literals;
  }
}
