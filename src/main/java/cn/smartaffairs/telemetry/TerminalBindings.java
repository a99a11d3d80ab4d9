package cn.smartaffairs.telemetry;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.telemetry.gateway.ConnectedTerminals;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import cn.smartaffairs.vehicle.VehicleStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * 终端绑定: which terminal (SIM phone number and terminal id) reports for which vehicle. Only the vehicle managers of
 * the vehicle's region bind and unbind; a vehicle outside their scope answers 404 as an unknown one.
 */
@Service
public class TerminalBindings {

  static final Role[] MANAGERS = {Role.PLATFORM_ADMIN, Role.REGION_ADMIN, Role.VEHICLE_MANAGER};

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Fleet fleet;
  private final ConnectedTerminals connected;

  TerminalBindings(JdbcClient jdbc, AuditTrail audit, Fleet fleet, ConnectedTerminals connected) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.fleet = fleet;
    this.connected = connected;
  }

  /** Binds a terminal to a vehicle in service (not disposed); one terminal per vehicle, one vehicle per phone. */
  @Transactional
  public TerminalBinding bind(NewTerminalBinding draft, CurrentUser by) {
    DataScope managed = managedBy(by);
    if (draft.vehicleId() == null) {
      throw new BusinessRuleException("telemetry.vehicleRequired");
    }
    Vehicle vehicle = fleet.get(draft.vehicleId(), managed);
    if (draft.protocol() == null) {
      throw new BusinessRuleException("telemetry.protocolRequired");
    }
    String phone = phone(draft.phone(), draft.protocol());
    String terminalId = terminalId(draft.terminalId(), draft.protocol());
    if (vehicle.status() == VehicleStatus.DISPOSED) {
      throw new BusinessRuleException("telemetry.vehicleDisposed", vehicle.plate());
    }
    jdbc.sql("select phone from telemetry_terminal where vehicle_id = :vehicle").param("vehicle", vehicle.id())
        .query(String.class).optional().ifPresent(bound -> {
          throw new ConflictException("telemetry.vehicleHasTerminal", vehicle.plate(), bound);
        });
    long id;
    try {
      id = jdbc.sql("""
          insert into telemetry_terminal (vehicle_id, region_id, phone, terminal_id, protocol, bound_by)
          values (:vehicle, :region, :phone, :terminal, :protocol, :by) returning id""")
          .param("vehicle", vehicle.id()).param("region", vehicle.regionId()).param("phone", phone)
          .param("terminal", terminalId).param("protocol", draft.protocol().name()).param("by", by.userId())
          .query(Long.class).single();
    } catch (DataIntegrityViolationException e) {
      if (Violations.isUniqueViolation(e)) {
        throw Violations.constraintName(e).filter("telemetry_terminal_vehicle_unique"::equals).isPresent()
            ? new ConflictException("telemetry.vehicleHasTerminal", vehicle.plate(), "")
            : new ConflictException("telemetry.phoneTaken", phone);
      }
      throw e;
    }
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("vehicleId", vehicle.id());
    after.put("plate", vehicle.plate());
    after.put("phone", phone);
    after.put("terminalId", terminalId);
    after.put("protocol", draft.protocol().name());
    audit.record(AuditEntry.created("telemetry_terminal", id, vehicle.regionId(), after));
    return get(id, by);
  }

  /** The bindings of the vehicles the caller manages, newest first. */
  public List<TerminalBinding> list(CurrentUser by) {
    DataScope managed = managedBy(by);
    Map<Long, String> plates = plates(managed);
    return jdbc.sql("select * from telemetry_terminal t where " + DataScope.sqlCondition("t.region_id", null, null)
        + " order by t.bound_at desc, t.id desc")
        .paramSource(managed.bind(new MapSqlParameterSource()))
        .query((rs, n) -> binding(rs, plates::get)).list();
  }

  public TerminalBinding get(long id, CurrentUser by) {
    DataScope managed = managedBy(by);
    // the plate is read after the row, never inside the row mapper (which holds the connection)
    TerminalBinding row = jdbc.sql("select * from telemetry_terminal t where t.id = :id and "
        + DataScope.sqlCondition("t.region_id", null, null))
        .paramSource(managed.bind(new MapSqlParameterSource("id", id)))
        .query((rs, n) -> binding(rs, vehicleId -> null))
        .optional().orElseThrow(() -> new NotFoundException("vehicleTerminal", id));
    String plate = fleet.get(row.vehicleId(), DataScope.everything()).plate();
    return new TerminalBinding(row.id(), row.vehicleId(), plate, row.phone(), row.terminalId(), row.protocol(),
        row.boundAt(), row.registeredAt());
  }

  /** Unbinds a terminal: its row goes (the audit trail keeps it) and its connection, if any, is closed. */
  @Transactional
  public void unbind(long id, CurrentUser by) {
    TerminalBinding binding = get(id, by);
    long regionId = jdbc.sql("delete from telemetry_terminal where id = :id returning region_id").param("id", id)
        .query(Long.class).single();
    audit.record(AuditEntry.deleted("telemetry_terminal", id, regionId, Map.of("vehicleId", binding.vehicleId(),
        "plate", binding.plate(), "phone", binding.phone(), "terminalId", binding.terminalId())));
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        connected.disconnect(binding.phone());
      }
    });
  }

  /** The phone number as stored: digits without leading zeros, as many as the protocol's header carries. */
  static String phone(String given, TerminalProtocol protocol) {
    String digits = given == null ? "" : given.strip();
    if (!digits.matches("[0-9]{1,20}")) {
      throw new BusinessRuleException("telemetry.phoneInvalid", given == null ? "" : given);
    }
    String phone = digits.replaceFirst("^0+", "");
    if (phone.isEmpty() || phone.length() > protocol.phoneDigits()) {
      throw new BusinessRuleException("telemetry.phoneInvalid", given);
    }
    return phone;
  }

  static String terminalId(String given, TerminalProtocol protocol) {
    String id = given == null ? "" : given.strip();
    if (!id.matches("[0-9A-Za-z-]+") || id.length() > protocol.terminalIdLength()) {
      throw new BusinessRuleException("telemetry.terminalIdInvalid", given == null ? "" : given);
    }
    return id;
  }

  static DataScope managedBy(CurrentUser by) {
    if (!by.hasAny(MANAGERS)) {
      throw new ForbiddenException();
    }
    return by.dataScopeAs(MANAGERS);
  }

  private Map<Long, String> plates(DataScope scope) {
    return fleet.list(scope, null).stream().collect(Collectors.toMap(Vehicle::id, Vehicle::plate, (a, b) -> a));
  }

  private static TerminalBinding binding(ResultSet rs, Function<Long, String> plate) throws SQLException {
    long vehicleId = rs.getLong("vehicle_id");
    return new TerminalBinding(rs.getLong("id"), vehicleId, plate.apply(vehicleId), rs.getString("phone"),
        rs.getString("terminal_id"), TerminalProtocol.valueOf(rs.getString("protocol")),
        beijing(rs.getObject("bound_at", OffsetDateTime.class)),
        beijing(rs.getObject("registered_at", OffsetDateTime.class)));
  }

  /** A moment as Beijing time (+08:00), as the API shows every moment. */
  static OffsetDateTime beijing(OffsetDateTime moment) {
    return moment == null ? null : moment.withOffsetSameInstant(java.time.ZoneOffset.ofHours(8));
  }
}
