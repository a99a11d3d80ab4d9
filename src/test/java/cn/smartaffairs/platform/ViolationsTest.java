package cn.smartaffairs.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/** The database's refusals read the same everywhere: which kind of constraint, and which one by name. */
class ViolationsTest {

  private static DataIntegrityViolationException refused(String sqlState, String constraint) {
    var server = new ServerErrorMessage("SERROR\0C" + sqlState + "\0Mrefused\0n" + constraint + "\0");
    return new DataIntegrityViolationException("refused", new PSQLException(server));
  }

  @Test
  void anOverlapRefusedByAnExclusionConstraintIsAnExclusionViolationNamingItsConstraint() {
    var refused = refused("23P01", "vehicle_dispatch_driver_free");

    assertThat(Violations.isExclusionViolation(refused)).isTrue();
    assertThat(Violations.isUniqueViolation(refused)).isFalse();
    assertThat(Violations.constraintName(refused)).contains("vehicle_dispatch_driver_free");
  }

  @Test
  void aSecondEqualRowIsAUniqueViolationWhetherSpringOrTheSqlStateSaysSo() {
    assertThat(Violations.isUniqueViolation(refused("23505", "space_room_number_key"))).isTrue();
    assertThat(Violations.isUniqueViolation(new DuplicateKeyException("duplicate"))).isTrue();
    assertThat(Violations.isExclusionViolation(refused("23505", "space_room_number_key"))).isFalse();
  }

  @Test
  void otherRefusalsAreNeither() {
    var tooLong = new DataIntegrityViolationException("too long", new SQLException("value too long", "22001"));

    assertThat(Violations.isUniqueViolation(tooLong)).isFalse();
    assertThat(Violations.isExclusionViolation(tooLong)).isFalse();
    assertThat(Violations.constraintName(tooLong)).isEmpty();
    assertThat(Violations.sqlState(tooLong)).contains("22001");
    assertThat(Violations.sqlState(new IllegalStateException("no database involved"))).isEmpty();
  }
}
