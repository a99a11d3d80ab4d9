package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ForbiddenException;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * 重点关注名单: kept by the security managers with reasons, each change audited; a listed person can be neither announced
 * nor checked in, and once removed (with a reason) may visit again.
 */
@IntegrationTest
class WatchListTest {

  @LocalServerPort int port;
  @Autowired WatchList watchList;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void aListedPersonIsRefusedAtRegistrationAndAtTheGateUntilRemoved() {
    ApiClient api = new ApiClient(port);
    String host = api.tokenFor("staff");
    String guard = api.tokenFor("guard");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    CurrentUser manager = (CurrentUser) accounts.loadUserByUsername("security.manager");
    String idNumber = Visitors.freshIdNumber();
    // announced before being listed: the gate still refuses
    String token = api.post("/api/v1/visitors", host, Visitors.visit(Visitors.freshName(), idNumber, today)).body()
        .get("qrToken").asText();

    WatchList.Entry entry = watchList.add(idNumber, "王某", "多次冲闯门岗", manager);
    assertThat(entry.idNumberMasked()).isEqualTo(ResidentIdNumber.mask(idNumber));

    var refused = api.post("/api/v1/visitors", host, Visitors.visit(Visitors.freshName(), idNumber, today));
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().get("detail").asText()).contains("重点关注名单");
    var atGate = api.post("/api/v1/visitors/check-in", guard, Map.of("qrToken", token));
    assertThat(atGate.status()).isEqualTo(400);
    assertThat(atGate.body().get("detail").asText()).contains("重点关注名单");
    assertThatThrownBy(() -> watchList.add(idNumber, "王某", "重复", manager)).isInstanceOf(ConflictException.class);

    watchList.remove(entry.id(), "经核实已解除", manager);
    assertThat(api.post("/api/v1/visitors/check-in", guard, Map.of("qrToken", token)).status()).isEqualTo(200);
    assertThat(api.post("/api/v1/visitors", host, Visitors.visit(Visitors.freshName(), idNumber, today)).status())
        .isEqualTo(201);

    var audited = jdbc.sql("""
        select action, coalesce(after_state::text, '') as after from audit_event
         where entity_type = 'access_watch_entry' and entity_id = :id order by id""")
        .param("id", String.valueOf(entry.id())).query().listOfRows();
    assertThat(audited).extracting(row -> row.get("action")).containsExactly("CREATE", "DELETE");
    assertThat(audited.get(0).get("after").toString()).contains("多次冲闯门岗").doesNotContain(idNumber);
    assertThat(audited.get(1).get("after").toString()).contains("经核实已解除");
  }

  @Test
  void onlyTheSecurityManagersKeepTheList() {
    CurrentUser guard = (CurrentUser) accounts.loadUserByUsername("guard");
    assertThatThrownBy(() -> watchList.add(Visitors.freshIdNumber(), "李某", "原因", guard))
        .isInstanceOf(ForbiddenException.class);
    CurrentUser manager = (CurrentUser) accounts.loadUserByUsername("security.manager");
    assertThatThrownBy(() -> watchList.add("110105194912310021", "李某", "原因", manager))
        .isInstanceOf(InvalidIdNumberException.class);
    assertThatThrownBy(() -> watchList.add(Visitors.freshIdNumber(), "李某", " ", manager))
        .hasMessage("access.watch.reasonRequired");
  }
}
