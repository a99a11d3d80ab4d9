package cn.smartaffairs.telemetry;

import cn.smartaffairs.platform.BusinessRuleException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** A moment a request names: an ISO date-time with an offset, or Beijing local (a date alone is its midnight). */
final class Moments {

  static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private Moments() {}

  static Instant parse(String text) {
    String given = text == null ? "" : text.strip();
    try {
      return OffsetDateTime.parse(given).toInstant();
    } catch (DateTimeParseException notWithOffset) {
      try {
        return LocalDateTime.parse(given).atZone(BEIJING).toInstant();
      } catch (DateTimeParseException notLocal) {
        try {
          return LocalDate.parse(given).atStartOfDay(BEIJING).toInstant();
        } catch (DateTimeParseException notADate) {
          throw new BusinessRuleException("telemetry.momentInvalid", given);
        }
      }
    }
  }
}
