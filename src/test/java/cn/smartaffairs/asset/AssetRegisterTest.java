package cn.smartaffairs.asset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.ApiCredentials;
import cn.smartaffairs.security.ApiScope;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.space.Room;
import cn.smartaffairs.space.SpaceRegister;
import cn.smartaffairs.support.ApiClient;
import cn.smartaffairs.vehicle.Fleet;
import cn.smartaffairs.vehicle.NewVehicle;
import cn.smartaffairs.vehicle.Vehicle;
import cn.smartaffairs.vehicle.VehicleCategory;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The asset register: registering with the rules of class and life, the book value, scope, the API and vehicles. */
@IntegrationTest
class AssetRegisterTest {

  @LocalServerPort int port;
  @Autowired AssetRegister register;
  @Autowired LifeRules lives;
  @Autowired AssetClasses classes;
  @Autowired Accounts accounts;
  @Autowired ApiCredentials credentials;
  @Autowired SpaceRegister space;
  @Autowired Fleet fleet;
  @Autowired JdbcClient jdbc;
  ApiClient api;
  CurrentUser manager;
  LocalDate today;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    manager = accounts.loadUserByUsername("asset.manager");
    today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
  }

  private static String number() {
    return "T-" + UUID.randomUUID().toString().substring(0, 18);
  }

  private NewAsset desktop(String number, LocalDate bought, long fen) {
    return new NewAsset(number, "台式计算机", "A02010101", "联想 M720", "SN" + number, bought, fen,
        FundingSource.FISCAL, null, manager.unitId(), null, null, null, null);
  }

  @Test
  void aDesktopTakesTheLifeOfItsNearestClassWithARuleAndShowsItsBookValue() {
    LocalDate bought = today.minusMonths(12).withDayOfMonth(1);
    long id = register.register(desktop(number(), bought, 720_000), manager);

    Asset asset = register.get(id, manager);

    assertThat(asset.lifeMonths()).isEqualTo(72);
    assertThat(asset.depreciated()).isTrue();
    assertThat(asset.className()).isEqualTo("台式计算机");
    assertThat(asset.status()).isEqualTo(AssetStatus.IN_USE);
    assertThat(asset.standing().monthsCharged()).isEqualTo(13);
    assertThat(asset.bookValueFen()).isEqualTo(720_000 - 130_000);
  }

  @Test
  void landIsNotDepreciated() {
    long id = register.register(new NewAsset(number(), "机关大院用地", "A010300", null, null,
        LocalDate.of(1998, 6, 1), 12_000_000_00L, FundingSource.FISCAL, null, manager.unitId(), null, null, null,
        null), manager);

    Asset land = register.get(id, manager);

    assertThat(land.depreciated()).isFalse();
    assertThat(land.lifeMonths()).isNull();
    assertThat(land.bookValueFen()).isEqualTo(12_000_000_00L);
  }

  @Test
  void aLifeShorterThanTheRuleIsRefusedALongerOneKept() {
    LocalDate bought = today.minusYears(1);
    NewAsset tooShort = new NewAsset(number(), "办公桌", "A050102", null, null, bought, 150_000L,
        FundingSource.FISCAL, 120, manager.unitId(), null, null, null, null);

    assertThatThrownBy(() -> register.register(tooShort, manager)).isInstanceOf(BusinessRuleException.class)
        .hasMessage("asset.lifeBelowRule");
    long id = register.register(new NewAsset(number(), "办公桌", "A050102", null, null, bought, 150_000L,
        FundingSource.FISCAL, 240, manager.unitId(), null, null, null, null), manager);
    assertThat(register.get(id, manager).lifeMonths()).isEqualTo(240);
  }

  @Test
  void aNumberIsGivenWhenNoneIsTypedAndANumberTakenIsRefused() {
    long id = register.register(desktop(null, today, 500_000), manager);
    String given = register.get(id, manager).number();

    assertThat(given).matches("ZC-" + today.getYear() + "-\\d{6}");
    assertThatThrownBy(() -> register.register(desktop(given, today, 1), manager))
        .isInstanceOf(ConflictException.class).hasMessage("asset.numberTaken");
  }

  @Test
  void refusedFieldsNameTheirRule() {
    assertThatThrownBy(() -> register.register(new NewAsset(number(), "x", "Z999999", null, null, today, 1L,
        null, null, manager.unitId(), null, null, null, null), manager)).hasMessage("asset.classUnknown");
    assertThatThrownBy(() -> register.register(desktop(number(), today.plusDays(1), 1), manager))
        .hasMessage("asset.purchaseDateInvalid");
    assertThatThrownBy(() -> register.register(desktop(number(), today, -1), manager))
        .hasMessage("asset.valueInvalid");
    assertThatThrownBy(() -> register.register(new NewAsset(number(), "x", "A02010101", null, null, today, 1L,
        null, null, manager.unitId(), null, null, null, AssetStatus.DISPOSED), manager))
        .hasMessage("asset.initialStatusRefused");
  }

  @Test
  void theStatusMovesAsAllowedAndAStaleVersionIsRefused() {
    long id = register.register(desktop(number(), today, 300_000), manager);

    register.changeStatus(id, AssetStatus.IDLE, 0, manager);

    assertThat(register.get(id, manager).status()).isEqualTo(AssetStatus.IDLE);
    assertThatThrownBy(() -> register.changeStatus(id, AssetStatus.IN_USE, 0, manager))
        .isInstanceOf(ConflictException.class);
    assertThatThrownBy(() -> register.changeStatus(id, AssetStatus.DISPOSED, 1, manager))
        .hasMessage("asset.statusMoveRefused");
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'asset' and entity_id = :id")
        .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(2);
  }

  @Test
  void theLocationIsARoomOfTheSpaceRegisterAndTheListFiltersByIt() {
    Room room = space.rooms(manager).get(0);
    String number = number();
    long id = register.register(new NewAsset(number, "文件柜", "A050105", null, null, today, 120_000L,
        FundingSource.FISCAL, null, manager.unitId(), null, room.id(), null, null), manager);

    var page = register.search(new AssetRegister.Filter("A050000", null, null, room.id()),
        ListQuery.parse(Map.of("keyword", number), AssetRegister.SORT_KEYS), manager);

    assertThat(page.items()).extracting(Asset::id).containsExactly(id);
    assertThat(page.items().get(0).locationName()).isEqualTo(room.buildingName() + " " + room.number());
    assertThat(register.search(new AssetRegister.Filter("A020000", null, null, null),
        ListQuery.parse(Map.of("keyword", number), AssetRegister.SORT_KEYS), manager).items()).isEmpty();
  }

  @Test
  void aStaffMemberSeesOnlyWhatTheyKeepAndCannotRegister() {
    CurrentUser staff = accounts.loadUserByUsername("staff");
    long kept = register.register(new NewAsset(number(), "便携式计算机", "A02010102", null, null, today, 800_000L,
        FundingSource.FISCAL, null, staff.unitId(), staff.staffId(), null, null, null), manager);
    long other = register.register(desktop(number(), today, 1), manager);

    assertThat(register.get(kept, staff).keeperStaffId()).isEqualTo(staff.staffId());
    assertThatThrownBy(() -> register.get(other, staff)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> register.register(desktop(number(), today, 1), staff))
        .isInstanceOf(ForbiddenException.class);
  }

  @Test
  void aVehicleOfTheFleetIsRegisteredOnceWithTheVehiclesOwnFacts() {
    Vehicle vehicle = newVehicle();

    long id = register.register(new NewAsset(null, null, "A02030101", null, null, null, null, null, null, null,
        null, null, vehicle.id(), null), manager);

    Asset asset = register.get(id, manager);
    assertThat(asset.vehicleId()).isEqualTo(vehicle.id());
    assertThat(asset.unitId()).isEqualTo(vehicle.unitId());
    assertThat(asset.purchasedOn()).isEqualTo(vehicle.purchasedOn());
    assertThat(asset.originalValueFen()).isEqualTo(vehicle.priceFen());
    assertThat(asset.serialNo()).isEqualTo(vehicle.plate());
    assertThat(asset.lifeMonths()).isEqualTo(96);
    assertThat(register.registeredVehicles(manager)).contains(vehicle.id());
    assertThatThrownBy(() -> register.register(new NewAsset(null, null, "A02030101", null, null, null, null, null,
        null, null, null, null, vehicle.id(), null), manager)).isInstanceOf(ConflictException.class)
        .hasMessage("asset.vehicleRegistered");
    assertThatThrownBy(() -> register.register(new NewAsset(null, null, "A02010101", null, null, null, null, null,
        null, null, null, null, newVehicle().id(), null), manager)).hasMessage("asset.vehicleClassRequired");
  }

  private Vehicle newVehicle() {
    CurrentUser vehicles = accounts.loadUserByUsername("vehicle.manager");
    long unit = vehicles.unitId();
    int quota = fleet.quotas(vehicles.dataScope()).stream()
        .filter(q -> q.unitId() == unit && q.category() == VehicleCategory.OTHER)
        .mapToInt(q -> (int) Math.max(q.quota(), q.held())).findFirst().orElse(0);
    fleet.setQuota(unit, VehicleCategory.OTHER, quota + 1, vehicles);
    String plate = "云A" + (10000 + ThreadLocalRandom.current().nextInt(90000));
    return fleet.register(new NewVehicle(unit, plate, VehicleCategory.OTHER, "吉利", "帝豪 1.5L", true, false, 1498,
        7_980_000L, 5, today.minusYears(1), 10_000, "市机关车队停车场", 25.04, 102.71, today.plusDays(90),
        today.plusDays(120)), vehicles);
  }

  @Test
  void aRegionsOwnLifeRuleGovernsAssetsBoughtAfterIt() {
    CurrentUser admin = accounts.loadUserByUsername("admin");
    LocalDate from = LocalDate.of(2000 + ThreadLocalRandom.current().nextInt(0, 15), 1,
        1 + ThreadLocalRandom.current().nextInt(0, 28));
    String code = "A020205";
    try {
      lives.add(manager.regionId(), code, 90, from, admin);
    } catch (BusinessRuleException sameDayTaken) {
      // an earlier run added this day's version
    }

    assertThat(lives.lifeOf(manager.regionId(), code, from).orElseThrow().lifeMonths()).isEqualTo(90);
    assertThat(lives.lifeOf(manager.regionId(), code, from).orElseThrow().regionId()).isEqualTo(manager.regionId());
    assertThatThrownBy(() -> lives.add(null, code, 90, from, manager)).isInstanceOf(ForbiddenException.class);
    assertThatThrownBy(() -> lives.add(manager.regionId(), "A010300", 90, from, admin))
        .hasMessage("asset.life.notDepreciated");
  }

  @Test
  void theApiRegistersAndReadsAssetsAndAFinanceKeyReadsOnly() {
    String token = api.tokenFor("asset.manager");
    Map<String, Object> body = new HashMap<>();
    body.put("name", "投影仪");
    body.put("classCode", "A020202");
    body.put("purchasedOn", today.minusMonths(5).withDayOfMonth(15).toString());
    body.put("originalValueFen", 600_000);
    body.put("unitId", manager.unitId());
    body.put("fundingSource", "SELF_RAISED");

    var created = api.post("/api/v1/assets", token, body);

    assertThat(created.status()).isEqualTo(201);
    long id = created.body().get("id").asLong();
    assertThat(created.body().get("bookValueFen").asLong()).isEqualTo(600_000 - 6 * 600_000 / 72);
    assertThat(created.body().get("status").asText()).isEqualTo("IN_USE");
    String number = created.body().get("number").asText();

    String key = credentials.createApiKey("finance-" + UUID.randomUUID(), manager.regionId(),
        Set.of(ApiScope.ASSETS_READ), accounts.loadUserByUsername("admin")).secret();
    var listed = api.withHeader("/api/v1/assets?keyword=" + number + "&classCode=A020200", ApiClient.API_KEY_HEADER,
        key);
    assertThat(listed.status()).isEqualTo(200);
    assertThat(listed.body().get("total").asLong()).isEqualTo(1);
    JsonNode item = listed.body().get("items").get(0);
    assertThat(item.get("id").asLong()).isEqualTo(id);
    assertThat(item.get("accumulatedDepreciationFen").asLong()).isEqualTo(6 * 600_000 / 72);
    assertThat(api.withHeader("/api/v1/assets/" + id, ApiClient.API_KEY_HEADER, key).status()).isEqualTo(200);
    assertThat(api.postWithHeader("/api/v1/assets", ApiClient.API_KEY_HEADER, key, body).status()).isEqualTo(403);

    body.put("classCode", "A0");
    var refused = api.post("/api/v1/assets", token, body);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).contains("资产分类");
  }

  @Test
  void aClassFilterThatIsNoCodeIsRefusedNotSearchedFor() {
    var answer = api.get("/api/v1/assets?classCode=A0%25%5C", api.tokenFor("asset.manager"));

    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body().get("detail").asText()).contains("分类代码");
  }

  @Test
  void theBookValueIsOfTheCurrentMonth() {
    LocalDate bought = today.withDayOfMonth(1);
    long id = register.register(desktop(number(), bought, 72_000), manager);

    assertThat(register.get(id, manager).standing())
        .isEqualTo(Depreciation.at(72_000, bought, true, 72, YearMonth.from(today)));
  }
}
