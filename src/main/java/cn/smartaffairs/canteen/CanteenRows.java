package cn.smartaffairs.canteen;

import java.sql.ResultSet;
import java.sql.SQLException;

/** Reads canteen accounts and journals from their query rows (the columns of {@code CanteenAccounts}' selects). */
final class CanteenRows {

  private CanteenRows() {}

  static CanteenAccount account(ResultSet rs, int n) throws SQLException {
    long cash = rs.getLong("cash_fen");
    long subsidy = rs.getLong("subsidy_fen");
    java.sql.Date expires = rs.getDate("subsidy_expires_on");
    return new CanteenAccount(rs.getLong("id"), (Long) rs.getObject("staff_id"), rs.getString("card_no"),
        cash + subsidy, cash, subsidy, expires == null ? null : expires.toLocalDate(), rs.getLong("region_id"),
        rs.getString("holder_name"), rs.getString("kind"), rs.getString("category"), rs.getString("status"),
        rs.getTimestamp("opened_at").toInstant());
  }

  static Payment payment(ResultSet rs, int n) throws SQLException {
    return new Payment(rs.getLong("id"), rs.getLong("account_id"), rs.getString("kind"), rs.getLong("amount_fen"),
        rs.getLong("subsidy_change"), rs.getLong("cash_change"), rs.getLong("balance_after_fen"),
        rs.getString("idempotency_key"), rs.getString("channel"), rs.getString("terminal_code"),
        (Long) rs.getObject("refunds_journal_id"), rs.getString("description"),
        rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("recorded_at").toInstant(), rs.getString("flag"),
        false);
  }
}
