package cn.smartaffairs.space;

import cn.smartaffairs.organisation.GovernmentLevel;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffDraft;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.organisation.UnitNature;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationContext;

/** Small builders for fresh units, staff, buildings, rooms and allocations in the demo city (YX). */
final class SpaceFixtures {

  private final SpaceRegister register;
  private final SpaceAllocations allocations;
  private final OfficeAssignments offices;
  private final OrganisationDirectory organisation;
  private final StaffDirectory staff;
  private final CurrentUser manager;

  SpaceFixtures(ApplicationContext context) {
    this.register = context.getBean(SpaceRegister.class);
    this.allocations = context.getBean(SpaceAllocations.class);
    this.offices = context.getBean(OfficeAssignments.class);
    this.organisation = context.getBean(OrganisationDirectory.class);
    this.staff = context.getBean(StaffDirectory.class);
    this.manager = context.getBean(Accounts.class).loadUserByUsername("space.manager");
  }

  CurrentUser manager() {
    return manager;
  }

  static String fresh(String prefix) {
    return prefix + UUID.randomUUID().toString().substring(0, 8);
  }

  long unit(GovernmentLevel level, int approvedHeadcount) {
    return unit(manager.regionId(), level, approvedHeadcount);
  }

  long unit(long regionId, GovernmentLevel level, int approvedHeadcount) {
    return organisation.createUnit(new OrganisationDirectory.NewUnit(regionId, fresh("T"), fresh("测试单位"), level,
        UnitNature.PARTY_GOVERNMENT, approvedHeadcount, List.of()), DataScope.everything());
  }

  long person(long unitId, String rankCode) {
    long regionId = organisation.unitById(unitId).orElseThrow().regionId();
    return staff.insertAll(List.of(new StaffDirectory.Placed(new StaffDraft(unitId, null, fresh("S"), fresh("测试"),
        "M", null, rankCode, true, null, StaffStatus.ACTIVE, LocalDate.of(2015, 1, 1), null), regionId))).get(0);
  }

  /** A new building with one floor; answers {buildingId, floorId}. */
  long[] buildingWithFloor() {
    return buildingWithFloor(manager);
  }

  long[] buildingWithFloor(CurrentUser by) {
    long building = register.createBuilding(new BuildingDraft(null, fresh("B-"), fresh("测试楼"), "云溪市政务路1号",
        "云溪市机关事务管理局", "云房权证2020第001号", 2010, new BigDecimal("5000.00"), new BigDecimal("3500.00")), by);
    long floor = register.addFloor(building, 3, null, by);
    return new long[] {building, floor};
  }

  long room(long[] buildingAndFloor, String area, RoomKind kind) {
    return room(buildingAndFloor, area, kind, manager);
  }

  long room(long[] buildingAndFloor, String area, RoomKind kind, CurrentUser by) {
    return register.addRoom(new RoomDraft(buildingAndFloor[0], buildingAndFloor[1], fresh("R"), new BigDecimal(area),
        kind, null), by);
  }

  Agreement allocate(long unitId, LocalDate from, Long... roomIds) {
    return allocate(unitId, from, manager, roomIds);
  }

  Agreement allocate(long unitId, LocalDate from, CurrentUser by, Long... roomIds) {
    return allocations.allocate(new SpaceAllocations.AllocationRequest(unitId, fresh("XY-"), from, null,
        List.of(roomIds)), by);
  }

  List<OfficeAssignment> office(long roomId, LocalDate from, Long... staffIds) {
    return offices.assignOffice(new OfficeAssignments.OfficeRequest(roomId, List.of(staffIds), from, false, null),
        manager);
  }

  /** A room of the given area allocated to the unit and given to the people, all from the day. */
  long officeFor(long unitId, String area, LocalDate from, Long... staffIds) {
    long[] building = buildingWithFloor();
    long room = room(building, area, RoomKind.OFFICE);
    allocate(unitId, from, room);
    office(room, from, staffIds);
    return room;
  }
}
