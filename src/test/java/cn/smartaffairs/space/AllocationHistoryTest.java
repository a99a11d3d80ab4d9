package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.security.Accounts;
import java.time.LocalDate;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Allocations keep their history, and a room is never held by two units at once. */
@IntegrationTest
class AllocationHistoryTest {

  private static final LocalDate START = LocalDate.of(2025, 1, 1);

  @Autowired ApplicationContext context;
  @Autowired SpaceAllocations allocations;
  @Autowired AreaCompliance compliance;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;
  SpaceFixtures fixtures;

  @BeforeEach
  void setUp() {
    fixtures = new SpaceFixtures(context);
  }

  @Test
  void aRoomIsNeverAllocatedToTwoUnitsAtOnceNotEvenByDirectSql() {
    long first = fixtures.unit(GovernmentLevel.CITY, 10);
    long second = fixtures.unit(GovernmentLevel.CITY, 10);
    long room = fixtures.room(fixtures.buildingWithFloor(), "20", RoomKind.OFFICE);
    var agreement = fixtures.allocate(first, START, room);

    assertThatThrownBy(() -> fixtures.allocate(second, START.plusMonths(3), room))
        .isInstanceOf(ConflictException.class).extracting("messageKey").isEqualTo("space.roomAlreadyAllocated");
    assertThat(jdbc.sql("select count(*) from space_agreement where unit_id = :u").param("u", second)
        .query(Long.class).single()).as("no half-written agreement").isZero();

    assertThatThrownBy(() -> jdbc.sql("""
        insert into space_unit_allocation (region_id, room_id, unit_id, agreement_id, area, valid_from)
        select region_id, :room, :unit, id, 20, date '2025-06-01' from space_agreement where id = :agreement""")
        .param("room", room).param("unit", first).param("agreement", agreement.id()).update())
        .isInstanceOf(DataIntegrityViolationException.class).hasMessageContaining("space_unit_allocation_no_overlap");
  }

  @Test
  void reallocationEndsOnePeriodBeginsTheNextAndMovesThePeopleOut() {
    long from = fixtures.unit(GovernmentLevel.CITY, 10);
    long to = fixtures.unit(GovernmentLevel.CITY, 10);
    long person = fixtures.person(from, "LEVEL_OFFICER_1");
    long room = fixtures.officeFor(from, "16", START, person);
    LocalDate on = LocalDate.of(2025, 7, 1);

    var transfer = allocations.reallocate(room, to, on, "超标腾退后调剂", SpaceFixtures.fresh("TJ-"), fixtures.manager());

    assertThat(transfer.kind()).isEqualTo(RoomTransfer.Kind.REALLOCATION);
    assertThat(transfer.status()).isEqualTo(RoomTransfer.Status.DONE);
    var history = allocations.history(room, fixtures.manager());
    assertThat(history.allocations())
        .extracting(a -> a.unitId() + "/" + a.validFrom() + "/" + a.validTo() + "/" + a.endedBy())
        .containsExactly(from + "/" + START + "/" + on + "/REALLOCATED", to + "/" + on + "/null/null");
    assertThat(history.allocations().get(1).beganBy()).isEqualTo(UnitAllocation.Began.REALLOCATED);
    assertThat(history.offices()).singleElement().satisfies(office -> {
      assertThat(office.validTo()).isEqualTo(on);
      assertThat(office.endedBy()).isEqualTo(OfficeAssignment.Ended.MOVED);
    });
    assertThat(history.transfers()).hasSize(1);
    assertThat(compliance.check(from, on.minusDays(1), fixtures.manager().dataScope()).people()).hasSize(1);
    assertThat(compliance.check(from, on, fixtures.manager().dataScope()).people()).isEmpty();
    assertThat(compliance.check(to, on, fixtures.manager().dataScope()).units().get(0).occupiedArea())
        .isEqualByComparingTo("16");
  }

