package cn.smartaffairs.demo;

import cn.smartaffairs.organisation.OrganisationDirectory;
import cn.smartaffairs.organisation.StaffDirectory;
import cn.smartaffairs.organisation.StaffDraft;
import cn.smartaffairs.organisation.StaffStatus;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.Accounts.NewAccount;
import cn.smartaffairs.security.Role;
import cn.smartaffairs.security.RoleGrant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** Fills an empty database with the demo city, once, on first start. */
@Component
@Order(0)
class DemoDataLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoDataLoader.class);
  private static final long SEED = 2026L;

  private final DemoDataProperties properties;
  private final OrganisationDirectory organisation;
  private final StaffDirectory staff;
  private final Accounts accounts;
  private final PasswordEncoder passwordEncoder;
  private final TransactionTemplate transaction;
  private final List<ModuleDemoData> modules;

  DemoDataLoader(DemoDataProperties properties, OrganisationDirectory organisation, StaffDirectory staff,
      Accounts accounts, PasswordEncoder passwordEncoder, TransactionTemplate transaction,
      List<ModuleDemoData> modules) {
    this.modules = modules;
    this.properties = properties;
    this.organisation = organisation;
    this.staff = staff;
    this.accounts = accounts;
    this.passwordEncoder = passwordEncoder;
    this.transaction = transaction;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!properties.enabled() || !organisation.regions().isEmpty()) {
      return;
    }
    long started = System.nanoTime();
    transaction.executeWithoutResult(status -> load());
    log.info("Demo data loaded: {} staff in {} ms", properties.staff(), (System.nanoTime() - started) / 1_000_000);
  }

  private void load() {
    Random random = new Random(SEED);
    List<DemoData.DemoRegion> regions = DemoData.regions(random);
    int totalHeadcount = regions.stream().flatMap(r -> r.units().stream())
        .mapToInt(DemoData.DemoUnit::approvedHeadcount).sum();
    Map<String, Long> regionIds = new HashMap<>();
    Map<String, Long> unitIds = new HashMap<>();
    Map<String, List<Long>> staffIdsByUnit = new HashMap<>();
    Long cityId = null;
    int remaining = properties.staff();
    for (DemoData.DemoRegion region : regions) {
      long regionId = organisation.createRegion(region.code(), region.name(), region.kind(), cityId);
      if (cityId == null) {
        cityId = regionId;
      }
      regionIds.put(region.code(), regionId);
      List<Long> ids = organisation.createUnits(region.units().stream()
          .map(unit -> DemoData.newUnit(regionId, region.kind(), unit)).toList());
      int[] sequence = {0};
      for (int i = 0; i < ids.size(); i++) {
        DemoData.DemoUnit unit = region.units().get(i);
        unitIds.put(region.code() + ":" + unit.name(), ids.get(i));
        int count = Math.max(5, Math.min(remaining,
            (int) Math.round((double) properties.staff() * unit.approvedHeadcount() / totalHeadcount)));
        remaining -= count;
        List<Long> departmentIds = organisation.departments(ids.get(i)).stream().map(d -> d.id()).toList();
        List<StaffDraft> drafts = new ArrayList<>(
            DemoData.staffOf(ids.get(i), unit.name(), "CITY".equals(region.kind()),
                count, departmentIds, random, sequence, region.code()));
        if (unit.name().endsWith("机关事务管理局")) {
          drafts.set(12, asPost(drafts.get(12), "驾驶员"));
          drafts.set(13, asPost(drafts.get(13), "维修工"));
        }
        for (int k = 0; k < Math.min(drafts.size(), 14); k++) {
          drafts.set(k, active(drafts.get(k)));
        }
        staffIdsByUnit.put(region.code() + ":" + unit.name(), staff.insertAll(drafts.stream()
            .map(draft -> new StaffDirectory.Placed(draft, regionId)).toList()));
      }
    }
    createAccounts(regionIds, unitIds, staffIdsByUnit);
    modules.forEach(ModuleDemoData::load);
  }

  private void createAccounts(Map<String, Long> regions, Map<String, Long> units, Map<String, List<Long>> staffIds) {
    String hash = passwordEncoder.encode(DemoData.PASSWORD);
    long city = regions.get("YX");
    long county = regions.get("QS");
    long affairs = units.get("YX:市机关事务管理局");
    long finance = units.get("YX:市财政局");
    long countyAffairs = units.get("QS:县机关事务服务中心");
    accounts.createWithHash(new NewAccount("admin", null, "平台管理员", null, city, null,
        List.of(new RoleGrant(Role.PLATFORM_ADMIN, null, null))), hash);
    person("region.admin", "机关事务管理员", city, affairs, staffIds.get("YX:市机关事务管理局").get(3), Role.REGION_ADMIN, null, hash);
    person("vehicle.manager", "公务用车管理员", city, affairs, staffIds.get("YX:市机关事务管理局").get(4), Role.VEHICLE_MANAGER, null,
        hash);
    person("space.manager", "办公用房管理员", city, affairs, staffIds.get("YX:市机关事务管理局").get(5), Role.SPACE_MANAGER, null,
        hash);
    person("meeting.manager", "会务管理员", city, affairs, staffIds.get("YX:市机关事务管理局").get(6), Role.MEETING_MANAGER, null,
        hash);
    person("canteen.manager", "食堂管理员", city, affairs, staffIds.get("YX:市机关事务管理局").get(7), Role.CANTEEN_MANAGER, null,
        hash);
    person("repair.manager", "维修管理员", city, affairs, staffIds.get("YX:市机关事务管理局").get(8), Role.REPAIR_MANAGER, null,
        hash);
    person("asset.manager", "资产管理员", city, affairs, staffIds.get("YX:市机关事务管理局").get(9), Role.ASSET_MANAGER, null, hash);
    person("driver", "驾驶员", city, affairs, staffIds.get("YX:市机关事务管理局").get(12), Role.DRIVER, null, hash);
    person("worker", "维修工", city, affairs, staffIds.get("YX:市机关事务管理局").get(13), Role.REPAIR_WORKER, null, hash);
    person("security.manager", "安保负责人", city, affairs, staffIds.get("YX:市机关事务管理局").get(14),
        Role.SECURITY_MANAGER, null, hash);
    person("guard", "门岗保安", city, affairs, staffIds.get("YX:市机关事务管理局").get(15), Role.SECURITY_GUARD, null,
        hash);
    person("unit.head", "财政局负责人", city, finance, staffIds.get("YX:市财政局").get(0), Role.UNIT_HEAD, finance, hash);
    person("liaison", "财政局联络员", city, finance, staffIds.get("YX:市财政局").get(5), Role.UNIT_LIAISON, finance, hash);
    person("staff", "财政局干部", city, finance, staffIds.get("YX:市财政局").get(10), Role.STAFF, null, hash);
    person("county.admin", "青山县机关事务管理员", county, countyAffairs,
        staffIds.get("QS:县机关事务服务中心").get(3), Role.REGION_ADMIN, null, hash);
  }

  /** An account for a demo staff member, holding one role and, like everyone with a staff record, the staff role. */
  private void person(String username, String fallbackName, long regionId, long unitId, long staffId, Role role,
      Long roleUnit, String hash) {
    String displayName = staff.get(staffId, cn.smartaffairs.security.DataScope.everything()).name();
    List<RoleGrant> grants = new ArrayList<>(List.of(new RoleGrant(role, regionId, roleUnit)));
    if (role != Role.STAFF) {
      grants.add(new RoleGrant(Role.STAFF, regionId, null));
    }
    accounts.createWithHash(new NewAccount(username, null, displayName == null ? fallbackName : displayName, staffId,
        regionId, unitId, grants), hash);
  }

  private static StaffDraft asPost(StaffDraft draft, String title) {
    return new StaffDraft(draft.unitId(), draft.departmentId(), draft.staffNo(), draft.name(), draft.gender(), title,
        "OTHER", false, draft.mobile(), StaffStatus.ACTIVE, draft.joinedOn(), null);
  }

  private static StaffDraft active(StaffDraft draft) {
    return draft.status() == StaffStatus.ACTIVE
        ? draft
        : new StaffDraft(draft.unitId(), draft.departmentId(), draft.staffNo(), draft.name(), draft.gender(),
            draft.postTitle(), draft.rankCode(), draft.withinEstablishment(), draft.mobile(), StaffStatus.ACTIVE,
            draft.joinedOn(), null);
  }
}
