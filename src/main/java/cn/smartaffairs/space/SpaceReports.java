package cn.smartaffairs.space;

import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The office-space reports: the yearly internal publication (公示) of each unit's allocation, the yearly filing
 * (备案) of leaders' offices, and the dashboard figures. Each reads only what the caller's scope reaches.
 */
@Service
public class SpaceReports {

  /** One room of a unit in the year's publication, with the people who had it as office during the year. */
  public record PublicationRow(String unitName, String buildingName, String roomNumber, String kind, BigDecimal area,
      LocalDate validFrom, LocalDate validTo, String occupants) {

    /** The kind as a code, for a page that names it in the reader's language. */
    public RoomKind roomKind() {
      return RoomKind.fromChinese(kind);
    }
  }

  /** One leader's office in the year's filing, against the standard at the year's end (or today). */
  public record FilingRow(String unitName, String staffName, String rank, String room, BigDecimal roomArea,
      boolean secondOffice, String concurrentPost, LocalDate validFrom, LocalDate validTo,
      BigDecimal allowedArea, BigDecimal occupiedArea, BigDecimal excess) {}

  public record UnitArea(long unitId, String name, int approvedHeadcount, BigDecimal area, BigDecimal allowedArea,
      BigDecimal excess) {}

  public record KindArea(String kind, String name, int rooms, BigDecimal area) {}

  /** The dashboard: totals, occupancy, area by kind and unit, over-standard counts, vacant rooms, rent (if known). */
  public record Dashboard(LocalDate on, int buildings, int rooms, BigDecimal totalUseArea, BigDecimal allocatedArea,
      BigDecimal occupancyPercent, List<KindArea> byKind, List<UnitArea> byUnit,
      int overStandardPeople, int overStandardUnits, List<Room> vacantRooms,
      Long rentCollectedFen, int openRecoveryTasks) {}

  private final JdbcClient jdbc;
  private final AreaCompliance compliance;
  private final SpaceRegister register;
  private final ObjectProvider<RentIncome> rentIncome;
  private final Clock clock;

  public SpaceReports(JdbcClient jdbc, AreaCompliance compliance, SpaceRegister register,
      ObjectProvider<RentIncome> rentIncome, Clock clock) {
    this.jdbc = jdbc;
    this.compliance = compliance;
    this.register = register;
    this.rentIncome = rentIncome;
    this.clock = clock;
  }

  LocalDate today() {
    return LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
  }

  /** 年度公示: every room a unit held during the year, with its occupants then. */
  public List<PublicationRow> publication(int year, Long unitId, CurrentUser viewer) {
    var parameters = viewer.dataScope().bind(new MapSqlParameterSource())
        .addValue("first", LocalDate.of(year, 1, 1)).addValue("next", LocalDate.of(year + 1, 1, 1))
        .addValue("unit", unitId);
    return jdbc
        .sql(
            """
                select u.name as unit_name, b.name as building_name, r.number, r.kind, a.area, a.valid_from, a.valid_to,
                       (select string_agg(distinct s.name, '、') from space_office_assignment o join org_person s on s.id = o.staff_id
                         where o.room_id = a.room_id and o.valid_from < least(coalesce(a.valid_to, :next), :next)
                           and (o.valid_to is null or o.valid_to > greatest(a.valid_from, :first))) as occupants
                  from space_unit_allocation a join org_unit u on u.id = a.unit_id join space_room r on r.id = a.room_id
                  join space_building b on b.id = r.building_id
                 where a.valid_from < :next and (a.valid_to is null or a.valid_to > :first)
                   and (cast(:unit as bigint) is null or a.unit_id = :unit) and %s
                 order by u.sort_order, u.id, b.code, r.number, a.valid_from"""
                .formatted(DataScope.sqlCondition("u.region_id", "u.id", null)))
        .paramSource(parameters)
        .query((rs, n) -> new PublicationRow(rs.getString("unit_name"), rs.getString("building_name"),
            rs.getString("number"), RoomKind.valueOf(rs.getString("kind")).chineseName(), rs.getBigDecimal("area"),
            rs.getDate("valid_from").toLocalDate(), AllocationRecords.date(rs, "valid_to"), rs.getString("occupants")))
        .list();
  }