  @Test
  void aHandoverMovesTheRoomOnlyWhenTheOtherUnitReceivesIt() {
    long finance = accounts.loadUserByUsername("liaison").unitId();
    long other = fixtures.unit(GovernmentLevel.CITY, 10);
    long room = fixtures.room(fixtures.buildingWithFloor(), "20", RoomKind.SERVICE);
    fixtures.allocate(finance, START, room);
    LocalDate on = LocalDate.of(2025, 9, 1);

    var pending = allocations.handOver(room, other, on, "机构改革职能划转", accounts.loadUserByUsername("liaison"));
    assertThat(pending.status()).isEqualTo(RoomTransfer.Status.PENDING);
    assertThat(allocations.history(room, fixtures.manager()).allocations()).hasSize(1);
    assertThatThrownBy(() -> allocations.receive(pending.id(), "JS-1", accounts.loadUserByUsername("unit.head")))
        .as("the handing unit cannot receive for the other").isInstanceOf(BusinessRuleException.class)
        .extracting("messageKey").isEqualTo("error.forbidden");

    var done = allocations.receive(pending.id(), SpaceFixtures.fresh("JS-"), fixtures.manager());

    assertThat(done.status()).isEqualTo(RoomTransfer.Status.DONE);
    var allocationsOfRoom = allocations.history(room, fixtures.manager()).allocations();
    assertThat(allocationsOfRoom).extracting(a -> a.endedBy() + "/" + a.beganBy())
        .containsExactly("HANDED_OVER/ALLOCATED", "null/RECEIVED");
    assertThatThrownBy(() -> allocations.refuse(pending.id(), fixtures.manager()))
        .isInstanceOf(ConflictException.class);
  }

  @Test
  void aPersonMovingOfficeEndsTheOldOneAndAnOfficeNeedsAnOfficeRoomOfTheirUnit() {
    long unit = fixtures.unit(GovernmentLevel.COUNTY, 10);
    long stranger = fixtures.unit(GovernmentLevel.COUNTY, 10);
    long person = fixtures.person(unit, "SECTION_HEAD");
    long first = fixtures.officeFor(unit, "18", START, person);
    long[] building = fixtures.buildingWithFloor();
    long second = fixtures.room(building, "15", RoomKind.OFFICE);
    long store = fixtures.room(building, "15", RoomKind.ANCILLARY);
    fixtures.allocate(unit, START, second, store);

    fixtures.office(second, LocalDate.of(2025, 4, 1), person);

    assertThat(allocations.history(first, fixtures.manager()).offices().get(0).validTo())
        .isEqualTo(LocalDate.of(2025, 4, 1));
    assertThatThrownBy(() -> fixtures.office(store, LocalDate.of(2025, 5, 1), person))
        .extracting("messageKey").isEqualTo("space.notAnOffice");
    long outsider = fixtures.person(stranger, "LEVEL_OFFICER_1");
    assertThatThrownBy(() -> fixtures.office(second, LocalDate.of(2025, 5, 1), outsider))
        .extracting("messageKey").isEqualTo("space.staffNotOfUnit");
  }

  @Test
  void theCertificateIsAnA4PdfNamingTheUnitTheAgreementAndItsRooms() throws Exception {
    long unit = fixtures.unit(GovernmentLevel.CITY, 10);
    long[] building = fixtures.buildingWithFloor();
    var agreement = fixtures.allocate(unit, START, fixtures.room(building, "20.5", RoomKind.OFFICE),
        fixtures.room(building, "30", RoomKind.SERVICE));

    byte[] pdf = allocations.certificate(agreement.id(), fixtures.manager());

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("办公用房分配使用凭证").contains(agreement.agreementNo()).contains(agreement.unitName())
          .contains("50.5").contains("服务用房").contains("出借或经营");
    }
    assertThat(agreement.area()).isEqualByComparingTo("50.5");
    assertThat(allocations.agreements(accounts.loadUserByUsername("liaison")))
        .as("another unit's liaison does not see it").noneMatch(a -> a.id() == agreement.id());
    assertThat(agreement.rooms()).hasSize(2);
  }
}
