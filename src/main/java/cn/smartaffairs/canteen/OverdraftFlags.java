package cn.smartaffairs.canteen;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Offline payments accepted although they overdrew an account or used a frozen card, for a manager to resolve. */
@Service
class OverdraftFlags {

  record Flag(long journalId, long accountId, String holderName, String cardNo, long amountFen, long balanceFen,
      String reason, Instant paidAt, Instant flaggedAt, String terminalId, Instant resolvedAt,
      String resolvedBy, String resolutionNote) {}

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Clock clock;

  OverdraftFlags(JdbcClient jdbc, AuditTrail audit, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.clock = clock;
  }

  /** Flags an offline payment recorded although it broke the rule its {@link Payment#flag()} names. */
  void flag(Payment payment, long regionId) {
    jdbc.sql("""
        insert into canteen_overdraft_flag (journal_id, account_id, region_id, reason, flagged_at)
        values (:journal, :account, :region, :reason, :now)""")
        .param("journal", payment.id()).param("account", payment.accountId()).param("region", regionId)
        .param("reason", payment.flag()).param("now", Timestamp.from(payment.recordedAt())).update();
  }

  /** The open flags' list: oldest first, the holder's name in pinyin order, the largest amount first. */
  static final SortKeys SORT_KEYS = SortKeys.builder()
      .ascending("time", "f.flagged_at")
      .ascending("holder", SortKeys.pinyin("a.holder_name"))
      .descending("amount", "j.amount_fen")
      .ascending("reason", "f.reason")
      .byDefault("time").tieBreaker("f.journal_id");

  private static final String FROM = """
       from canteen_overdraft_flag f join canteen_journal j on j.id = f.journal_id
       join canteen_account a on a.id = f.account_id left join canteen_terminal t on t.id = j.terminal_id
      where f.resolved_at is null and """;

  /** Unresolved flags in the regions the caller manages, oldest first. */
  List<Flag> open(CurrentUser viewer) {
    return search(ListQuery.first(SORT_KEYS).forExport(), viewer).items();
  }

  /**
   * One page of the unresolved flags in the regions the caller manages; the search matches the holder's name or a
   * terminal's code.
   */
  Page<Flag> search(ListQuery query, CurrentUser viewer) {
    String where = FROM + DataScope.sqlCondition("f.region_id", null, null)
        + " and (cast(:keyword as text) is null or a.holder_name like :like escape '\\' or t.terminal_code = :keyword)";
    var parameters = CanteenAccounts.managing(viewer).bind(new MapSqlParameterSource())
        .addValue("keyword", query.search()).addValue("like", query.likePattern());
    long total = jdbc.sql("select count(*)" + where).paramSource(parameters).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<Flag> items = jdbc.sql("""
        select f.*, j.amount_fen, j.occurred_at, a.holder_name, a.cash_fen + a.subsidy_fen as balance_fen,
               t.terminal_code,
               (select c.credential from canteen_credential c
                 where c.account_id = a.id and c.kind = 'CARD' and c.status = 'ACTIVE') as card_no"""
        + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query((rs, n) -> new Flag(rs.getLong("journal_id"), rs.getLong("account_id"), rs.getString("holder_name"),
            rs.getString("card_no"), rs.getLong("amount_fen"), rs.getLong("balance_fen"), rs.getString("reason"),
            rs.getTimestamp("occurred_at").toInstant(), rs.getTimestamp("flagged_at").toInstant(),
            rs.getString("terminal_code"), null, null, null))
        .list();
    return shown.pageOf(items, total);
  }

  /** A manager marks a flag resolved (e.g. after collecting the money or correcting the account). Audited. */
  @Transactional
  void resolve(long journalId, String note, CurrentUser by) {
    if (note == null || note.isBlank()) {
      throw new BusinessRuleException("canteen.reasonRequired");
    }
    Long regionId = jdbc
        .sql("select region_id from canteen_overdraft_flag where journal_id = :id and resolved_at is null")
        .param("id", journalId).query(Long.class).optional().orElse(null);
    if (regionId == null || !CanteenAccounts.manages(by, regionId)) {
      throw new NotFoundException("canteenOverdraft", journalId);
    }
    jdbc.sql("""
        update canteen_overdraft_flag set resolved_at = :now, resolved_by = :by, resolution_note = :note
         where journal_id = :id""")
        .param("now", Timestamp.from(clock.instant())).param("by", by.getUsername())
        .param("note", note.trim().length() > 200 ? note.trim().substring(0, 200) : note.trim())
        .param("id", journalId).update();
    audit.record(AuditEntry.updated("canteen_overdraft_flag", journalId, regionId, Map.of("resolved", false),
        Map.of("resolved", true, "note", note.trim())));
  }
}
