package cn.smartaffairs.demo;

import org.springframework.core.annotation.Order;
import cn.smartaffairs.approval.Approvals;
import cn.smartaffairs.approval.OpenTask;
import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.Region;
import cn.smartaffairs.organisation.Unit;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Accounts.NewAccount;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import cn.smartaffairs.vehicle.Drivers;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.NewTripRequest;
import cn.smartaffairs.vehicle.NewVehicle;
import cn.smartaffairs.vehicle.Vehicle;
import cn.smartaffairs.vehicle.VehicleCategory;
import cn.smartaffairs.vehicle.VehicleCosts;
import cn.smartaffairs.vehicle.VehicleRequests;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The demo fleet: named places around the four regions, a vehicle manager per county, quotas, about twenty vehicles
 * in the city and a few per county, drivers (the {@code driver} account among them), some costs, and requests of
 * the {@code staff} account for tomorrow — two approved and waiting on the board, one still in approval.
 */
@Component
@Order(60)
class VehicleDemoData implements ModuleDemoData {

  private final OrganisationDirectory organisation;
  private final Accounts accounts;
  private final PasswordEncoder passwordEncoder;
  private final Fleet fleet;
  private final Drivers drivers;
  private final VehicleRequests requests;
  private final VehicleCosts costs;
  private final Approvals approvals;
  private final JdbcClient jdbc;
  private final Clock clock;

  VehicleDemoData(OrganisationDirectory organisation, Accounts accounts, PasswordEncoder passwordEncoder, Fleet fleet,
      Drivers drivers, VehicleRequests requests, VehicleCosts costs, Approvals approvals, JdbcClient jdbc,
      Clock clock) {
    this.organisation = organisation;
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.fleet = fleet;
    this.drivers = drivers;
    this.requests = requests;
    this.costs = costs;
    this.approvals = approvals;
    this.jdbc = jdbc;
    this.clock = clock;
  }

