package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.StaffRank;
import cn.smartaffairs.security.DataScope;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** The area check against the 2014 standard (发改投资〔2014〕2674号), person by person and unit by unit. */
@IntegrationTest
class AreaComplianceTest {

  private static final LocalDate START = LocalDate.of(2025, 3, 1);
  private static final LocalDate DAY = LocalDate.of(2025, 6, 1);

  /** RULES §1a, 2014 table, by 职务层次; grades above a level's top post take the top value. */
  private static final Map<GovernmentLevel, Map<String, Integer>> STANDARD_2014 = Map.of(
      GovernmentLevel.CENTRAL, grades(54, 42, 24, 18, 12, 12, 9, 9, 9),
      GovernmentLevel.PROVINCE, grades(54, 42, 30, 24, 18, 12, 9, 9, 9),
      GovernmentLevel.CITY, grades(42, 42, 42, 30, 24, 18, 9, 9, 9),
      GovernmentLevel.COUNTY, grades(30, 30, 30, 30, 30, 24, 18, 12, 9),
      GovernmentLevel.TOWNSHIP, grades(24, 24, 24, 24, 24, 24, 24, 18, 9));

  @Autowired ApplicationContext context;
  @Autowired AreaCompliance compliance;
  @Autowired RankHistory ranks;
  @Autowired OrganisationDirectory organisation;
  SpaceFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new SpaceFixtures(context);
  }

  @ParameterizedTest
  @EnumSource(GovernmentLevel.class)
  void everyRankOfEveryGovernmentLevelIsCheckedAgainstThe2014Standard(GovernmentLevel level) {
    long unit = fixtures.unit(level, 200);
    long[] building = fixtures.buildingWithFloor();
    Map<Long, StaffRank> rankOf = new HashMap<>();
    List<StaffRank> dictionary = organisation.ranks();
    Long[] rooms = new Long[dictionary.size()];
    for (int i = 0; i < dictionary.size(); i++) {
      rooms[i] = fixtures.room(building, "20", RoomKind.OFFICE);
    }
    fixtures.allocate(unit, START, rooms);
    for (int i = 0; i < dictionary.size(); i++) {
      long person = fixtures.person(unit, dictionary.get(i).code());
      rankOf.put(person, dictionary.get(i));
      fixtures.office(rooms[i], START, person);
    }

    Compliance result = compliance.check(unit, DAY, DataScope.everything());

    assertThat(result.people()).hasSize(dictionary.size());
    for (PersonCompliance person : result.people()) {
      StaffRank rank = rankOf.get(person.staffId());
      int allowed = STANDARD_2014.get(level).get(rank.grade());
      assertThat(person.allowedArea()).as("%s %s", level, rank.name()).isEqualByComparingTo(String.valueOf(allowed));
      assertThat(person.occupiedArea()).isEqualByComparingTo("20");
      assertThat(person.excess()).as("%s %s", level, rank.name())
          .isEqualByComparingTo(String.valueOf(Math.max(0, 20 - allowed)));
      assertThat(person.overStandard()).isEqualTo(allowed < 20);
      assertThat(person.rank()).isEqualTo(rank.name());
      String body = level == GovernmentLevel.CENTRAL ? "中央机关" : level.chineseName() + "级机关";
      assertThat(person.rule()).contains(body).contains(allowed + " m²").contains("2014");
    }
  }

  @Test
  void aSharedRoomIsDividedAmongItsOccupantsAndTheExcessIsReported() {
    long unit = fixtures.unit(GovernmentLevel.CITY, 50);
    long clerk = fixtures.person(unit, "LEVEL_OFFICER_1");
    long colleague = fixtures.person(unit, "LEVEL_OFFICER_2");
    long director = fixtures.person(unit, "DIVISION_HEAD");
    fixtures.officeFor(unit, "30", START, clerk, colleague);
    fixtures.officeFor(unit, "30", START, director);

    Map<Long, PersonCompliance> people = byStaff(compliance.check(unit, DAY, DataScope.everything()));

    assertThat(people.get(clerk).occupiedArea()).isEqualByComparingTo("15");
    assertThat(people.get(clerk).allowedArea()).isEqualByComparingTo("9");
    assertThat(people.get(clerk).excess()).isEqualByComparingTo("6");
    assertThat(people.get(clerk).rooms()).contains("2人合用");
    assertThat(people.get(colleague).excess()).isEqualByComparingTo("6");
    assertThat(people.get(director).allowedArea()).isEqualByComparingTo("24");
    assertThat(people.get(director).excess()).isEqualByComparingTo("6");

    // a third person joins the shared room: 10 m² each, still over the 9 m² of an officer
    long third = fixtures.person(unit, "LEVEL_OFFICER_1");
    long shared = context.getBean(OfficeAssignments.class).currentOffices(unit, fixtures.manager()).stream()
        .filter(o -> o.staffId() == clerk).findFirst().orElseThrow().roomId();
    fixtures.office(shared, DAY, third);
    Map<Long, PersonCompliance> after = byStaff(compliance.check(unit, DAY, DataScope.everything()));
    assertThat(after.get(clerk).occupiedArea()).isEqualByComparingTo("10");
    assertThat(after.get(third).excess()).isEqualByComparingTo("1");
    assertThat(byStaff(compliance.check(unit, DAY.minusDays(1), DataScope.everything())).get(clerk).occupiedArea())
        .as("the day before, two shared the room").isEqualByComparingTo("15");
  }

  @Test
  void aRankChangeTakesEffectOnItsDate() {
    long unit = fixtures.unit(GovernmentLevel.COUNTY, 30);
    long deputy = fixtures.person(unit, "SECTION_DEPUTY");
    fixtures.officeFor(unit, "18", START, deputy);
    LocalDate promoted = LocalDate.of(2025, 5, 15);

    ranks.record(deputy, "SECTION_HEAD", promoted, fixtures.manager());

    PersonCompliance before = byStaff(compliance.check(unit, promoted.minusDays(1), DataScope.everything()))
        .get(deputy);
    assertThat(before.rankCode()).isEqualTo("SECTION_DEPUTY");
    assertThat(before.allowedArea()).isEqualByComparingTo("12");
    assertThat(before.excess()).isEqualByComparingTo("6");
    PersonCompliance after = byStaff(compliance.check(unit, promoted, DataScope.everything())).get(deputy);
    assertThat(after.rankCode()).isEqualTo("SECTION_HEAD");
    assertThat(after.allowedArea()).isEqualByComparingTo("18");
    assertThat(after.excess()).isEqualByComparingTo("0");
    assertThat(after.overStandard()).isFalse();
    assertThat(ranks.rankOn(deputy, START)).isEqualTo("SECTION_DEPUTY");
  }

  @Test
  void aUnitIsCheckedAgainstItsApprovedHeadcountAndGrade() {
    long unit = fixtures.unit(GovernmentLevel.CITY, 2);
    long[] building = fixtures.buildingWithFloor();
    fixtures.allocate(unit, START, fixtures.room(building, "25", RoomKind.OFFICE),
        fixtures.room(building, "15", RoomKind.SERVICE));

    UnitCompliance checked = compliance.check(unit, DAY, DataScope.everything()).units().get(0);

    assertThat(checked.buildingGrade()).isEqualTo("二级");
    assertThat(checked.allowedArea()).as("2 heads × 15 m²").isEqualByComparingTo("30");
    assertThat(checked.occupiedArea()).as("offices and service rooms count").isEqualByComparingTo("40");
    assertThat(checked.excess()).isEqualByComparingTo("10");
    assertThat(checked.overStandard()).isTrue();
    assertThat(checked.rule()).contains("编制2人").contains("15");
    assertThat(compliance.check(unit, START.minusDays(1), DataScope.everything()).units())
        .as("nothing allocated before the start").isEmpty();
  }

  private static Map<Long, PersonCompliance> byStaff(Compliance compliance) {
    Map<Long, PersonCompliance> people = new HashMap<>();
    compliance.people().forEach(person -> people.put(person.staffId(), person));
    return people;
  }

  private static Map<String, Integer> grades(int provincialHead, int provincialDeputy, int bureauHead,
      int bureauDeputy, int divisionHead, int divisionDeputy, int sectionHead,
      int sectionDeputy, int staff) {
    return Map.of("PROVINCIAL_HEAD", provincialHead, "PROVINCIAL_DEPUTY", provincialDeputy, "BUREAU_HEAD", bureauHead,
        "BUREAU_DEPUTY", bureauDeputy, "DIVISION_HEAD", divisionHead, "DIVISION_DEPUTY", divisionDeputy,
        "SECTION_HEAD", sectionHead, "SECTION_DEPUTY", sectionDeputy, "STAFF", staff);
  }
}
