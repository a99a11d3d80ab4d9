package cn.smartaffairs.platform.web;

import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.Instant;
import java.time.ZoneOffset;

/**
 * What every text and date that enters the platform must satisfy, whatever its field, in JSON bodies, query
 * parameters and form fields alike: no NUL or other control characters (tab, line feed and carriage return excepted),
 * at most {@link #MAX_TEXT} characters, and years from {@link #MIN_YEAR} to {@link #MAX_YEAR}. Narrower limits of a
 * column are the request record's own ({@code @Size}); the database's refusal is the last resort.
 */
final class InputLimits {

  /** The longest text any field takes: the widest column (varchar(2000)); unbounded text columns are held to it too. */
  static final int MAX_TEXT = 2000;
  static final int MIN_YEAR = 1900;
  static final int MAX_YEAR = 9999;

  private static final Instant FIRST = java.time.LocalDate.of(MIN_YEAR, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
  private static final Instant AFTER_LAST = java.time.LocalDate.of(MAX_YEAR, 12, 31).plusDays(1).atStartOfDay()
      .toInstant(ZoneOffset.UTC);

  private InputLimits() {}

  /** Why an input was refused: a message key and its arguments (the field name is added by whoever knows it). */
  static final class Refused extends IllegalArgumentException {

    private final String messageKey;
    private final transient Object[] arguments;

    Refused(String messageKey, Object... arguments) {
      super(messageKey);
      this.messageKey = messageKey;
      this.arguments = arguments;
    }

    String messageKey() {
      return messageKey;
    }

    Object[] arguments() {
      return arguments.clone();
    }
  }

  /** Refuses a text with control characters or over the length limit. */
  static void checkText(String text) {
    if (text == null) {
      return;
    }
    if (text.length() > MAX_TEXT) {
      throw new Refused("error.input.tooLong", MAX_TEXT);
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f || (c >= 0x80 && c < 0xa0)
          || c == '\ufffe' || c == '\uffff') {
        throw new Refused("error.input.controlCharacter");
      }
    }
  }

  /** Refuses a date or moment whose year lies outside the platform's range; anything else passes. */
  static void checkYear(Object value) {
    Integer year = null;
    if (value instanceof Instant instant) {
      // compared as seconds: the far ends of Instant's range have no year in LocalDateTime's
      year = instant.isBefore(FIRST) ? MIN_YEAR - 1 : instant.isBefore(AFTER_LAST) ? MIN_YEAR : MAX_YEAR + 1;
    } else if (value instanceof TemporalAccessor temporal && temporal.isSupported(ChronoField.YEAR)) {
      year = temporal.get(ChronoField.YEAR);
    }
    if (year != null && (year < MIN_YEAR || year > MAX_YEAR)) {
      throw new Refused("error.input.yearOutOfRange", MIN_YEAR, MAX_YEAR);
    }
  }
}