  @Override
  public void load() {
    Map<String, Long> regions = new HashMap<>();
    organisation.regions().forEach((Region r) -> regions.put(r.code(), r.id()));
    Map<String, Long> units = new HashMap<>();
    organisation.allUnits(DataScope.everything()).forEach((Unit u) -> units.put(u.name() + "@" + u.regionId(), u.id()));
    String hash = passwordEncoder.encode(DemoData.PASSWORD);
    Map<String, CurrentUser> managers = new HashMap<>();
    managers.put("YX", accounts.loadUserByUsername("vehicle.manager"));
    for (String[] county : new String[][] {{"LJ", "临江区公务用车管理员", "区机关事务服务中心"},
        {"QS", "青山县公务用车管理员", "县机关事务服务中心"}, {"BS", "白沙县公务用车管理员", "县机关事务服务中心"}}) {
      long region = regions.get(county[0]);
      String username = county[0].toLowerCase() + ".vehicle";
      accounts.createWithHash(new NewAccount(username, null, county[1], null, region,
          units.get(county[2] + "@" + region), List.of(new RoleGrant(Role.VEHICLE_MANAGER, region, null))), hash);
      managers.put(county[0], accounts.loadUserByUsername(username));
    }

    Map<String, Drivers.Place> places = new HashMap<>();
    place(places, managers.get("YX"), "市行政中心", 25.0406, 102.7123);
    place(places, managers.get("YX"), "市政务服务中心", 25.0330, 102.7290);
    place(places, managers.get("YX"), "市人民医院", 25.0505, 102.6988);
    place(places, managers.get("YX"), "云溪高铁站", 24.9930, 102.7420);
    place(places, managers.get("YX"), "云溪机场", 25.1010, 102.9290);
    place(places, managers.get("YX"), "市档案馆", 25.0452, 102.7215);
    place(places, managers.get("YX"), "会展中心", 24.9870, 102.7000);
    place(places, managers.get("YX"), "市机关车队停车场", 25.0398, 102.7140);
    place(places, managers.get("LJ"), "临江区政府", 25.1020, 102.8010);
    place(places, managers.get("LJ"), "临江工业园", 25.1250, 102.8330);
    place(places, managers.get("QS"), "青山县政府", 24.9010, 102.5500);
    place(places, managers.get("QS"), "青山水库", 24.8650, 102.5120);
    place(places, managers.get("BS"), "白沙县政府", 25.2510, 102.9490);
    place(places, managers.get("BS"), "白沙镇卫生院", 25.2700, 102.9800);

    long city = regions.get("YX");
    long affairs = units.get("市机关事务管理局@" + city);
    long finance = units.get("市财政局@" + city);
    long police = units.get("市公安局@" + city);
    CurrentUser cityManager = managers.get("YX");
    quota(affairs, VehicleCategory.OTHER, 10, cityManager);
    quota(affairs, VehicleCategory.EMERGENCY, 3, cityManager);
    quota(affairs, VehicleCategory.CONFIDENTIAL, 2, cityManager);
    quota(affairs, VehicleCategory.SPECIAL, 3, cityManager);
    quota(finance, VehicleCategory.CONFIDENTIAL, 1, cityManager);
    quota(police, VehicleCategory.LAW_ENFORCEMENT, 3, cityManager);
    LocalDate today = LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    Drivers.Place depot = places.get("市机关车队停车场");
    Object[][] cityFleet = {
        {affairs, "云A0G101", VehicleCategory.OTHER, "红旗", "H5 1.5T", false, 1498, 15_980_000L, 5, 4},
        {affairs, "云A0G102", VehicleCategory.OTHER, "红旗", "H5 1.5T", false, 1498, 15_980_000L, 5, 4},
        {affairs, "云AD10103", VehicleCategory.OTHER, "比亚迪", "秦PLUS EV", true, null, 13_980_000L, 5, 2},
        {affairs, "云AD10104", VehicleCategory.OTHER, "比亚迪", "秦PLUS EV", true, null, 13_980_000L, 5, 2},
        {affairs, "云AD10105", VehicleCategory.OTHER, "比亚迪", "汉 EV", true, null, 17_980_000L, 5, 1},
        {affairs, "云A0G106", VehicleCategory.OTHER, "吉利", "帝豪 1.5L", false, 1498, 7_980_000L, 5, 9},
        {affairs, "云A0G107", VehicleCategory.OTHER, "长安", "逸动 1.6L", false, 1598, 8_490_000L, 5, 6},
        {affairs, "云A0G108", VehicleCategory.OTHER, "荣威", "i5 1.5L", false, 1498, 7_690_000L, 5, 5},
        {affairs, "云AD10109", VehicleCategory.OTHER, "广汽埃安", "AION S", true, null, 14_980_000L, 5, 1},
        {affairs, "云A0G110", VehicleCategory.OTHER, "一汽奔腾", "B70 1.5T", false, 1498, 11_990_000L, 5, 3},
        {affairs, "云A0Y201", VehicleCategory.EMERGENCY, "长城", "哈弗H6 1.5T", false, 1497, 12_890_000L, 5, 3},
        {affairs, "云A0Y202", VehicleCategory.EMERGENCY, "传祺", "GS4 1.5T", false, 1497, 10_980_000L, 5, 2},
        {affairs, "云AD20203", VehicleCategory.EMERGENCY, "比亚迪", "宋PLUS DM-i", true, 1498, 15_980_000L, 5, 1},
        {affairs, "云A0J301", VehicleCategory.CONFIDENTIAL, "吉利", "帝豪 1.5L", false, 1498, 7_980_000L, 5, 5},
        {affairs, "云AD30302", VehicleCategory.CONFIDENTIAL, "比亚迪", "秦PLUS EV", true, null, 13_980_000L, 5, 1},
        {affairs, "云A0T401", VehicleCategory.SPECIAL, "广汽传祺", "M8 2.0T", false, 1991, 24_980_000L, 7, 2},
        {affairs, "云A0T402", VehicleCategory.SPECIAL, "江铃", "全顺 2.2T", false, 2198, 16_500_000L, 15, 6},
        {affairs, "云A0T403", VehicleCategory.SPECIAL, "宇通", "ZK6729 中巴", false, 2999, 24_900_000L, 23, 8},
        {finance, "云A0C501", VehicleCategory.CONFIDENTIAL, "长安", "逸动 1.6L", false, 1598, 8_490_000L, 5, 3},
        {police, "云A0501警", VehicleCategory.LAW_ENFORCEMENT, "长城", "哈弗H6 1.5T", false, 1497, 12_890_000L, 5, 4},
        {police, "云A0502警", VehicleCategory.LAW_ENFORCEMENT, "比亚迪", "宋PLUS DM-i", true, 1498, 15_980_000L, 5, 2},
    };
    for (Object[] row : cityFleet) {
      int age = (Integer) row[9];
      // one car's insurance has run out so the compliance page has something to show
      LocalDate insurance = row[1].equals("云A0G106") ? today.minusDays(5) : today.plusDays(20 + 11L * age);
      Vehicle vehicle = fleet.register(new NewVehicle((Long) row[0], (String) row[1], (VehicleCategory) row[2],
          (String) row[3], (String) row[4], true, (Boolean) row[5], (Integer) row[6], (Long) row[7], (Integer) row[8],
          today.minusYears(age).minusDays(37), 18_000 * age + 2_300, depot.name(), depot.latitude(), depot.longitude(),
          insurance, today.plusDays(60 + 23L * age)), cityManager);
      if (row[1].equals("云A0G106")) {
        costs.record(new VehicleCosts.NewCost(vehicle.id(), VehicleCosts.CostKind.MAINTENANCE, 186_000L,
            today.minusDays(12), null, "云溪市汽车维修定点厂", null, "更换刹车片"), cityManager);
      }
      costs.record(new VehicleCosts.NewCost(vehicle.id(),
          (Boolean) row[5] && row[6] == null ? VehicleCosts.CostKind.CHARGING : VehicleCosts.CostKind.FUEL,
          (Boolean) row[5] && row[6] == null ? 9_600L : 32_000L, today.minusDays(3),
          (Boolean) row[5] && row[6] == null ? new BigDecimal("60") : new BigDecimal("40"), "定点加油站/充电站",
          "YX-" + row[1], null), cityManager);
    }
    countyFleet("LJ", regions, units, "区机关事务服务中心", places.get("临江区政府"), managers.get("LJ"), today,
        new String[] {"云A0L601", "云AD60602", "云A0L603"});
    countyFleet("QS", regions, units, "县机关事务服务中心", places.get("青山县政府"), managers.get("QS"), today,
        new String[] {"云A0Q701", "云AD70702"});
    countyFleet("BS", regions, units, "县机关事务服务中心", places.get("白沙县政府"), managers.get("BS"), today,
        new String[] {"云A0B801", "云AD80802"});

    // drivers: the demo driver and more of the city's affairs bureau; two per county
    long driverStaff = accounts.loadUserByUsername("driver").staffId();
    drivers.register(driverStaff, "B1", today.plusYears(4), LocalTime.of(7, 30), LocalTime.of(19, 0), cityManager);
    staffOf(affairs, 7, driverStaff).forEach(staff -> drivers.register(staff, "C1", today.plusYears(3),
        LocalTime.of(7, 30), LocalTime.of(19, 0), cityManager));
    for (String[] county : new String[][] {{"LJ", "区机关事务服务中心"}, {"QS", "县机关事务服务中心"}, {"BS", "县机关事务服务中心"}}) {
      long region = regions.get(county[0]);
      staffOf(units.get(county[1] + "@" + region), 2, -1).forEach(staff -> drivers.register(staff, "C1",
          today.plusYears(2), LocalTime.of(8, 0), LocalTime.of(18, 0), managers.get(county[0])));
    }

    // requests of the demo staff member for tomorrow: two approved, one waiting for the unit head
    CurrentUser staff = accounts.loadUserByUsername("staff");
    LocalDate tomorrow = today.plusDays(1);
    long first = request(staff, "赴市人民医院开展医保基金专项检查", 3, places, "市行政中心", List.of("市人民医院"), tomorrow, 9, 11);
    long second = request(staff, "送财政预算材料至高铁站并接专家组", 4, places, "市行政中心", List.of("云溪高铁站", "会展中心"),
        tomorrow, 14, 17);
    request(staff, "档案移交", 2, places, "市行政中心", List.of("市档案馆"), tomorrow, 10, 12);
    approveAll(List.of(first, second), staff);
  }

