package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.Room;
import cn.smartaffairs.space.SpaceRegister;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A stock-take of a room: found, moved, unlisted and missing assets, and scans that change nothing twice. */
@IntegrationTest
class StockTakesTest {

  @Autowired StockTakes stockTakes;
  @Autowired AssetRegister register;
  @Autowired SpaceRegister space;
  @Autowired Accounts accounts;
  CurrentUser manager;
  LocalDate today;
  List<Room> rooms;

  @BeforeEach
  void setUp() {
    manager = accounts.loadUserByUsername("asset.manager");
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    rooms = space.rooms(manager);
  }

  private Asset chair(Long room) {
    long id = register.register(new NewAsset("S-" + UUID.randomUUID().toString().substring(0, 10), "办公椅", "A050103",
        null, null, today.minusYears(1), 60_000L, FundingSource.FISCAL, null, manager.unitId(), null, room, null,
        null), manager);
    return register.get(id, manager);
  }

  @Test
  void aRoomsStockTakeFindsMovesAddsAndMisses() {
    Room counted = rooms.get(rooms.size() - 1);
    Room elsewhere = rooms.get(rooms.size() - 2);
    Asset here = chair(counted.id());
    Asset lost = chair(counted.id());
    Asset strayed = chair(elsewhere.id());
    long campaign = stockTakes.open("椅子盘点 " + UUID.randomUUID(), null, counted.id(), manager);

    StockTakes.Scan byQr = stockTakes.scan(campaign, "https://affairs.example.cn/assets/" + here.id(), counted.id(),
        StockTakes.Condition.GOOD, manager);
    StockTakes.Scan byNumber = stockTakes.scan(campaign, strayed.number(), counted.id(), StockTakes.Condition.WORN,
        manager);
    StockTakes.Scan again = stockTakes.scan(campaign, here.number(), counted.id(), null, manager);

    assertThat(byQr.outcome()).isEqualTo("FOUND");
    assertThat(byQr.locationUpdated()).isFalse();
    assertThat(byNumber.outcome()).isEqualTo("UNLISTED");
    assertThat(byNumber.locationUpdated()).isTrue();
    assertThat(register.get(strayed.id(), manager).locationRoomId()).isEqualTo(counted.id());
    assertThat(again.outcome()).isEqualTo("ALREADY");
    assertThatThrownBy(() -> stockTakes.scan(campaign, "NO-SUCH-ASSET-" + UUID.randomUUID().toString().substring(0, 8),
        null, null, manager)).hasMessage("asset.stocktake.codeUnknown");

    stockTakes.close(campaign, manager);

    StockTakes.StockTake closed = stockTakes.get(campaign, manager);
    assertThat(closed.open()).isFalse();
    assertThat(closed.unlisted()).isEqualTo(1);
    assertThat(closed.found()).isEqualTo(closed.listed() - closed.missing());
    assertThat(stockTakes.reconciliation(campaign, manager)).filteredOn(l -> l.assetId() == lost.id())
        .extracting(StockTakes.Line::outcome).containsExactly("MISSING");
    assertThat(stockTakes.reconciliation(campaign, manager)).filteredOn(l -> l.assetId() == strayed.id())
        .extracting(StockTakes.Line::outcome, StockTakes.Line::condition)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("UNLISTED", StockTakes.Condition.WORN));
    assertThatThrownBy(() -> stockTakes.scan(campaign, lost.number(), null, null, manager))
        .hasMessage("asset.stocktake.closed");
  }

  @Test
  void aStockTakeCoversAUnitOrARoom() {
    assertThatThrownBy(() -> stockTakes.open("无范围", null, null, manager)).hasMessage("asset.stocktake.scopeRequired");
    assertThatThrownBy(() -> stockTakes.open("x", manager.unitId(), null, accounts.loadUserByUsername("staff")))
        .isInstanceOf(cn.smartaffairs.platform.ForbiddenException.class);
  }
}
