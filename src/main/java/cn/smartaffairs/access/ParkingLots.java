package cn.smartaffairs.access;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.Violations;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.Time;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 停车场: the security managers register a region's lots with zone capacities, gates and the public opening window; the
 * gate events move each zone's occupancy; the public board shows the free places.
 */
@Service
public class ParkingLots {

  /** A lot as registered: capacities by zone, the gate names, the public window. */
  public record LotDraft(String name, String address, Map<ParkingZoneKind, Integer> capacities, List<String> gates,
      LocalTime publicOpens, LocalTime publicCloses, String publicDays) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;

  ParkingLots(JdbcClient jdbc, AuditTrail audit) {
    this.jdbc = jdbc;
    this.audit = audit;
  }

  @Transactional
  public ParkingLot register(LotDraft draft, CurrentUser by) {
    AccessRoles.managedBy(by);
    String name = draft.name() == null ? "" : draft.name().strip();
    if (name.isEmpty() || name.length() > 100) {
      throw new BusinessRuleException("access.parking.nameRequired");
    }
    String address = draft.address() == null || draft.address().isBlank() ? null : draft.address().strip();
    String days = draft.publicDays() == null ? "" : draft.publicDays().replaceAll("\\s", "");
    if (!days.matches("[1-7]*") || (draft.publicOpens() == null) != (draft.publicCloses() == null)
        || draft.publicOpens() != null && draft.publicOpens().equals(draft.publicCloses())
        || draft.publicOpens() == null && !days.isEmpty()) {
      throw new BusinessRuleException("access.parking.windowInvalid");
    }
    Set<String> gates = new LinkedHashSet<>();
    for (String gate : draft.gates()) {
      String g = gate.strip();
      if (!g.isEmpty()) {
        if (g.length() > 50) {
          throw new BusinessRuleException("access.gate.gateRequired");
        }
        gates.add(g);
      }
    }
    long id;
    try {
      id = jdbc.sql("""
          insert into access_parking_lot (region_id, name, address, public_opens, public_closes, public_days)
          values (:region, :name, :address, :opens, :closes, :days) returning id""")
          .param("region", by.regionId()).param("name", name).param("address", address)
          .param("opens", draft.publicOpens() == null ? null : Time.valueOf(draft.publicOpens()))
          .param("closes", draft.publicCloses() == null ? null : Time.valueOf(draft.publicCloses()))
          .param("days", distinctDigits(days)).query(Long.class).single();
      for (ParkingZoneKind kind : ParkingZoneKind.values()) {
        Integer capacity = draft.capacities().get(kind);
        if (capacity == null) {
          continue;
        }
        if (capacity < 0 || capacity > 100_000) {
          throw new BusinessRuleException("access.parking.capacityInvalid");
        }
        jdbc.sql("insert into access_parking_zone (lot_id, kind, capacity) values (:lot, :kind, :capacity)")
            .param("lot", id).param("kind", kind.name()).param("capacity", capacity).update();
      }
      for (String gate : gates) {
        jdbc.sql("insert into access_parking_gate (region_id, gate, lot_id) values (:region, :gate, :lot)")
            .param("region", by.regionId()).param("gate", gate).param("lot", id).update();
      }
    } catch (DataIntegrityViolationException e) {
      if (Violations.isUniqueViolation(e)) {
        throw new ConflictException(Violations.constraintName(e).orElse("").contains("gate")
            ? "access.parking.gateTaken"
            : "access.parking.nameTaken");
      }
      throw e;
    }
    ParkingLot lot = lots("l.id = :id", new MapSqlParameterSource("id", id)).get(0);
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", lot.name());
    after.put("gates", lot.gates());
    lot.zones().forEach((kind, zone) -> after.put(kind.name(), zone.capacity()));
    after.put("publicWindow", lot.hasPublicWindow()
        ? lot.publicOpens() + "–" + lot.publicCloses() + " "
            + lot.publicDays()
        : null);
    audit.record(AuditEntry.created("access_parking_lot", id, by.regionId(), after));
    return lot;
  }