  private void countyFleet(String code, Map<String, Long> regions, Map<String, Long> units, String unitName,
      Drivers.Place depot, CurrentUser manager, LocalDate today, String[] plates) {
    long region = regions.get(code);
    long unit = units.get(unitName + "@" + region);
    quota(unit, VehicleCategory.OTHER, plates.length, manager);
    for (int i = 0; i < plates.length; i++) {
      boolean battery = plates[i].length() == 8;
      fleet.register(new NewVehicle(unit, plates[i], VehicleCategory.OTHER, battery ? "比亚迪" : "吉利",
          battery ? "秦PLUS EV" : "帝豪 1.5L", true, battery, battery ? null : 1498,
          battery ? 13_980_000L : 7_980_000L, 5, today.minusYears(2 + i), 40_000 + 9_000 * i, depot.name(),
          depot.latitude(), depot.longitude(), today.plusDays(90 + 30L * i), today.plusDays(120 + 30L * i)), manager);
    }
  }

  private long request(CurrentUser staff, String purpose, int passengers, Map<String, Drivers.Place> places,
      String origin, List<String> stops, LocalDate day, int fromHour, int toHour) {
    return requests.submit(new NewTripRequest(purpose, passengers, VehicleCategory.OTHER, places.get(origin).id(), null,
        stops.stream().map(name -> places.get(name).id()).toList(), null, day.atTime(fromHour, 0),
        day.atTime(toHour, 0),
        true), staff);
  }