  /** 领导干部办公用房年度备案: offices held during the year by people in a leading post (职务, not 职级). */
  public List<FilingRow> filing(int year, CurrentUser viewer) {
    LocalDate yearEnd = LocalDate.of(year, 12, 31);
    LocalDate checkDay = yearEnd.isAfter(today()) ? today() : yearEnd;
    Map<Long, PersonCompliance> checked = new HashMap<>();
    compliance.check(null, checkDay, viewer.dataScope()).people().forEach(p -> checked.put(p.staffId(), p));
    var parameters = viewer.dataScope().bind(new MapSqlParameterSource())
        .addValue("first", LocalDate.of(year, 1, 1)).addValue("next", LocalDate.of(year + 1, 1, 1))
        .addValue("on", checkDay);
    return jdbc.sql("""
        select o.*, s.name as staff_name, u.name as unit_name, rk.name as rank_name, b.name || ' ' || r.number as room,
               r.use_area
          from space_office_assignment o join org_person s on s.id = o.staff_id join org_unit u on u.id = s.unit_id
          join space_room r on r.id = o.room_id join space_building b on b.id = r.building_id
          join org_rank rk on rk.code = %s
         where rk.kind = 'POST' and o.valid_from < :next and (o.valid_to is null or o.valid_to > :first) and %s
         order by u.sort_order, u.id, rk.sort_order, s.name, o.second_office, o.valid_from"""
        .formatted(AreaCompliance.RANK_ON, DataScope.sqlCondition("s.region_id", "s.unit_id", "s.id")))
        .paramSource(parameters)
        .query((rs, n) -> {
          PersonCompliance person = checked.get(rs.getLong("staff_id"));
          return new FilingRow(rs.getString("unit_name"), rs.getString("staff_name"), rs.getString("rank_name"),
              rs.getString("room"), rs.getBigDecimal("use_area"), rs.getBoolean("second_office"),
              rs.getString("concurrent_post"), rs.getDate("valid_from").toLocalDate(),
              AllocationRecords.date(rs, "valid_to"), person == null ? null : person.allowedArea(),
              person == null ? null : person.occupiedArea(), person == null ? null : person.excess());
        })
        .list();
  }

  public Dashboard dashboard(CurrentUser viewer) {
    LocalDate on = today();
    var parameters = register.scoped(viewer);
    List<Room> rooms = register.rooms(viewer);
    BigDecimal total = rooms.stream().map(Room::useArea).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal allocated = rooms.stream().filter(r -> r.unitId() != null).map(Room::useArea)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal occupancy = total.signum() == 0
        ? BigDecimal.ZERO
        : allocated.multiply(BigDecimal.valueOf(100)).divide(total, 1, RoundingMode.HALF_UP);
    List<KindArea> byKind = java.util.Arrays.stream(RoomKind.values()).map(kind -> new KindArea(kind.name(),
        kind.chineseName(), (int) rooms.stream().filter(r -> r.kind() == kind).count(),
        rooms.stream().filter(r -> r.kind() == kind).map(Room::useArea).reduce(BigDecimal.ZERO, BigDecimal::add)))
        .toList();
    Compliance checked = compliance.check(null, on, viewer.dataScope());
    List<UnitArea> byUnit = checked.units().stream().map(u -> new UnitArea(u.unitId(), u.name(), u.approvedHeadcount(),
        u.occupiedArea(), u.allowedArea(), u.excess())).toList();
    int buildings = register.buildings(viewer).size();
    Long rent = rentIncome.getIfAvailable() == null
        ? null
        : viewer.dataScope().regionIds().isEmpty() && !viewer.dataScope().all()
            ? null
            : rentIncome.getObject().collectedFen(viewer.regionId(), on.getYear());
    int openTasks = jdbc.sql("select count(*) from space_recovery_task t where t.done_at is null and "
        + DataScope.sqlCondition("t.region_id", null, null))
        .paramSource(parameters).query(Integer.class).single();
    return new Dashboard(on, buildings, rooms.size(), total, allocated, occupancy, byKind, byUnit,
        checked.overStandardPeople().size(), checked.overStandardUnits().size(),
        rooms.stream().filter(r -> r.unitId() == null).toList(), rent, openTasks);
  }
}
