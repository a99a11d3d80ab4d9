package cn.smartaffairs.space;

import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * 超标检查: each person's office use-area against the standard for their unit's government level and their rank on
 * the day, and each unit's allocated area against its approved head count and building grade. A shared room is
 * divided equally among the people who have it as their office that day. A leader's approved second office (兼职)
 * is not counted here: its own rule is that it is vacated after the concurrent post ends.
 */
@Service
public class AreaCompliance {

  /** The rank that applies on :on — the latest change in force, else the rank held before the first change. */
  static final String RANK_ON = """
      coalesce((select c.rank_code from space_rank_change c where c.staff_id = s.id and c.effective_from <= :on
                 order by c.effective_from desc limit 1),
               (select c.previous_rank_code from space_rank_change c where c.staff_id = s.id
                 order by c.effective_from limit 1),
               s.rank_code)""";

  private final JdbcClient jdbc;
  private final Clock clock;
  private final MessageSource messages;

  public AreaCompliance(JdbcClient jdbc, Clock clock, MessageSource messages) {
    this.jdbc = jdbc;
    this.clock = clock;
    this.messages = messages;
  }

  /** The check today, its rules and rooms in Chinese. */
  public Compliance check(Long unitId, CurrentUser viewer) {
    return check(unitId, viewer, Locale.SIMPLIFIED_CHINESE);
  }

  /** The check today, its rules and rooms in the reader's language. */
  public Compliance check(Long unitId, CurrentUser viewer, Locale locale) {
    return check(unitId, LocalDate.now(clock.withZone(PlatformConfiguration.ZONE)), viewer.dataScope(), locale);
  }

  /** The check on a day for the people and units in scope, optionally of one unit, in Chinese. */
  public Compliance check(Long unitId, LocalDate on, DataScope scope) {
    return check(unitId, on, scope, Locale.SIMPLIFIED_CHINESE);
  }

  /** The check on a day for the people and units in scope, optionally of one unit, in the reader's language. */
  public Compliance check(Long unitId, LocalDate on, DataScope scope, Locale locale) {
    return new Compliance(on, people(unitId, on, scope, locale), units(unitId, on, scope, locale));
  }