  /** Walks the two approval steps (unit head, then vehicle manager) of the given vehicle requests of the requester. */
  private void approveAll(List<Long> vehicleRequestIds, CurrentUser requester) {
    List<Long> approvalIds = vehicleRequestIds.stream()
        .map(id -> requests.get(id, requester).approvalRequestId()).toList();
    for (String approver : List.of("unit.head", "vehicle.manager")) {
      CurrentUser user = accounts.loadUserByUsername(approver);
      for (OpenTask task : approvals.openTasks(user)) {
        if (approvalIds.contains(task.requestId())) {
          approvals.approve(task.taskId(), user, "同意");
        }
      }
    }
  }

  /** The first active people of a unit without an account: they drive, nobody signs in as them. */
  private List<Long> staffOf(long unitId, int count, long except) {
    return jdbc.sql("""
        select p.id from org_person p where p.unit_id = :unit and p.status = 'ACTIVE' and p.id <> :except
           and not exists (select 1 from security_account a where a.staff_id = p.id) order by p.id limit :count""")
        .param("unit", unitId).param("except", except).param("count", count).query(Long.class).list();
  }

  private void quota(long unitId, VehicleCategory category, int quota, CurrentUser by) {
    fleet.setQuota(unitId, category, quota, by);
  }

  private void place(Map<String, Drivers.Place> places, CurrentUser by, String name, double lat, double lon) {
    long id = drivers.addPlace(name, lat, lon, by);
    places.put(name, drivers.place(id));
  }
}
