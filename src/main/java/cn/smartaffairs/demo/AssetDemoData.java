package cn.smartaffairs.demo;

import cn.smartaffairs.asset.AssetRegister;
import cn.smartaffairs.asset.AssetStatus;
import cn.smartaffairs.asset.FundingSource;
import cn.smartaffairs.asset.NewAsset;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.Room;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.Vehicle;
import cn.smartaffairs.vehicle.VehicleStatus;
import java.time.LocalDate;
import java.util.List;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo city's asset register: the affairs administration's and the finance bureau's computers, printers,
 * furniture and a projector in their rooms, one idle copier, the land of the city centre, and the first two official
 * vehicles of the fleet on the register too.
 */
@Component
@Order(70)
class AssetDemoData implements ModuleDemoData {

  private final AssetRegister register;
  private final SpaceRegister space;
  private final Fleet fleet;
  private final Accounts accounts;

  AssetDemoData(AssetRegister register, SpaceRegister space, Fleet fleet, Accounts accounts) {
    this.register = register;
    this.space = space;
    this.fleet = fleet;
    this.accounts = accounts;
  }

  @Override
  public void load() {
    CurrentUser manager = accounts.loadUserByUsername("asset.manager");
    long affairs = manager.unitId();
    long finance = accounts.loadUserByUsername("liaison").unitId();
    List<Room> rooms = space.rooms(manager);
    Long first = rooms.isEmpty() ? null : rooms.get(0).id();
    Long second = rooms.size() < 2 ? first : rooms.get(1).id();
    LocalDate day = LocalDate.of(2023, 3, 15);
    asset("台式计算机", "A02010101", "联想 启天M437", day, 620_000, affairs, first, AssetStatus.IN_USE, manager);
    asset("台式计算机", "A02010101", "联想 启天M437", day, 620_000, affairs, first, AssetStatus.IN_USE, manager);
    asset("便携式计算机", "A02010102", "华为 MateBook B5", day.plusMonths(14), 780_000, finance, second,
        AssetStatus.IN_USE, manager);
    asset("激光打印机", "A02010301", "奔图 P3301DN", day.minusYears(4), 198_000, finance, second, AssetStatus.IN_USE,
        manager);
    asset("投影仪", "A020202", "爱普生 CB-X06", day.minusYears(2), 480_000, affairs, first, AssetStatus.IN_USE, manager);
    asset("多功能一体机", "A020203", "理光 IM C3000", day.minusYears(7), 3_200_000, affairs, null, AssetStatus.IDLE,
        manager);
    asset("办公桌", "A050102", "1600×800", day.minusYears(9), 180_000, finance, second, AssetStatus.IN_USE, manager);
    asset("文件柜", "A050105", "钢制 1850×900×400", day.minusYears(12), 128_000, finance, second, AssetStatus.IN_USE,
        manager);
    asset("机关大院用地", "A010300", null, LocalDate.of(1998, 6, 1), 1_200_000_000L, affairs, null,
        AssetStatus.IN_USE, manager);
    for (Vehicle vehicle : fleet.list(AssetRegister.editScope(manager), VehicleStatus.IN_SERVICE).stream().limit(2)
        .toList()) {
      register.register(new NewAsset(null, null, "A02030101", null, null, null, null, FundingSource.FISCAL, null,
          null, null, null, vehicle.id(), AssetStatus.IN_USE), manager);
    }
  }

  private void asset(String name, String classCode, String model, LocalDate bought, long fen, long unit, Long room,
      AssetStatus status, CurrentUser by) {
    register.register(new NewAsset(null, name, classCode, model, null, bought, fen, FundingSource.FISCAL, null, unit,
        null, room, null, status), by);
  }
}
