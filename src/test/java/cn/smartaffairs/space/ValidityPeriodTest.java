package cn.smartaffairs.space;

import static cn.smartaffairs.space.AllocationRulesTest.heldByFinance;
import static cn.smartaffairs.space.AllocationRulesTest.keyOf;
import static cn.smartaffairs.space.AllocationRulesTest.office;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.platform.ConflictException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Allocations and offices are periods [from, to), an open one without end, read as the database's exclusion
 * constraints read them; a period ends once, after it began.
 */
class ValidityPeriodTest {

  private static final LocalDate JAN = LocalDate.of(2025, 1, 1);
  private static final LocalDate JUL = LocalDate.of(2025, 7, 1);

  @Test
  void aPeriodHoldsFromItsFirstDayUpToButNotOnItsEndDay() {
    assertThat(Periods.contains(JAN, JUL, JAN)).isTrue();
    assertThat(Periods.contains(JAN, JUL, JUL.minusDays(1))).isTrue();
    assertThat(Periods.contains(JAN, JUL, JUL)).isFalse();
    assertThat(Periods.contains(JAN, JUL, JAN.minusDays(1))).isFalse();
    assertThat(Periods.contains(JAN, null, LocalDate.of(2099, 1, 1))).as("an open period").isTrue();
  }

  @Test
  void periodsThatMeetOnADayDoNotOverlap() {
    assertThat(Periods.overlap(JAN, JUL, JUL, null)).isFalse();
    assertThat(Periods.overlap(JUL, null, JAN, JUL)).isFalse();
    assertThat(Periods.overlap(JAN, JUL, JUL.minusDays(1), null)).isTrue();
    assertThat(Periods.overlap(JAN, null, LocalDate.of(2030, 1, 1), null)).as("two open periods").isTrue();
    assertThat(Periods.overlap(JUL, null, JAN, JAN.plusDays(1))).isFalse();
  }

  @Test
  void aRoomIsFreeForANewAllocationOnlyFromTheDayTheLastOneEnded() {
    assertThat(heldByFinance(JAN, JUL).blocksAllocationFrom(JUL)).isFalse();
    assertThat(heldByFinance(JAN, JUL).blocksAllocationFrom(JUL.minusDays(1))).isTrue();
    assertThat(heldByFinance(JUL, null).blocksAllocationFrom(JAN))
        .as("a later allocation blocks an open-ended one from before it").isTrue();
    assertThat(heldByFinance(JAN, null).heldOn(JUL)).isTrue();
    assertThat(heldByFinance(JAN, JUL).heldOn(JUL)).isFalse();
  }

  @Test
  void aUnitsPeriodEndsOnceOnADayAfterItBegan() {
    assertThat(keyOf(() -> heldByFinance(JAN, null).requireEndableOn(null))).isEqualTo("space.moveFieldsRequired");
    assertThat(keyOf(() -> heldByFinance(JAN, null).requireEndableOn(JAN))).isEqualTo("space.endBeforeStart");
    assertThat(keyOf(() -> heldByFinance(JAN, null).requireEndableOn(JUL))).isNull();
    assertThatThrownBy(() -> heldByFinance(JAN, JUL).requireEndableOn(JUL.plusDays(1)))
        .isInstanceOf(ConflictException.class).extracting("messageKey").isEqualTo("space.allocationAlreadyEnded");
  }

  @Test
  void anOfficeEndsOnceOnADayAfterItBegan() {
    assertThat(keyOf(() -> office(5, JAN, null).requireEndableOn(JAN))).isEqualTo("space.endBeforeStart");
    assertThat(keyOf(() -> office(5, JAN, null).requireEndableOn(JUL))).isNull();
    assertThatThrownBy(() -> office(5, JAN, JUL).requireEndableOn(JUL.plusDays(1)))
        .isInstanceOf(ConflictException.class).extracting("messageKey").isEqualTo("space.officeAlreadyEnded");
    assertThat(office(5, JAN, JUL).heldOn(JAN)).isTrue();
    assertThat(office(5, JAN, JUL).heldOn(JUL)).isFalse();
  }

  @Test
  void anOfficeThatBeginsOnOrAfterTheUnitsLastDayStandsInTheWayOfTheMove() {
    assertThat(keyOf(() -> office(5, JUL, null).requireMovableOn(JUL))).isEqualTo("space.officeStartsLater");
    assertThat(keyOf(() -> office(5, JUL, null).requireMovableOn(JAN))).isEqualTo("space.officeStartsLater");
    assertThat(keyOf(() -> office(5, JAN, null).requireMovableOn(JUL))).isNull();
  }

  @Test
  void onlyASecondOfficesConcurrentPostEndsAndItEndsOnADay() {
    OfficeAssignment main = office(5, JAN, null);
    OfficeAssignment second = new OfficeAssignment(12, 5, "市行政中心1号楼 302", 42, "张三", true, "市政府副秘书长",
        null, JAN, null, null);
    assertThat(keyOf(() -> main.requireConcurrentPostEndable(JUL))).isEqualTo("space.notASecondOffice");
    assertThat(keyOf(() -> second.requireConcurrentPostEndable(null))).isEqualTo("space.moveFieldsRequired");
    assertThat(keyOf(() -> second.requireConcurrentPostEndable(JUL))).isNull();
  }

  @Test
  void anOfficeGivenUpWhileARecoveryTaskIsOpenCountsAsRecovered() {
    assertThat(OfficeAssignment.Ended.endedDirectly(true)).isEqualTo(OfficeAssignment.Ended.RECOVERED);
    assertThat(OfficeAssignment.Ended.endedDirectly(false)).isEqualTo(OfficeAssignment.Ended.VACATED);
  }

  @Test
  void anAgreementsAreaIsTheSumOfItsRoomsAllocatedAreas() {
    UnitAllocation first = heldByFinance(JAN, null);
    UnitAllocation second = new UnitAllocation(10, 6, "市行政中心1号楼 302", RoomKind.SERVICE, 10, "市财政局", 7,
        "YX-SY-001", new BigDecimal("32.50"), JAN, JUL, UnitAllocation.Began.ALLOCATED, UnitAllocation.Ended.RETURNED);
    assertThat(Agreement.totalArea(List.of(first, second))).isEqualByComparingTo("50.50");
    assertThat(Agreement.totalArea(List.of())).isEqualByComparingTo("0");
  }
}
