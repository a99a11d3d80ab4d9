package cn.smartaffairs.access;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.security.Accounts;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.support.ApiClient;
import java.sql.Date;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The visitor log is kept for the region's VISIT_RETENTION_DAYS and then deleted by the nightly job; the region's
 * own shorter version applies from its day; the deletion is audited with its count.
 */
@IntegrationTest
class VisitRetentionTest {

  @LocalServerPort int port;
  @Autowired VisitRetention retention;
  @Autowired AccessRules rules;
  @Autowired Accounts accounts;
  @Autowired JdbcClient jdbc;

  @Test
  void visitsOlderThanTheRegionsRetentionAreDeletedAndTheDeletionAudited() {
    ApiClient api = new ApiClient(port);
    String host = api.tokenFor("staff");
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    long old = visitOn(api, host, today.minusDays(181));
    long kept = visitOn(api, host, today.minusDays(180));
    long onSite = visitOn(api, host, today.minusDays(400));
    jdbc.sql("""
        update access_visit set status = 'CHECKED_IN', checked_in_at = now() - interval '1 day' where id = :id""")
        .param("id", onSite).update();
    assertThat(rules.valueOf(AccessRules.Key.VISIT_RETENTION_DAYS, regionOf(old), today)).isEqualTo(180);

    var deleted = retention.deleteExpired(today);

    assertThat(exists(old)).isFalse();
    assertThat(exists(kept)).isTrue();
    assertThat(exists(onSite)).isTrue();
    assertThat(deleted).anySatisfy(d -> {
      assertThat(d.regionId()).isEqualTo(regionOf(kept));
      assertThat(d.before()).isEqualTo(today.minusDays(180));
      assertThat(d.visits()).isGreaterThanOrEqualTo(1);
    });
    assertThat(jdbc.sql("""
        select count(*) from audit_event where entity_type = 'access_visit' and action = 'RETENTION_DELETE'
           and after_state is null and before_state ->> 'visitsBefore' = :before""")
        .param("before", today.minusDays(180).toString()).query(Long.class).single()).isEqualTo(1);

    // the region shortens its retention from tomorrow on
    CurrentUser manager = (CurrentUser) accounts.loadUserByUsername("security.manager");
    rules.addVersion(AccessRules.Key.VISIT_RETENTION_DAYS, 30, today.plusDays(1), false, "本地规定", manager);
    retention.deleteExpired(today);
    assertThat(exists(kept)).isTrue();
    retention.deleteExpired(today.plusDays(1));
    assertThat(exists(kept)).isFalse();
  }

  private long visitOn(ApiClient api, String host, LocalDate day) {
    long id = api.post("/api/v1/visitors", host, Visitors.visit(Visitors.freshName(), Visitors.freshIdNumber(),
        LocalDate.now(ZoneId.of("Asia/Shanghai")))).body().get("id").asLong();
    jdbc.sql("update access_visit set visit_on = :day where id = :id").param("day", Date.valueOf(day))
        .param("id", id).update();
    return id;
  }

  private boolean exists(long id) {
    return jdbc.sql("select count(*) from access_visit where id = :id").param("id", id).query(Long.class).single() > 0;
  }

  private long regionOf(long id) {
    return jdbc.sql("select region_id from access_visit where id = :id").param("id", id).query(Long.class).single();
  }
}
