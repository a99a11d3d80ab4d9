package cn.smartaffairs.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.audit.AuditChainVerifier.Breach;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The chain detects what an attacker with database access could do. Each test that tampers puts the chain back
 * as it was, because every integration test shares the one database and its chain.
 */
@IntegrationTest
class AuditChainVerifierTest {

  @Autowired AuditTrail trail;
  @Autowired AuditChainVerifier verifier;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;

  private final List<Runnable> restorations = new ArrayList<>();

  @BeforeEach
  void chainIsIntactBeforeEachTest() {
    assertThat(verifier.verify().intact()).as("chain before the test").isTrue();
  }

  @AfterEach
  void restoreTheChain() {
    for (int i = restorations.size() - 1; i >= 0; i--) {
      restorations.get(i).run();
    }
    restorations.clear();
    assertThat(verifier.verify().intact()).as("chain after restoring it").isTrue();
  }

  @Test
  void aFreshChainVerifiesIntact() {
    List<Long> ids = recordThree("fresh");

    var verification = verifier.verify();

    assertThat(verification.intact()).isTrue();
    assertThat(verification.brokenAtEventId()).isNull();
    assertThat(verification.eventsChecked()).isEqualTo(eventCount()).isGreaterThanOrEqualTo(ids.size());
  }

  @Test
  void alteringAnEventsContentIsReportedAtThatEvent() {
    long altered = recordThree("altered").get(1);
    String original = jdbc.queryForObject("select after_state::text from audit_event where id = ?", String.class,
        altered);
    restorations.add(() -> asAttacker(
        () -> jdbc.update("update audit_event set after_state = ?::jsonb where id = ?", original, altered)));

    asAttacker(
        () -> jdbc.update("update audit_event set after_state = '{\"name\": \"篡改后\"}'::jsonb where id = ?", altered));

    var verification = verifier.verify();
    assertThat(verification.breach()).isEqualTo(Breach.CONTENT_ALTERED);
    assertThat(verification.brokenAtEventId()).isEqualTo(altered);
  }

  @Test
  void changingWhoActedIsReportedAsWell() {
    long altered = recordThree("actor").get(0);
    restorations
        .add(() -> asAttacker(() -> jdbc.update("update audit_event set actor = 'chain-test' where id = ?", altered)));

    asAttacker(() -> jdbc.update("update audit_event set actor = 'someone-else' where id = ?", altered));

    assertThat(verifier.verify()).extracting(AuditChainVerifier.Verification::breach,
        AuditChainVerifier.Verification::brokenAtEventId).containsExactly(Breach.CONTENT_ALTERED, altered);
  }

  @Test
  void deletingAnEventInTheMiddleBreaksTheLinkOfTheNextOne() {
    List<Long> ids = recordThree("middle");
    removeAsAttacker(ids.get(1));

    var verification = verifier.verify();

    assertThat(verification.breach()).isEqualTo(Breach.LINK_BROKEN);
    assertThat(verification.brokenAtEventId()).isEqualTo(ids.get(2));
  }

  @Test
  void deletingTheNewestEventIsReportedAsARemovedTail() {
    List<Long> ids = recordThree("tail");
    removeAsAttacker(ids.get(2));

    var verification = verifier.verify();

    assertThat(verification.breach()).isEqualTo(Breach.TAIL_REMOVED);
    assertThat(verification.brokenAtEventId()).isEqualTo(ids.get(1));
  }

  @Test
  void theDatabaseRefusesUpdateDeleteAndTruncate() {
    long id = recordThree("refused").get(0);

    assertThatThrownBy(() -> jdbc.update("update audit_event set actor = 'someone-else' where id = ?", id))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.update("delete from audit_event where id = ?", id))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThatThrownBy(() -> jdbc.execute("truncate audit_event"))
        .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
    assertThat(jdbc.queryForObject("select actor from audit_event where id = ?", String.class, id))
        .isEqualTo("chain-test");
  }

  /** Three events, oldest first, at the end of the chain. */
  private List<Long> recordThree(String label) {
    trail.recordAs("chain-test", List.of(
        AuditEntry.created("chain_test", label + "-1", null, Map.of("name", label + " 一")),
        AuditEntry.updated("chain_test", label + "-1", null, Map.of("name", label + " 一"),
            Map.of("name", label + " 二")),
        AuditEntry.deleted("chain_test", label + "-1", null, Map.of("name", label + " 二"))));
    List<Long> ids = jdbc.queryForList("select id from audit_event order by id desc limit 3", Long.class);
    return List.of(ids.get(2), ids.get(1), ids.get(0));
  }

  /** Deletes one event past the trigger, and arranges to put it back with its own id afterwards. */
  private void removeAsAttacker(long id) {
    String row = jdbc.queryForObject("select row_to_json(e)::text from audit_event e where id = ?", String.class, id);
    restorations.add(() -> jdbc.update("""
        insert into audit_event overriding system value
        select * from json_populate_record(null::audit_event, ?::json)""", row));
    asAttacker(() -> jdbc.update("delete from audit_event where id = ?", id));
  }

  /**
   * What someone with the database owner's rights could do: switch the append-only trigger off, change the
   * table, and switch it on again. One transaction, so that no other session ever sees the trigger off.
   */
  private void asAttacker(Runnable change) {
    transaction.executeWithoutResult(status -> {
      jdbc.execute("alter table audit_event disable trigger audit_event_no_update");
      try {
        change.run();
      } finally {
        jdbc.execute("alter table audit_event enable trigger audit_event_no_update");
      }
    });
  }

  private long eventCount() {
    return jdbc.queryForObject("select count(*) from audit_event", Long.class);
  }
}
