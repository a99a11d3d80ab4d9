package cn.smartaffairs.canteen;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;

/**
 * An account row read {@code FOR UPDATE} at the start of a ledger transaction. The ledger moves its wallets and
 * chain head in memory and writes the row back once at the end, so a payment costs one read and one write of it.
 */
final class LockedAccount {

  /** The columns a ledger transaction reads; callers add their own (e.g. the credential's status). */
  static final String COLUMNS = "a.id, a.region_id, a.staff_id, a.kind, a.category, a.status, a.cash_fen, a.subsidy_fen, "
      + "a.subsidy_expires_on, a.spent_on, a.spent_today_fen, a.entry_count, a.last_hash, "
      + "nextval(pg_get_serial_sequence('canteen_journal', 'id')) as reserved_journal_id";

  final long id;
  final long regionId;
  final Long staffId;
  final String kind;
  final String category;
  String status;
  long cashFen;
  long subsidyFen;
  LocalDate subsidyExpiresOn;
  LocalDate spentOn;
  long spentTodayFen;
  long entryCount;
  String lastHash;
  /** A journal id drawn from the sequence together with the row lock, saving a round trip when a journal follows. */
  Long reservedJournalId;

  LockedAccount(ResultSet rs) throws SQLException {
    id = rs.getLong("id");
    regionId = rs.getLong("region_id");
    long staff = rs.getLong("staff_id");
    staffId = rs.wasNull() ? null : staff;
    kind = rs.getString("kind");
    category = rs.getString("category");
    status = rs.getString("status");
    cashFen = rs.getLong("cash_fen");
    subsidyFen = rs.getLong("subsidy_fen");
    subsidyExpiresOn = date(rs.getDate("subsidy_expires_on"));
    spentOn = date(rs.getDate("spent_on"));
    spentTodayFen = rs.getLong("spent_today_fen");
    entryCount = rs.getLong("entry_count");
    lastHash = rs.getString("last_hash");
    long reserved = rs.getLong("reserved_journal_id");
    reservedJournalId = rs.wasNull() ? null : reserved;
  }

  /** The journal id drawn with the row lock, handed out once; null once it has been taken (or none was drawn). */
  Long takeReservedJournalId() {
    Long id = reservedJournalId;
    reservedJournalId = null;
    return id;
  }

  long balanceFen() {
    return cashFen + subsidyFen;
  }

  long spentOn(LocalDate day) {
    return day.equals(spentOn) ? spentTodayFen : 0;
  }

  /** Counts spending towards the daily limit; a late offline upload for an earlier day does not reset today's. */
  void spend(LocalDate day, long amountFen) {
    if (spentOn != null && day.isBefore(spentOn)) {
      return;
    }
    spentTodayFen = spentOn(day) + amountFen;
    spentOn = day;
  }

  boolean subsidyExpiredOn(LocalDate day) {
    return subsidyFen > 0 && subsidyExpiresOn != null && subsidyExpiresOn.isBefore(day);
  }

  private static LocalDate date(Date date) {
    return date == null ? null : date.toLocalDate();
  }
}
