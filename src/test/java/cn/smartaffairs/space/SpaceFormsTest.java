package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.validation.BeanPropertyBindingResult;

/** The space forms on their own: which fields each refuses, and the command a valid one becomes. No Spring context. */
class SpaceFormsTest {

  static ValidatorFactory factory;
  static Validator validator;

  @BeforeAll
  static void start() {
    factory = Validation.buildDefaultValidatorFactory();
    validator = factory.getValidator();
  }

  @AfterAll
  static void stop() {
    factory.close();
  }

  private static Set<String> refused(Object form) {
    return validator.validate(form).stream().map(ConstraintViolation::getPropertyPath).map(Object::toString)
        .collect(Collectors.toSet());
  }

  private static BuildingForm building() {
    var form = new BuildingForm();
    form.setCode(" B-9 ");
    form.setName("政务服务中心");
    form.setAddress("云溪市政务路9号");
    form.setOwnership("云溪市机关事务管理局");
    form.setTotalBuildingArea(new BigDecimal("5000"));
    form.setTotalUseArea(new BigDecimal("3500.50"));
    return form;
  }

  @Test
  void aCompleteBuildingIsTakenAndBecomesTheRegistersDraftAsTyped() {
    var form = building();
    assertThat(refused(form)).isEmpty();
    assertThat(form.toDraft()).isEqualTo(new BuildingDraft(null, " B-9 ", "政务服务中心", "云溪市政务路9号", "云溪市机关事务管理局",
        null, null, new BigDecimal("5000"), new BigDecimal("3500.50")));
  }

  @Test
  void aBuildingWithoutCodeWithAThirdDecimalAndAYearOutOfRangeIsRefusedOnEachOfThem() {
    var form = building();
    form.setCode(" ");
    form.setTotalUseArea(new BigDecimal("3500.505"));
    form.setYearBuilt(1700);
    form.setTitleCertificate("证".repeat(61));
    assertThat(refused(form)).containsExactlyInAnyOrder("code", "totalUseArea", "yearBuilt", "titleCertificate");
    form.setTotalUseArea(BigDecimal.ZERO);
    assertThat(refused(form)).contains("totalUseArea");
  }

  @Test
  void aRoomNeedsItsFloorNumberAreaAndKindAndBecomesADraftOfTheBuilding() {
    var form = new RoomForm();
    assertThat(refused(form)).containsExactlyInAnyOrder("floorId", "number", "useArea", "kind");
    form.setFloorId(7L);
    form.setNumber("301");
    form.setUseArea(new BigDecimal("18.5"));
    form.setKind(RoomKind.OFFICE);
    assertThat(refused(form)).isEmpty();
    assertThat(form.toDraft(3)).isEqualTo(new RoomDraft(3, 7, "301", new BigDecimal("18.5"), RoomKind.OFFICE, null));
  }

  @Test
  void aFloorBeyondTheBuildingsLevelsIsRefused() {
    var form = new FloorForm();
    form.setLevel(-11);
    assertThat(refused(form)).containsExactly("level");
    form.setLevel(200);
    assertThat(refused(form)).isEmpty();
  }

  @Test
  void anAllocationIsOfTheOneRoomItsPageShowsFromTheStartOfItsTerm() {
    var form = new AllocationForm();
    assertThat(refused(form)).containsExactlyInAnyOrder("unitId", "agreementNo", "termFrom");
    form.setUnitId(5L);
    form.setAgreementNo("YX-SY-2026-009");
    form.setTermFrom(LocalDate.of(2026, 3, 1));
    assertThat(refused(form)).isEmpty();
    assertThat(form.toRequest(42)).isEqualTo(new SpaceAllocations.AllocationRequest(5L, "YX-SY-2026-009",
        LocalDate.of(2026, 3, 1), null, List.of(42L)));
  }

  @Test
  void anOfficeNeedsSomebodyAndASecondOfficeItsConcurrentPost() {
    var form = new OfficeForm();
    form.setSecondOffice(true);
    assertThat(refused(form)).containsExactly("staffIds");
    var errors = new BeanPropertyBindingResult(form, "officeForm");
    form.rejectSecondOfficeWithoutPost(errors);
    assertThat(errors.getFieldError("concurrentPost").getCode()).isEqualTo("space.concurrentPostRequired");

    form.setConcurrentPost("市应急指挥部副总指挥");
    var named = new BeanPropertyBindingResult(form, "officeForm");
    form.rejectSecondOfficeWithoutPost(named);
    assertThat(named.hasErrors()).isFalse();
  }

  @Test
  void anOfficeFormLeavesOutEmptyChoicesAndKeepsItsDay() {
    var form = new OfficeForm();
    form.setStaffIds(Arrays.asList(11L, null, 12L));
    form.setValidFrom(LocalDate.of(2026, 4, 1));
    assertThat(form.toRequest(9)).isEqualTo(new OfficeAssignments.OfficeRequest(9L, List.of(11L, 12L),
        LocalDate.of(2026, 4, 1), false, null));
    form.setStaffIds(null);
    assertThat(form.getStaffIds()).isEmpty();
  }

  @Test
  void aReallocationNeedsWhatAHandoverNeedsAndTheNewAgreement() {
    assertThat(refused(new HandOverForm())).containsExactlyInAnyOrder("toUnitId", "on", "reason");
    assertThat(refused(new ReallocationForm())).containsExactlyInAnyOrder("toUnitId", "on", "reason",
        "agreementNo");
    var form = new ReallocationForm();
    form.setToUnitId(3L);
    form.setOn(LocalDate.of(2026, 5, 1));
    form.setReason("x".repeat(AllocationRules.MAX_REASON + 1));
    form.setAgreementNo("YX-TJ-1");
    assertThat(refused(form)).containsExactly("reason");
  }

  @Test
  void aRowsDayRemembersItsRowWhichTheRequestCannotSet() {
    var form = DayForm.of(null);
    assertThat(refused(form)).containsExactly("on");
    assertThat(form.ofRow(17).getRow()).isEqualTo(17L);
    assertThat(org.springframework.beans.BeanUtils.getPropertyDescriptor(DayForm.class, "row").getWriteMethod())
        .as("a request field named row binds nothing").isNull();
    assertThat(org.springframework.beans.BeanUtils.getPropertyDescriptor(ReceiveForm.class, "row").getWriteMethod())
        .isNull();
  }

  @Test
  void theRuleFormsKeepToTheirTablesBounds() {
    var deadline = new DeadlineForm();
    deadline.setKind(AreaStandards.Deadline.RECOVERY_AFTER_LEAVING);
    deadline.setMonths(25);
    deadline.setEffectiveFrom(LocalDate.of(2026, 1, 1));
    assertThat(refused(deadline)).containsExactly("months");

    var office = new OfficeStandardForm();
    office.setMaxUseArea(new BigDecimal("1000"));
    assertThat(refused(office)).containsExactlyInAnyOrder("governmentLevel", "grade", "postLabel", "maxUseArea",
        "effectiveFrom");

    var unit = new UnitStandardForm();
    unit.setLargeUnitHeadcount(0);
    unit.setUseAreaPerHead(new BigDecimal("12.5"));
    assertThat(refused(unit)).containsExactlyInAnyOrder("governmentLevel", "buildingGrade", "largeUnitHeadcount",
        "largeUnitPerHead", "effectiveFrom");
  }
}
