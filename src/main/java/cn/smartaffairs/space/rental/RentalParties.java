package cn.smartaffairs.space.rental;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.space.Building;
import cn.smartaffairs.space.Room;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.space.rental.RentalRecords.Lettable;
import cn.smartaffairs.space.rental.RentalRecords.NewLettable;
import cn.smartaffairs.space.rental.RentalRecords.NewSafetyCheck;
import cn.smartaffairs.space.rental.RentalRecords.NewTenant;
import cn.smartaffairs.space.rental.RentalRecords.SafetyCheck;
import cn.smartaffairs.space.rental.RentalRecords.Tenant;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who and what is let (房产出租): the region's tenants with their unified social credit codes, the lettable spaces of
 * its buildings, and the safety checks of let property. Leases and rent are {@link Rentals}; the same managers
 * ({@link Rentals#managerScope}) see and change both. Every change is audited.
 */
@Service
public class RentalParties {

  private final JdbcClient jdbc;
  private final SpaceRegister register;
  private final AuditTrail audit;
  private final Clock clock;

  public RentalParties(JdbcClient jdbc, SpaceRegister register, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.register = register;
    this.audit = audit;
    this.clock = clock;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  // ---- tenants

  @Transactional
  public Tenant addTenant(NewTenant tenant, CurrentUser by) {
    long regionId = Rentals.requireManagerOfOwnRegion(by);
    String name = Rentals.required(tenant.name(), 100, "space.rental.tenantNameRequired");
    String code = CreditCode.normalise(tenant.creditCode());
    if (code == null) {
      throw new BusinessRuleException("space.rental.creditCodeInvalid",
          tenant.creditCode() == null ? "" : tenant.creditCode());
    }
    String contact = Rentals.required(tenant.contactName(), 40, "space.rental.contactRequired");
    String phone = Rentals.required(tenant.contactPhone(), 30, "space.rental.contactRequired");
    boolean exists = jdbc.sql("select count(*) from space_tenant where region_id = :region and credit_code = :code")
        .param("region", regionId).param("code", code).query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("space.rental.tenantExists", code);
    }
    long id = jdbc.sql("""
        insert into space_tenant (region_id, name, credit_code, contact_name, contact_phone, created_at)
        values (:region, :name, :code, :contact, :phone, :now) returning id""")
        .param("region", regionId).param("name", name).param("code", code).param("contact", contact)
        .param("phone", phone).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    audit.record(AuditEntry.created("space_tenant", id, regionId, Map.of("name", name, "creditCode", code)));
    return tenant(id, by);
  }

  public Tenant tenant(long id, CurrentUser viewer) {
    return jdbc.sql("select * from space_tenant where id = :id and " + DataScope.sqlCondition("region_id", null, null))
        .paramSource(Rentals.managerScope(viewer).bind(new MapSqlParameterSource("id", id)))
        .query(RentalParties::mapTenant).optional().orElseThrow(() -> new NotFoundException("tenant", id));
  }

  public List<Tenant> tenants(CurrentUser viewer) {
    return jdbc.sql("select * from space_tenant where " + DataScope.sqlCondition("region_id", null, null)
        + " order by name")
        .paramSource(Rentals.managerScope(viewer).bind(new MapSqlParameterSource()))
        .query(RentalParties::mapTenant).list();
  }

  // ---- lettable spaces

  @Transactional
  public Lettable addLettable(NewLettable lettable, CurrentUser by) {
    long regionId = Rentals.requireManagerOfOwnRegion(by);
    String name = Rentals.required(lettable.name(), 100, "space.rental.lettableNameRequired");
    Building building = register.building(lettable.buildingId(), by);
    if (building.regionId() != regionId) {
      throw new BusinessRuleException("space.rental.otherRegion");
    }
    BigDecimal area = lettable.areaM2();
    if (lettable.roomId() != null) {
      Room room = register.room(lettable.roomId(), by);
      if (room.buildingId() != building.id()) {
        throw new BusinessRuleException("space.rental.roomNotInBuilding", room.number(), building.name());
      }
      area = area == null ? room.useArea() : area;
      if (area.compareTo(room.useArea()) > 0) {
        throw new BusinessRuleException("space.rental.areaExceedsRoom", area, room.useArea());
      }
      boolean listed = jdbc.sql("select count(*) from space_lettable where room_id = :room")
          .param("room", room.id()).query(Long.class).single() > 0;
      if (listed) {
        throw new BusinessRuleException("space.rental.roomAlreadyListed", room.number());
      }
    }
    if (area == null || area.signum() <= 0 || area.scale() > 2 || area.compareTo(building.totalBuildingArea()) > 0) {
      throw new BusinessRuleException("space.rental.areaInvalid");
    }
    boolean exists = jdbc.sql("select count(*) from space_lettable where region_id = :region and name = :name")
        .param("region", regionId).param("name", name).query(Long.class).single() > 0;
    if (exists) {
      throw new BusinessRuleException("space.rental.lettableExists", name);
    }
    String purpose = lettable.purpose() == null || lettable.purpose().isBlank()
        ? null
        : Rentals.required(lettable.purpose(), 100, "space.rental.purposeTooLong");
    long id = jdbc.sql("""
        insert into space_lettable (region_id, name, building_id, room_id, area_m2, purpose, created_at)
        values (:region, :name, :building, :room, :area, :purpose, :now) returning id""")
        .param("region", regionId).param("name", name).param("building", building.id())
        .param("room", lettable.roomId()).param("area", area)
        .param("purpose", purpose).param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("name", name);
    after.put("buildingId", building.id());
    after.put("roomId", lettable.roomId());
    after.put("areaM2", area);
    audit.record(AuditEntry.created("space_lettable", id, regionId, after));
    return lettable(id, by);
  }

  public Lettable lettable(long id, CurrentUser viewer) {
    return lettables(viewer, id).stream().findFirst().orElseThrow(() -> new NotFoundException("lettable", id));
  }

  public List<Lettable> lettables(CurrentUser viewer) {
    return lettables(viewer, null);
  }

  private List<Lettable> lettables(CurrentUser viewer, Long onlyId) {
    return jdbc
        .sql(
            """
                select s.*, b.name as building_name, r.number as room_number, cur.id as lease_id, cur.tenant_name
                  from space_lettable s join space_building b on b.id = s.building_id
                  left join space_room r on r.id = s.room_id
                  left join lateral (select l.id, t.name as tenant_name from space_lease l join space_tenant t on t.id = l.tenant_id
                                      where l.lettable_id = s.id and l.status = 'ACTIVE' and :today between l.start_date and l.end_date
                                      limit 1) cur on true
                 where (cast(:only as bigint) is null or s.id = :only) and """
                + DataScope.sqlCondition("s.region_id", null, null)
                + " order by s.name")
        .paramSource(Rentals.managerScope(viewer).bind(new MapSqlParameterSource("only", onlyId)
            .addValue("today", Date.valueOf(today()))))
        .query((rs, n) -> new Lettable(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"),
            rs.getLong("building_id"), rs.getString("building_name"), (Long) rs.getObject("room_id"),
            rs.getString("room_number"), rs.getBigDecimal("area_m2"), rs.getString("purpose"),
            (Long) rs.getObject("lease_id"), rs.getString("tenant_name")))
        .list();
  }

  // ---- safety checks of let property

  @Transactional
  public SafetyCheck recordSafetyCheck(NewSafetyCheck check, CurrentUser by) {
    Rentals.requireManagerOfOwnRegion(by);
    Lettable space = lettable(check.lettableId(), by);
    String inspector = Rentals.required(check.inspector(), 40, "space.rental.inspectorRequired");
    if (check.checkedOn() == null || check.checkedOn().isAfter(today())) {
      throw new BusinessRuleException("space.rental.checkDateInvalid");
    }
    SafetyCheckResult result = SafetyCheckResult.parse(check.result());
    String notes = check.notes() == null || check.notes().isBlank() ? null : check.notes().strip();
    if (result.needsNotes() && notes == null) {
      throw new BusinessRuleException("space.rental.checkIssuesNeedNotes");
    }
    if (notes != null && notes.length() > 1000) {
      throw new BusinessRuleException("space.rental.checkNotesTooLong");
    }
    long id = jdbc
        .sql(
            """
                insert into space_rental_safety_check (lettable_id, checked_on, inspector, result, notes, recorded_by, recorded_at)
                values (:lettable, :on, :inspector, :result, :notes, :by, :now) returning id""")
        .param("lettable", space.id()).param("on", Date.valueOf(check.checkedOn())).param("inspector", inspector)
        .param("result", result.name()).param("notes", notes).param("by", by.username())
        .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    audit.record(AuditEntry.created("space_rental_safety_check", id, space.regionId(), Map.of("lettableId", space.id(),
        "checkedOn", check.checkedOn().toString(), "result", result.name())));
    return safetyChecks(by).stream().filter(c -> c.id() == id).findFirst().orElseThrow();
  }

  public List<SafetyCheck> safetyChecks(CurrentUser viewer) {
    return jdbc
        .sql(
            """
                select c.*, s.name as lettable_name from space_rental_safety_check c join space_lettable s on s.id = c.lettable_id
                 where """
                + DataScope.sqlCondition("s.region_id", null, null) + " order by c.checked_on desc, c.id desc")
        .paramSource(Rentals.managerScope(viewer).bind(new MapSqlParameterSource()))
        .query((rs, n) -> new SafetyCheck(rs.getLong("id"), rs.getLong("lettable_id"), rs.getString("lettable_name"),
            rs.getDate("checked_on").toLocalDate(), rs.getString("inspector"),
            SafetyCheckResult.valueOf(rs.getString("result")),
            rs.getString("notes")))
        .list();
  }

  static Tenant mapTenant(ResultSet rs, int row) throws SQLException {
    return new Tenant(rs.getLong("id"), rs.getLong("region_id"), rs.getString("name"), rs.getString("credit_code"),
        rs.getString("contact_name"), rs.getString("contact_phone"));
  }
}
