package cn.smartaffairs.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.support.ApiClient;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The register: buildings, floors and rooms, kept by space managers and seen by scope. */
@IntegrationTest
class SpaceRegisterTest {

  @Autowired SpaceRegister register;
  @Autowired org.springframework.context.ApplicationContext context;
  @LocalServerPort int port;
  SpaceFixtures fixtures;
  ApiClient api;

  @BeforeEach
  void setUp() {
    fixtures = new SpaceFixtures(context);
    api = new ApiClient(port);
  }

  @Test
  void aSpaceManagerRegistersABuildingWithFloorsAndRooms() {
    long[] building = fixtures.buildingWithFloor();
    long room = fixtures.room(building, "18.50", RoomKind.OFFICE);

    Room registered = register.room(room, fixtures.manager());
    assertThat(registered.useArea()).isEqualByComparingTo("18.5");
    assertThat(registered.kind()).isEqualTo(RoomKind.OFFICE);
    assertThat(registered.floorName()).isEqualTo("3层");
    assertThat(register.building(building[0], fixtures.manager()).roomCount()).isEqualTo(1);
  }

  @Test
  void badInputIsRefusedWithTheRuleBroken() {
    long[] building = fixtures.buildingWithFloor();
    assertThatThrownBy(() -> register.addRoom(new RoomDraft(building[0], building[1], "301", BigDecimal.ZERO,
        RoomKind.OFFICE, null), fixtures.manager()))
        .isInstanceOf(BusinessRuleException.class).extracting("messageKey").isEqualTo("space.roomAreaInvalid");
    assertThatThrownBy(() -> register.addFloor(building[0], 3, null, fixtures.manager()))
        .extracting("messageKey").isEqualTo("space.floorTaken");
    assertThatThrownBy(() -> register.createBuilding(new BuildingDraft(null, "X", "X", "X", "X", null, null,
        new BigDecimal("100"), new BigDecimal("120")), fixtures.manager()))
        .extracting("messageKey").isEqualTo("space.buildingAreaInvalid");
  }

  @Test
  void onlyTheRegionsSpaceManagersChangeTheRegisterAndStaffSeeOnlyTheirOwnOffices() {
    long[] building = fixtures.buildingWithFloor();
    long room = fixtures.room(building, "12", RoomKind.OFFICE);
    String staff = api.tokenFor("staff");

    var refused = api.post("/api/v1/space/rooms", staff,
        Map.of("buildingId", building[0], "floorId", building[1], "number", "999", "useArea", 10, "kind", "OFFICE"));
    assertThat(refused.status()).as("a building outside their scope is not found").isEqualTo(404);
    assertThat(api.get("/api/v1/space/rooms/" + room, staff).status()).isEqualTo(404);

    var manager = api.get("/api/v1/space/rooms?buildingId=" + building[0], api.tokenFor("space.manager"));
    assertThat(manager.status()).isEqualTo(200);
    assertThat(manager.body()).hasSize(1);
    assertThat(manager.body().get(0).get("useArea").decimalValue()).isEqualByComparingTo("12");
    assertThat(manager.body().get(0).get("kind").asText()).isEqualTo("OFFICE");
  }

  @Test
  void floorPlansAreImagesOrPdfsAsTheirBytesSay() {
    long[] building = fixtures.buildingWithFloor();
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0};
    byte[] pdf = "%PDF-1.4 plan".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    long image = register.attachPlan(building[1], "3层.png", png, fixtures.manager());
    register.attachPlan(building[1], "3层.pdf", pdf, fixtures.manager());

    assertThat(register.plans(building[1], fixtures.manager())).extracting(FloorPlan::contentType)
        .containsExactly("image/png", "application/pdf");
    assertThat(register.planContent(image, fixtures.manager()).data()).isEqualTo(png);
    assertThatThrownBy(() -> register.attachPlan(building[1], "plan.txt", "hello".getBytes(), fixtures.manager()))
        .extracting("messageKey").isEqualTo("space.planType");
    assertThat(register.floors(building[0], fixtures.manager()).get(0).planCount()).isEqualTo(2);
  }
}
