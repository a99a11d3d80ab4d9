package cn.smartaffairs.demo;

import org.springframework.core.annotation.Order;
import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffMember;
import cn.smartaffairs.organisation.StaffQuery;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.space.BuildingDraft;
import cn.smartaffairs.space.OfficeAssignments;
import cn.smartaffairs.space.RoomDraft;
import cn.smartaffairs.space.RoomKind;
import cn.smartaffairs.space.SpaceAllocations;
import cn.smartaffairs.space.SpaceRegister;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The demo city's office buildings: two buildings of the city centre with rooms on five floors, allocated to the
 * finance bureau and the affairs administration, offices for their people — the finance director's office is over
 * the standard, two officers share a room — and a few vacant rooms.
 */
@Component
@Order(20)
class SpaceDemoData implements ModuleDemoData {

  private static final LocalDate SINCE = LocalDate.of(2025, 1, 1);

  private final SpaceRegister register;
  private final SpaceAllocations allocations;
  private final OfficeAssignments offices;
  private final StaffDirectory staff;
  private final Accounts accounts;

  SpaceDemoData(SpaceRegister register, SpaceAllocations allocations, OfficeAssignments offices, StaffDirectory staff,
      Accounts accounts) {
    this.register = register;
    this.allocations = allocations;
    this.offices = offices;
    this.staff = staff;
    this.accounts = accounts;
  }

  @Override
  public void load() {
    CurrentUser manager = accounts.loadUserByUsername("space.manager");
    long finance = accounts.loadUserByUsername("liaison").unitId();
    long affairs = manager.unitId();

    long centre = register.createBuilding(new BuildingDraft(null, "YX-B01", "市行政中心1号楼", "云溪市人民大道100号",
        "云溪市机关事务管理局", "云(2015)云溪市不动产权第0001001号", 2008, new BigDecimal("12800.00"),
        new BigDecimal("8960.00")), manager);
    long annex = register.createBuilding(new BuildingDraft(null, "YX-B02", "市行政中心2号楼", "云溪市人民大道102号",
        "云溪市机关事务管理局", "云(2016)云溪市不动产权第0001002号", 2012, new BigDecimal("6400.00"),
        new BigDecimal("4480.00")), manager);
    Map<Integer, Long> floors = new HashMap<>();
    for (int level = 1; level <= 5; level++) {
      floors.put(level, register.addFloor(centre, level, null, manager));
    }
    long annexGround = register.addFloor(annex, 1, null, manager);
    long annexBasement = register.addFloor(annex, -1, null, manager);

    // 3rd floor of the centre: the finance bureau
    long directorOffice = room(centre, floors.get(3), "301", "30.00", RoomKind.OFFICE, manager);
    long deputyOffice = room(centre, floors.get(3), "302", "18.00", RoomKind.OFFICE, manager);
    long sharedOffice = room(centre, floors.get(3), "303", "18.00", RoomKind.OFFICE, manager);
    long officersOffice = room(centre, floors.get(3), "304", "27.00", RoomKind.OFFICE, manager);
    long financeArchive = room(centre, floors.get(3), "305", "36.00", RoomKind.ANCILLARY, manager);
    long financeMeeting = room(centre, floors.get(3), "306", "45.00", RoomKind.SERVICE, manager);
    // 2nd floor: the affairs administration
    long affairsDirector = room(centre, floors.get(2), "201", "24.00", RoomKind.OFFICE, manager);
    long affairsOffice = room(centre, floors.get(2), "202", "36.00", RoomKind.OFFICE, manager);
    long dutyRoom = room(centre, floors.get(2), "203", "20.00", RoomKind.SERVICE, manager);
    long serverRoom = room(annex, annexBasement, "B101", "60.00", RoomKind.EQUIPMENT, manager);
    // shared and vacant space
    room(centre, floors.get(1), "101", "80.00", RoomKind.SERVICE, manager);
    room(centre, floors.get(5), "501", "18.00", RoomKind.OFFICE, manager);
    room(centre, floors.get(5), "502", "18.00", RoomKind.OFFICE, manager);
    room(annex, annexGround, "A101", "24.00", RoomKind.OFFICE, manager);

    allocations.allocate(
        new SpaceAllocations.AllocationRequest(finance, "YX-SY-2025-001", SINCE, LocalDate.of(2029, 12, 31),
            List.of(directorOffice, deputyOffice, sharedOffice, officersOffice, financeArchive, financeMeeting)),
        manager);
    allocations.allocate(new SpaceAllocations.AllocationRequest(affairs, "YX-SY-2025-002", SINCE, null,
        List.of(affairsDirector, affairsOffice, dutyRoom, serverRoom)), manager);

    // a small demo (few staff per unit) still loads: each office takes the people there are
    long staffAccount = accounts.loadUserByUsername("staff").staffId();
    List<Long> financePeople = activeByRank(finance).stream().map(StaffMember::id).filter(id -> id != staffAccount)
        .toList();
    office(directorOffice, manager, take(financePeople, 0, 1));
    office(deputyOffice, manager, take(financePeople, 1, 1));
    List<Long> shared = new ArrayList<>(List.of(staffAccount));
    shared.addAll(List.of(take(financePeople, 2, 1)));
    office(sharedOffice, manager, shared.toArray(Long[]::new));
    office(officersOffice, manager, take(financePeople, 3, 3));

    List<Long> affairsPeople = activeByRank(affairs).stream().map(StaffMember::id).toList();
    office(affairsDirector, manager, take(affairsPeople, 0, 1));
    office(affairsOffice, manager, take(affairsPeople, 1, 4));
  }

  private static Long[] take(List<Long> people, int from, int count) {
    return people.stream().skip(from).limit(count).toArray(Long[]::new);
  }

  private long room(long building, long floor, String number, String area, RoomKind kind, CurrentUser by) {
    return register.addRoom(new RoomDraft(building, floor, number, new BigDecimal(area), kind, null), by);
  }

  private void office(long room, CurrentUser by, Long... people) {
    if (people.length == 0) {
      return;
    }
    offices.assignOffice(new OfficeAssignments.OfficeRequest(room, List.of(people), SINCE, false, null), by);
  }

  /** The unit's people in post, the most senior first (the rank dictionary's order). */
  private List<StaffMember> activeByRank(long unitId) {
    List<String> order = List.of("BUREAU_HEAD", "BUREAU_DEPUTY", "DIVISION_HEAD", "DIVISION_DEPUTY", "SECTION_HEAD",
        "SECTION_DEPUTY");
    return staff.search(new StaffQuery(null, null, unitId, StaffStatus.ACTIVE), DataScope.everything(), 0, 500).items()
        .stream()
        .sorted(Comparator.comparingInt((StaffMember m) -> order.contains(m.rankCode())
            ? order.indexOf(m.rankCode())
            : order.size()).thenComparing(StaffMember::staffNo))
        .toList();
  }
}
