package cn.smartaffairs.platform;

import java.sql.SQLException;
import java.util.Optional;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;

/**
 * What the database refused, read in one place: a unique or exclusion constraint that lost a race, and which one. A
 * module turns that into its own 409 ("该时段已被占用"); whatever escapes, the web layer translates generally.
 */
public final class Violations {

  /** SQLState of a unique constraint refusing a second equal row. */
  public static final String UNIQUE = "23505";
  /** SQLState of an exclusion constraint refusing an overlapping row (a room, a vehicle, a driver booked twice). */
  public static final String EXCLUSION = "23P01";

  private Violations() {}

  /** A unique constraint refused the write (Spring's {@link DuplicateKeyException}, or SQLState 23505 beneath). */
  public static boolean isUniqueViolation(Throwable e) {
    return e instanceof DuplicateKeyException || UNIQUE.equals(sqlState(e).orElse(null));
  }

  /**
   * An exclusion constraint refused the write: two rows that must not overlap would have. Spring reports it as a
   * plain {@link DataIntegrityViolationException}, so the SQLState beneath tells it apart.
   */
  public static boolean isExclusionViolation(Throwable e) {
    return EXCLUSION.equals(sqlState(e).orElse(null));
  }

  /** The name of the constraint PostgreSQL says was violated, if it says one. */
  public static Optional<String> constraintName(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof PSQLException sql && sql.getServerErrorMessage() != null) {
        return Optional.ofNullable(sql.getServerErrorMessage().getConstraint());
      }
    }
    return Optional.empty();
  }

  /** The first SQL exception in the cause chain that carries an SQLState: the database's own words and code. */
  public static Optional<SQLException> sqlException(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null) {
        return Optional.of(sql);
      }
    }
    return Optional.empty();
  }

  /** The SQLState of {@link #sqlException}, e.g. 22001 (value too long) or 23503 (a reference missing). */
  public static Optional<String> sqlState(Throwable e) {
    return sqlException(e).map(SQLException::getSQLState);
  }
}