  private String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }

  private record Seat(long staffId, String name, long unitId, String unitName, String level, String rankCode,
      String rankName, BigDecimal allowed, String postLabel, String source, String room,
      BigDecimal share) {}

  private List<PersonCompliance> people(Long unitId, LocalDate on, DataScope scope, Locale locale) {
    var parameters = scope.bind(new MapSqlParameterSource()).addValue("on", on).addValue("unit", unitId);
    List<Seat> seats = jdbc.sql("""
        select o.staff_id, s.name, s.unit_id, u.name as unit_name, u.government_level, rk.code as rank_code,
               rk.name as rank_name, std.max_use_area, std.post_label, std.source, b.name as building_name, r.number,
               r.use_area,
               (select count(*) from space_office_assignment x where x.room_id = o.room_id and x.valid_from <= :on
                   and (x.valid_to is null or x.valid_to > :on)) as occupants
          from space_office_assignment o
          join org_person s on s.id = o.staff_id
          join org_unit u on u.id = s.unit_id
          join space_room r on r.id = o.room_id
          join space_building b on b.id = r.building_id
          join org_rank rk on rk.code = %s
          left join lateral (
               select st.max_use_area, st.post_label, st.source from space_office_standard st
                where st.government_level = u.government_level and st.grade = rk.grade and st.effective_from <= :on
                  and (st.region_id is null or st.region_id = u.region_id)
                order by st.region_id is null, st.effective_from desc limit 1) std on true
         where o.valid_from <= :on and (o.valid_to is null or o.valid_to > :on) and not o.second_office
           and %s and (cast(:unit as bigint) is null or s.unit_id = :unit)
         order by u.sort_order, u.id, s.name, s.id, b.name, r.number"""
        .formatted(RANK_ON, DataScope.sqlCondition("s.region_id", "s.unit_id", "s.id")))
        .paramSource(parameters)
        .query((rs, n) -> new Seat(rs.getLong("staff_id"), rs.getString("name"), rs.getLong("unit_id"),
            rs.getString("unit_name"), rs.getString("government_level"), rs.getString("rank_code"),
            rs.getString("rank_name"), rs.getBigDecimal("max_use_area"), rs.getString("post_label"),
            rs.getString("source"), rs.getInt("occupants") > 1
                ? text("space.compliance.sharedRoom", locale, rs.getString("building_name"), rs.getString("number"),
                    rs.getInt("occupants"))
                : rs.getString("building_name") + " " + rs.getString("number"),
            AreaCheck.share(rs.getBigDecimal("use_area"), rs.getInt("occupants"))))
        .list();
    Map<Long, List<Seat>> byPerson = new LinkedHashMap<>();
    seats.forEach(seat -> byPerson.computeIfAbsent(seat.staffId(), id -> new ArrayList<>()).add(seat));
    List<PersonCompliance> people = new ArrayList<>();
    for (List<Seat> offices : byPerson.values()) {
      Seat first = offices.get(0);
      BigDecimal occupied = offices.stream().map(Seat::share).reduce(BigDecimal.ZERO, BigDecimal::add);
      BigDecimal allowed = (first.allowed() == null ? BigDecimal.ZERO : first.allowed()).setScale(2);
      BigDecimal excess = AreaCheck.excess(occupied, allowed);
      String rule = first.allowed() == null
          ? text("space.compliance.noStandard", locale)
          : text("space.compliance.personRule", locale, text("unit.level." + first.level(), locale),
              first.postLabel(), allowed.stripTrailingZeros().toPlainString(), first.source());
      people.add(new PersonCompliance(first.staffId(), first.name(), first.unitId(), first.unitName(),
          first.rankCode(), first.rankName(), first.level(), allowed, occupied, excess, excess.signum() > 0, rule,
          String.join(text("common.listSeparator", locale), offices.stream().map(Seat::room).toList())));
    }
    return people;
  }

  private List<UnitCompliance> units(Long unitId, LocalDate on, DataScope scope, Locale locale) {
    var parameters = scope.bind(new MapSqlParameterSource()).addValue("on", on).addValue("unit", unitId);
    return jdbc.sql("""
        select u.id, u.name, u.government_level, u.approved_headcount, held.area, std.building_grade,
               std.use_area_per_head, std.large_unit_headcount, std.large_unit_per_head, std.source
          from org_unit u
          join (select a.unit_id, sum(a.area) as area from space_unit_allocation a
                 where a.valid_from <= :on and (a.valid_to is null or a.valid_to > :on) group by a.unit_id) held
            on held.unit_id = u.id
          left join lateral (
               select st.* from space_unit_standard st
                where st.government_level = u.government_level and st.effective_from <= :on
                  and (st.region_id is null or st.region_id = u.region_id)
                order by st.region_id is null, st.effective_from desc limit 1) std on true
         where %s and (cast(:unit as bigint) is null or u.id = :unit)
         order by u.sort_order, u.id""".formatted(DataScope.sqlCondition("u.region_id", "u.id", null)))
        .paramSource(parameters)
        .query((rs, n) -> {
          int headcount = rs.getInt("approved_headcount");
          BigDecimal occupied = rs.getBigDecimal("area").setScale(2);
          String level = rs.getString("government_level");
          if (rs.getString("building_grade") == null) {
            return new UnitCompliance(rs.getLong("id"), rs.getString("name"), level, headcount, null, BigDecimal.ZERO,
                occupied, occupied, occupied.signum() > 0, text("space.compliance.noStandard", locale));
          }
          BigDecimal perHead = rs.getBigDecimal("use_area_per_head");
          int large = rs.getInt("large_unit_headcount");
          BigDecimal largePerHead = rs.getBigDecimal("large_unit_per_head");
          BigDecimal allowed = AreaCheck.unitAllowance(headcount, perHead, large, largePerHead);
          BigDecimal excess = AreaCheck.excess(occupied, allowed);
          String rule = text("space.compliance.unitRule", locale, rs.getString("building_grade"), headcount,
              AreaCheck.perHeadRate(headcount, perHead, large, largePerHead).stripTrailingZeros().toPlainString(),
              rs.getString("source"));
          return new UnitCompliance(rs.getLong("id"), rs.getString("name"), level, headcount,
              rs.getString("building_grade"), allowed, occupied, excess, excess.signum() > 0, rule);
        })
        .list();
  }
}
