package cn.smartaffairs.space;

import java.time.LocalDate;
import java.util.List;

/** 超标检查: the people and units in the caller's scope on a day, each against its standard. */
public record Compliance(LocalDate on, List<PersonCompliance> people, List<UnitCompliance> units) {

  public List<PersonCompliance> overStandardPeople() {
    return people.stream().filter(PersonCompliance::overStandard).toList();
  }

  public List<UnitCompliance> overStandardUnits() {
    return units.stream().filter(UnitCompliance::overStandard).toList();
  }
}
