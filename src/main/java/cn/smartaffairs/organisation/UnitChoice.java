package cn.smartaffairs.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A unit as a drop-down offers it: its name, followed by its region's name only where another offered unit bears the
 * same name (县财政局 of 青山县 and of 白沙县 read "县财政局（青山县）" and "县财政局（白沙县）").
 */
public record UnitChoice(long id, long regionId, String name, String label) {

  /** The units as choices, in their order, each labelled against the others of the same list. */
  public static List<UnitChoice> of(Collection<Unit> units) {
    Map<String, Long> named = units.stream().collect(Collectors.groupingBy(Unit::name, Collectors.counting()));
    return units.stream().map(unit -> new UnitChoice(unit.id(), unit.regionId(), unit.name(),
        named.get(unit.name()) > 1 ? unit.name() + "（" + unit.regionName() + "）" : unit.name())).toList();
  }
}
