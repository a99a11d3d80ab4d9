package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.organisation.StaffMember;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a request to allocate, move or assign space must meet before anything is stored: no database, no Spring. */
class AllocationRulesTest {

  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final long REGION = 1;
  private static final long FINANCE = 10;
  private static final long AFFAIRS = 20;

  static Room room(RoomKind kind) {
    return new Room(5, REGION, 3, "市行政中心1号楼", 4, "3层", "301", new BigDecimal("18.00"), kind, null, FINANCE,
        "市财政局", 0);
  }

  static UnitAllocation heldByFinance(LocalDate from, LocalDate to) {
    return new UnitAllocation(9, 5, "市行政中心1号楼 301", RoomKind.OFFICE, FINANCE, "市财政局", 7, "YX-SY-001",
        new BigDecimal("18.00"), from, to, UnitAllocation.Began.ALLOCATED,
        to == null ? null : UnitAllocation.Ended.RETURNED);
  }

  static OfficeAssignment office(long roomId, LocalDate from, LocalDate to) {
    return new OfficeAssignment(11, roomId, "市行政中心1号楼 301", 42, "张三", false, null, null, from, to,
        to == null ? null : OfficeAssignment.Ended.MOVED);
  }

  private static StaffMember member(long unitId, StaffStatus status) {
    return new StaffMember(42, "S001", "张三", "M", REGION, "云溪市", unitId, "单位", null, null, null, "LEVEL_OFFICER_1",
        "一级主任科员", true, null, status, START, status == StaffStatus.ACTIVE ? null : START.plusYears(1));
  }

  private static CurrentUser holding(RoleGrant... grants) {
    return new CurrentUser(1, "someone", "某人", "", 42L, REGION, FINANCE, true, false, Arrays.asList(grants), Set.of());
  }

  static String keyOf(Runnable rule) {
    try {
      rule.run();
    } catch (BusinessRuleException e) {
      return e.messageKey();
    }
    return null;
  }

  @Test
  void anAllocationNeedsAUnit() {
    assertThat(keyOf(() -> AllocationRules.requireUnitChosen(null))).isEqualTo("space.unitRequired");
    assertThatCode(() -> AllocationRules.requireUnitChosen(FINANCE)).doesNotThrowAnyException();
  }

  @Test
  void anAgreementHasANumberOfAtMostFortyCharacters() {
    assertThat(keyOf(() -> AllocationRules.checkAgreement(null, START, null, List.of(5L))))
        .isEqualTo("space.agreementNoRequired");
    assertThat(keyOf(() -> AllocationRules.checkAgreement("  ", START, null, List.of(5L))))
        .isEqualTo("space.agreementNoRequired");
    assertThat(keyOf(() -> AllocationRules.checkAgreement("X".repeat(41), START, null, List.of(5L))))
        .isEqualTo("space.agreementNoRequired");
    assertThat(keyOf(() -> AllocationRules.checkAgreement(" " + "X".repeat(40) + " ", START, null, List.of(5L))))
        .as("surrounding blanks do not count").isNull();
  }

  @Test
  void anAgreementsTermBeginsAndEndsOnlyAfterItBegins() {
    assertThat(keyOf(() -> AllocationRules.checkAgreement("XY-1", null, null, List.of(5L))))
        .isEqualTo("space.termFromRequired");
    assertThat(keyOf(() -> AllocationRules.checkAgreement("XY-1", START, START, List.of(5L))))
        .isEqualTo("space.termInvalid");
    assertThat(keyOf(() -> AllocationRules.checkAgreement("XY-1", START, START.minusDays(1), List.of(5L))))
        .isEqualTo("space.termInvalid");
    assertThat(keyOf(() -> AllocationRules.checkAgreement("XY-1", START, START.plusDays(1), List.of(5L)))).isNull();
    assertThat(keyOf(() -> AllocationRules.checkAgreement("XY-1", START, null, List.of(5L))))
        .as("an agreement without end runs until further notice").isNull();
  }

  @Test
  void anAgreementCoversAtLeastOneRoom() {
    assertThat(keyOf(() -> AllocationRules.checkAgreement("XY-1", START, null, null))).isEqualTo("space.roomsRequired");
    assertThat(keyOf(() -> AllocationRules.checkAgreement("XY-1", START, null, List.of())))
        .isEqualTo("space.roomsRequired");
  }

  @Test
  void aHandoverNamesItsDayAndAReasonOfAtMostTwoHundredCharacters() {
    assertThat(keyOf(() -> AllocationRules.checkHandover(null, "机构改革"))).isEqualTo("space.moveFieldsRequired");
    assertThat(keyOf(() -> AllocationRules.checkHandover(START, " "))).isEqualTo("space.moveFieldsRequired");
    assertThat(keyOf(() -> AllocationRules.checkHandover(START, "因".repeat(201))))
        .isEqualTo("space.moveFieldsRequired");
    assertThat(keyOf(() -> AllocationRules.checkHandover(START, "因".repeat(200)))).isNull();
  }

