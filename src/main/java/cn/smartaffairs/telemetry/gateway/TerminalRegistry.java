package cn.smartaffairs.telemetry.gateway;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.crypto.Sm3;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.telemetry.jt808.MessageIds;
import cn.smartaffairs.telemetry.jt808.Registration;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import cn.smartaffairs.vehicle.VehicleStatus;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration (0x0100) and authentication (0x0102) against the bindings: a terminal is known by its phone number and
 * terminal id (else result 4), its vehicle must be in the fleet, not disposed, and carry the plate the terminal
 * names (else result 2). A registered terminal gets a fresh auth code, kept only as its SM3 hash.
 */
@Component
public class TerminalRegistry {

  private static final String CODE_CHARACTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The answer to a registration: the 0x8100 result and, on success, the auth code. */
  public record Outcome(int result, String authCode) {}

  /** An authenticated terminal: the vehicle its positions belong to. */
  public record Authenticated(long terminalId, long vehicleId) {}

  private final JdbcClient jdbc;
  private final Fleet fleet;
  private final AuditTrail audit;
  private final Clock clock;

  TerminalRegistry(JdbcClient jdbc, Fleet fleet, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.fleet = fleet;
    this.audit = audit;
    this.clock = clock;
  }

  private record Bound(long id, long vehicleId, long regionId, String terminalId, String authCodeHash) {}

  @Transactional
  public Outcome register(String phone, Registration registration) {
    Optional<Bound> bound = bound(phone);
    if (bound.isEmpty() || !bound.get().terminalId().equalsIgnoreCase(registration.terminalId())) {
      return new Outcome(MessageIds.NO_SUCH_TERMINAL, null);
    }
    Vehicle vehicle;
    try {
      vehicle = fleet.get(bound.get().vehicleId(), DataScope.everything());
    } catch (NotFoundException gone) {
      return new Outcome(MessageIds.NO_SUCH_VEHICLE, null);
    }
    // plate colour 0: no plate yet, the field carries the VIN, which the fleet does not record
    if (vehicle.status() == VehicleStatus.DISPOSED
        || registration.plateColour() != 0 && !plain(vehicle.plate()).equals(plain(registration.plate()))) {
      return new Outcome(MessageIds.NO_SUCH_VEHICLE, null);
    }
    String code = authCode();
    jdbc.sql("update telemetry_terminal set auth_code_hash = :hash, registered_at = :now where id = :id")
        .param("hash", Sm3.hex(code)).param("now", Timestamp.from(clock.instant())).param("id", bound.get().id())
        .update();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("phone", phone);
    after.put("terminalId", registration.terminalId());
    after.put("plate", vehicle.plate());
    after.put("protocol", registration.version().name());
    audit.record(
        new AuditEntry("REGISTER", "telemetry_terminal", bound.get().id(), bound.get().regionId(), null, after));
    return new Outcome(MessageIds.REGISTERED, code);
  }

  /** The terminal's vehicle when the code is the one its last registration got; empty otherwise. */
  public Optional<Authenticated> authenticate(String phone, String authCode) {
    return bound(phone)
        .filter(b -> b.authCodeHash() != null && authCode != null && MessageDigest.isEqual(
            b.authCodeHash().getBytes(StandardCharsets.US_ASCII),
            Sm3.hex(authCode).getBytes(StandardCharsets.US_ASCII)))
        .map(b -> new Authenticated(b.id(), b.vehicleId()));
  }

  private Optional<Bound> bound(String phone) {
    return jdbc.sql(
        "select id, vehicle_id, region_id, terminal_id, auth_code_hash from telemetry_terminal where phone = :phone")
        .param("phone", phone)
        .query((rs, n) -> new Bound(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5)))
        .optional();
  }

  private static String plain(String plate) {
    return plate == null ? "" : plate.replaceAll("[\\s·.\\-]", "").toUpperCase(java.util.Locale.ROOT);
  }

  private static String authCode() {
    StringBuilder code = new StringBuilder(16);
    for (int i = 0; i < 16; i++) {
      code.append(CODE_CHARACTERS.charAt(RANDOM.nextInt(CODE_CHARACTERS.length())));
    }
    return code.toString();
  }
}