  /** The lots of the caller's regions. */
  public List<ParkingLot> managed(CurrentUser by) {
    DataScope managed = AccessRoles.managedBy(by);
    return lots(DataScope.sqlCondition("l.region_id", null, null), managed.bind(new MapSqlParameterSource()));
  }

  /** Every lot, for the public board of free places. */
  public List<ParkingLot> all() {
    return lots("true", new MapSqlParameterSource());
  }

  /** The lot a gate of a region leads into, locked for its occupancy to move. */
  Optional<ParkingLot> lockedByGate(long regionId, String gate) {
    Optional<Long> id = jdbc.sql("""
        select l.id from access_parking_gate g join access_parking_lot l on l.id = g.lot_id
         where g.region_id = :region and g.gate = :gate for update of l""")
        .param("region", regionId).param("gate", gate).query(Long.class).optional();
    return id.map(lot -> lots("l.id = :id", new MapSqlParameterSource("id", lot)).get(0));
  }

  /** One vehicle in (+1) or out (−1) of a zone, never below 0 nor above its capacity. */
  void move(long lotId, ParkingZoneKind zone, boolean in) {
    jdbc.sql("""
        update access_parking_zone
           set occupied = case when :in then least(capacity, occupied + 1) else greatest(0, occupied - 1) end
         where lot_id = :lot and kind = :kind""")
        .param("in", in).param("lot", lotId).param("kind", zone.name()).update();
  }

  private List<ParkingLot> lots(String condition, MapSqlParameterSource parameters) {
    List<Object[]> rows = new ArrayList<>();
    jdbc.sql("select l.* from access_parking_lot l where " + condition + " order by l.region_id, l.name, l.id")
        .paramSource(parameters).query(rs -> {
          Time opens = rs.getTime("public_opens");
          Time closes = rs.getTime("public_closes");
          rows.add(new Object[] {rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"),
              rs.getString("address"), opens == null ? null : opens.toLocalTime(),
              closes == null ? null : closes.toLocalTime(), rs.getString("public_days")});
        });
    Long[] ids = rows.stream().map(r -> (Long) r[0]).toArray(Long[]::new);
    Map<Long, Map<ParkingZoneKind, ParkingLot.Zone>> zones = new LinkedHashMap<>();
    jdbc.sql("select * from access_parking_zone where lot_id = any(:ids) order by lot_id, kind")
        .param("ids", ids).query(rs -> {
          zones.computeIfAbsent(rs.getLong("lot_id"), k -> new EnumMap<>(ParkingZoneKind.class)).put(
              ParkingZoneKind.valueOf(rs.getString("kind")),
              new ParkingLot.Zone(rs.getInt("capacity"), rs.getInt("occupied")));
        });
    Map<Long, List<String>> gates = new LinkedHashMap<>();
    jdbc.sql("select lot_id, gate from access_parking_gate where lot_id = any(:ids) order by gate")
        .param("ids", ids).query(rs -> {
          gates.computeIfAbsent(rs.getLong("lot_id"), k -> new ArrayList<>()).add(rs.getString("gate"));
        });
    return rows.stream().map(r -> new ParkingLot((Long) r[0], (Long) r[1], (String) r[2], (String) r[3],
        (LocalTime) r[4], (LocalTime) r[5], (String) r[6],
        zones.getOrDefault((Long) r[0], new EnumMap<>(ParkingZoneKind.class)),
        gates.getOrDefault((Long) r[0], List.of()))).toList();
  }

  private static String distinctDigits(String days) {
    StringBuilder out = new StringBuilder();
    for (char day = '1'; day <= '7'; day++) {
      if (days.indexOf(day) >= 0) {
        out.append(day);
      }
    }
    return out.toString();
  }
}
