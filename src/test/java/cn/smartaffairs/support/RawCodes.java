package cn.smartaffairs.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.util.ClassUtils;

/**
 * Finds codes meant for the program that reached the text a person reads: the name of one of the project's enum
 * constants ({@code APPROVE}, {@code LUNCH}), a table or column name ({@code vehicle_request}), a field name
 * ({@code plannedKm}), a message key or a subject type ({@code meeting.booking}), Thymeleaf's marker of a missing
 * key ({@code ??x.y_zh_CN??}) and a year printed with digit grouping ({@code 2,026}). What counts as a code comes from
 * the project itself: its enums by reflection, the first segments of its message keys, and the codes its bundles
 * translate (the {@code APPROVE} of {@code audit.action.APPROVE}).
 */
public final class RawCodes {

  /**
   * Upper-case words that are enum constants of the project but also ordinary words of a page: abbreviations
   * people write as they are.
   */
  private static final Set<String> ABBREVIATIONS = Set.of(
      "API", "HTTP", "ID", "OK", "PDF", "QR", "SMTP", "SM3", "SM4", "URL", "XLSX", "CSV", "ICS", "IC", "EV");

  /** Words in camel case that are written so (brand names), not field names. */
  private static final Set<String> CAMEL_CASE_WORDS = Set.of("iCalendar", "iPhone", "iPad", "eGov", "kWh");

  /** File endings: {@code 出车登记.xlsx} is a file name, not a message key. */
  private static final Set<String> FILE_ENDINGS = Set.of("xlsx", "pdf", "ics", "csv", "png", "jpg", "jpeg", "html",
      "json", "txt", "doc", "docx", "zip");

  private static final Pattern TOKEN = Pattern
      .compile("(?<![A-Za-z0-9_.])[A-Za-z][A-Za-z0-9_]*(?:\\.[A-Za-z][A-Za-z0-9_]*)*");
  private static final Pattern MISSING_KEY = Pattern.compile("\\?\\?[^?\\s]+\\?\\?");
  private static final Pattern CONSTANT = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
  private static final Pattern SNAKE_CASE = Pattern.compile("[a-z][a-z0-9]*(?:_[a-z0-9]+)+");
  private static final Pattern CAMEL_CASE = Pattern.compile("[a-z]+[A-Z][A-Za-z0-9]*");
  /** A year of this or the last century with a thousands separator, as Java's default number format prints it. */
  private static final Pattern GROUPED_YEAR = Pattern.compile("(?<![\\d,.])(?:1,9|2,0)\\d\\d(?![\\d,.])");

  private final Set<String> enumConstants;
  private final Set<String> keyPrefixes;

  private RawCodes(Set<String> enumConstants, Set<String> keyPrefixes) {
    this.enumConstants = enumConstants;
    this.keyPrefixes = keyPrefixes;
  }

  /** Learns the codes from the enums under {@code cn.smartaffairs} and the message bundles under {@code i18n/}. */
  public static RawCodes ofTheProject() {
    Set<String> constants = enumConstantsOf("cn.smartaffairs");
    Set<String> keyPrefixes = new HashSet<>();
    for (String key : messageKeys()) {
      keyPrefixes.add(key.split("\\.")[0]);
      String last = key.substring(key.lastIndexOf('.') + 1);
      // the code a key translates: audit.action.APPROVE, vehicle.rule.REPLACEMENT_AGE_YEARS
      if (CONSTANT.matcher(last).matches() && last.length() > 1) {
        constants.add(last);
      }
    }
    return new RawCodes(constants, keyPrefixes);
  }

  public Set<String> enumConstants() {
    return enumConstants;
  }

  /** The codes in the text, each with a little of the text around it so that it can be found on the page. */
  public List<String> in(String text) {
    List<String> found = new ArrayList<>();
    Matcher missing = MISSING_KEY.matcher(text);
    while (missing.find()) {
      found.add("missing message " + missing.group() + around(text, missing.start(), missing.end()));
    }
    Matcher year = GROUPED_YEAR.matcher(text);
    while (year.find()) {
      found.add("year with digit grouping " + year.group() + around(text, year.start(), year.end()));
    }
    Matcher token = TOKEN.matcher(text);
    while (token.find()) {
      String kind = kindOf(token.group());
      if (kind != null) {
        found.add(kind + " " + token.group() + around(text, token.start(), token.end()));
      }
    }
    return found;
  }

  private String kindOf(String token) {
    if (token.contains(".")) {
      String[] segments = token.split("\\.");
      String last = segments[segments.length - 1];
      boolean fileName = segments.length == 2 && FILE_ENDINGS.contains(last.toLowerCase());
      return !fileName && keyPrefixes.contains(segments[0]) ? "message key or code" : null;
    }
    if (CONSTANT.matcher(token).matches()) {
      if (token.contains("_")) {
        return "constant";
      }
      return enumConstants.contains(token) && !ABBREVIATIONS.contains(token) ? "enum constant" : null;
    }
    if (SNAKE_CASE.matcher(token).matches()) {
      return "table or column name";
    }
    if (CAMEL_CASE.matcher(token).matches() && !CAMEL_CASE_WORDS.contains(token)) {
      return "field name";
    }
    return null;
  }

  private static String around(String text, int start, int end) {
    String context = text.substring(Math.max(0, start - 30), Math.min(text.length(), end + 30));
    return " in «" + context.replaceAll("\\s+", " ").trim() + "»";
  }

  private static Set<String> enumConstantsOf(String basePackage) {
    var scanner = new ClassPathScanningCandidateComponentProvider(false) {
      @Override
      protected boolean isCandidateComponent(AnnotatedBeanDefinition definition) {
        return definition.getMetadata().isIndependent();
      }
    };
    scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
    Set<String> constants = new TreeSet<>();
    for (var definition : scanner.findCandidateComponents(basePackage)) {
      try {
        Class<?> type = ClassUtils.forName(definition.getBeanClassName(), RawCodes.class.getClassLoader());
        if (type.isEnum()) {
          Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).forEach(constants::add);
        }
      } catch (ClassNotFoundException | LinkageError e) {
        throw new IllegalStateException("cannot load " + definition.getBeanClassName(), e);
      }
    }
    return constants;
  }

  private static Set<String> messageKeys() {
    Set<String> keys = new HashSet<>();
    try {
      for (Resource bundle : new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/*.properties")) {
        var properties = new Properties();
        try (InputStream in = bundle.getInputStream()) {
          properties.load(in);
        }
        keys.addAll(properties.stringPropertyNames());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return keys;
  }
}
