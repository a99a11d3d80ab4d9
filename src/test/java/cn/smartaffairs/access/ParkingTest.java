package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.ApiCredentials;
import cn.smartaffairs.security.ApiScope;
import cn.smartaffairs.security.CurrentUser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Parking lots: the gates' plates move the zones' occupancy; in the public opening window a car without a pass parks
 * in the public places while one is free, and leaves the same way; the public board shows the free places unsigned.
 */
@IntegrationTest
class ParkingTest {

  @LocalServerPort int port;
  @Autowired ParkingLots lots;
  @Autowired GateEvents gateEvents;
  @Autowired Accounts accounts;
  @Autowired ApiCredentials credentials;

  @Test
  void aPublicCarParksWhileAPublicPlaceIsFreeAndTheBoardShowsIt() throws Exception {
    CurrentUser manager = accounts.loadUserByUsername("security.manager");
    String gate = "北门-" + UUID.randomUUID().toString().substring(0, 6);
    String name = "机关大院停车场-" + UUID.randomUUID().toString().substring(0, 6);
    Map<ParkingZoneKind, Integer> places = new EnumMap<>(ParkingZoneKind.class);
    places.put(ParkingZoneKind.STAFF, 20);
    places.put(ParkingZoneKind.PUBLIC, 1);
    // open every day all day, so the test holds whenever it runs
    ParkingLot lot = lots.register(new ParkingLots.LotDraft(name, "府前路 1 号", places, List.of(gate, " "),
        LocalTime.MIN, LocalTime.of(23, 59), "7654321"), manager);
    assertThat(lot.gates()).containsExactly(gate);
    assertThat(lot.publicDays()).isEqualTo("1234567");

    CurrentUser camera = credentials.authenticate(credentials.createApiKey("停车场摄像机-" + UUID.randomUUID(),
        manager.regionId(), Set.of(ApiScope.GATE_EVENTS), accounts.loadUserByUsername("admin")).secret()).orElseThrow();
    String first = PassApprovalTest.freshPlate();
    String second = PassApprovalTest.freshPlate();
    assertThat(gateEvents.record(gate, first, null, GateEvents.Direction.IN, camera).reason())
        .isEqualTo(GateReason.PUBLIC_OPENING);
    assertThat(zone(name, ParkingZoneKind.PUBLIC).occupied()).isEqualTo(1);
    assertThat(gateEvents.record(gate, second, null, GateEvents.Direction.IN, camera).reason())
        .isEqualTo(GateReason.NONE);
    assertThat(gateEvents.record(gate, first, null, GateEvents.Direction.OUT, camera).reason())
        .isEqualTo(GateReason.PUBLIC_OPENING);
    assertThat(zone(name, ParkingZoneKind.PUBLIC).occupied()).isZero();

    HttpResponse<String> board = HttpClient.newHttpClient().send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/parking")).build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(board.statusCode()).isEqualTo(200);
    assertThat(board.body()).contains(name).contains("空 1 / 共 1").contains("空 20 / 共 20").doesNotContain(gate);
  }

  private ParkingLot.Zone zone(String name, ParkingZoneKind kind) {
    return lots.all().stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().zones().get(kind);
  }
}
