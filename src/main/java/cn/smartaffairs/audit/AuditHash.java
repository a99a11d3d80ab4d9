package cn.smartaffairs.audit;

import cn.smartaffairs.crypto.Sm3;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** The chain link: SM3 over the previous hash and every field of the event, separated by a unit separator. */
final class AuditHash {

  private static final String SEPARATOR = "\u001f";

  private AuditHash() {}

  static String of(String previousHash, Instant occurredAt, String actor, String clientAddress, String action,
      String entityType, String entityId, Long regionId, String before, String after) {
    long micros = ChronoUnit.MICROS.between(Instant.EPOCH, occurredAt);
    return Sm3.hex(String.join(SEPARATOR, previousHash, Long.toString(micros), actor, text(clientAddress), action,
        entityType, text(entityId), text(regionId), text(before), text(after)));
  }

  private static String text(Object value) {
    return Objects.toString(value, "\u0000");
  }
}