  @Test
  void aReallocationOrReceiptAlsoNamesTheNewAgreement() {
    assertThat(keyOf(() -> AllocationRules.checkMove(START, "调剂", null))).isEqualTo("space.agreementNoRequired");
    assertThat(keyOf(() -> AllocationRules.checkMove(null, "调剂", null)))
        .as("the missing day is named first").isEqualTo("space.moveFieldsRequired");
    assertThat(keyOf(() -> AllocationRules.checkMove(START, "调剂", "TJ-1"))).isNull();
  }

  @Test
  void aRoomMovesOnlyToAnotherUnit() {
    assertThat(keyOf(() -> AllocationRules.requireOtherUnit(heldByFinance(START, null), FINANCE)))
        .isEqualTo("space.sameUnit");
    assertThat(keyOf(() -> AllocationRules.requireOtherUnit(heldByFinance(START, null), AFFAIRS))).isNull();
  }

  @Test
  void officesAreGivenInOfficeRoomsOnly() {
    assertThat(keyOf(() -> AllocationRules.checkOfficeRequest(room(RoomKind.ANCILLARY), List.of(42L), false, null)))
        .isEqualTo("space.notAnOffice");
    assertThat(keyOf(() -> AllocationRules.checkOfficeRequest(room(RoomKind.OFFICE), List.of(42L), false, null)))
        .isNull();
  }

  @Test
  void anOfficeIsGivenToNamedPeople() {
    assertThat(keyOf(() -> AllocationRules.checkOfficeRequest(room(RoomKind.OFFICE), null, false, null)))
        .isEqualTo("space.staffRequired");
    assertThat(keyOf(() -> AllocationRules.checkOfficeRequest(room(RoomKind.OFFICE), List.of(), false, null)))
        .isEqualTo("space.staffRequired");
    assertThat(keyOf(() -> AllocationRules.checkOfficeRequest(room(RoomKind.OFFICE), Arrays.asList(42L, null), false,
        null))).isEqualTo("space.staffRequired");
  }

  @Test
  void aSecondOfficeNamesTheConcurrentPost() {
    assertThat(keyOf(() -> AllocationRules.checkOfficeRequest(room(RoomKind.OFFICE), List.of(42L), true, " ")))
        .isEqualTo("space.concurrentPostRequired");
    assertThat(keyOf(() -> AllocationRules.checkOfficeRequest(room(RoomKind.OFFICE), List.of(42L), true,
        "市政府副秘书长"))).isNull();
  }

  @Test
  void onlyAnActiveMemberOfTheHoldingUnitGetsAnOfficeInTheRoom() {
    UnitAllocation holder = heldByFinance(START, null);
    assertThat(keyOf(() -> AllocationRules.requireMayHaveOffice(member(AFFAIRS, StaffStatus.ACTIVE), holder)))
        .isEqualTo("space.staffNotOfUnit");
    assertThat(keyOf(() -> AllocationRules.requireMayHaveOffice(member(FINANCE, StaffStatus.RETIRED), holder)))
        .isEqualTo("space.staffNotActive");
    assertThat(keyOf(() -> AllocationRules.requireMayHaveOffice(member(FINANCE, StaffStatus.ACTIVE), holder))).isNull();
  }

  @Test
  void aPersonMovesToANewMainOfficeOnlyAfterThePreviousBeganAndNeverIntoTheSameRoom() {
    OfficeAssignment previous = office(5, START, null);
    assertThatThrownBy(() -> AllocationRules.requireMovableTo(previous, 5, "张三", START.plusMonths(1)))
        .isInstanceOf(ConflictException.class).extracting("messageKey").isEqualTo("space.alreadyInRoom");
    assertThat(keyOf(() -> AllocationRules.requireMovableTo(previous, 6, "张三", START)))
        .isEqualTo("space.officeStartsLater");
    assertThat(keyOf(() -> AllocationRules.requireMovableTo(previous, 6, "张三", START.plusDays(1)))).isNull();
  }

  @Test
  void theHoldingUnitsHeadOrLiaisonOrTheRegionsSpaceManagerActsOnARoomsUse() {
    assertThatCode(() -> AllocationRules.requireUnitOrManager(FINANCE, REGION,
        holding(new RoleGrant(Role.UNIT_LIAISON, REGION, FINANCE)))).doesNotThrowAnyException();
    assertThatCode(() -> AllocationRules.requireUnitOrManager(FINANCE, REGION,
        holding(new RoleGrant(Role.SPACE_MANAGER, REGION, null)))).doesNotThrowAnyException();
    assertThatThrownBy(() -> AllocationRules.requireUnitOrManager(FINANCE, REGION,
        holding(new RoleGrant(Role.UNIT_HEAD, REGION, AFFAIRS)))).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> AllocationRules.requireUnitOrManager(FINANCE, REGION,
        holding(new RoleGrant(Role.SPACE_MANAGER, 2L, null)))).as("another region's manager")
        .isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> AllocationRules.requireUnitOrManager(FINANCE, REGION,
        holding(new RoleGrant(Role.STAFF, REGION, FINANCE)))).as("a person who only uses the room")
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aRecordOutsideTheCallersScopeIsNotFound() {
    assertThatThrownBy(() -> AllocationRules.requireInScope(false, "移交", 7)).isInstanceOf(NotFoundException.class);
    assertThatCode(() -> AllocationRules.requireInScope(true, "移交", 7)).doesNotThrowAnyException();
  }
}
