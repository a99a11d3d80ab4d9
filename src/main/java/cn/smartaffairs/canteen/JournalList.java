package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.ListColumns;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 饭卡流水: one account's journals as its holder's page and its manager's page list them and their exports, newest
 * first; the search matches the description or a terminal's code.
 */
@Component
class JournalList {

  /** By time is in the ledger's own order (as recorded), in which each balance follows from the one before. */
  static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("time", "j.id")
      .ascending("kind", "j.kind")
      .descending("amount", "j.amount_fen")
      .byDefault("time").tieBreaker("j.id");

  /** The holder's own list. */
  static final ListColumns<Payment> COLUMNS = columns(false);

  /** The manager's list: a refund form beside each meal payment. */
  static final ListColumns<Payment> MANAGED_COLUMNS = columns(true);

  private static ListColumns<Payment> columns(boolean refundable) {
    var columns = ListColumns.<Payment>sortedBy(SORT_KEYS)
        .sortable("time", "canteen.entry.time", Payment::occurredAt)
        .sortable("kind", "canteen.entry.kind", p -> ListColumns.words("canteen.kind." + p.kind()))
        .sortable("amount", "canteen.entry.amount", p -> Money.ofFen(p.amountFen())).css("text-end")
        .column("canteen.entry.subsidy", p -> Money.ofFen(p.subsidyFen())).css("text-end d-none d-md-table-cell")
        .column("canteen.entry.cash", p -> Money.ofFen(p.cashFen())).css("text-end d-none d-md-table-cell")
        .column("canteen.entry.balanceAfter", p -> Money.ofFen(p.balanceAfterFen())).css("text-end")
        .column("canteen.entry.note", Payment::description).css("d-none d-md-table-cell")
        .exportOnly("canteen.entry.terminal", Payment::terminalId)
        .exportOnly("canteen.entry.flag",
            p -> p.flag() == null ? null : ListColumns.words("canteen.refused." + p.flag()));
    if (refundable) {
      columns.pageOnly("canteen.refund");
    }
    return columns.searchedFor("canteen.entries.search").exportedAs("canteen.entries.export");
  }

  private final JdbcClient jdbc;
  private final CanteenAccounts accounts;

  JournalList(JdbcClient jdbc, CanteenAccounts accounts) {
    this.jdbc = jdbc;
    this.accounts = accounts;
  }

  /** One page of an account's journals, if the viewer may read the account (404 otherwise). */
  Page<Payment> search(long accountId, ListQuery query, CurrentUser viewer) {
    accounts.account(accountId, viewer);
    String where = " where j.account_id = :account and (cast(:keyword as text) is null"
        + " or j.description like :like escape '\\' or t.terminal_code = :keyword)";
    long total = jdbc.sql("select count(*) from canteen_journal j left join canteen_terminal t on t.id = j.terminal_id"
        + where).param("account", accountId).param("keyword", query.search()).param("like", query.likePattern())
        .query(Long.class).single();
    ListQuery shown = query.within(total);
    List<Payment> items = jdbc.sql(CanteenAccounts.PAYMENT_SELECT + where + SORT_KEYS.orderBy(shown)
        + " limit :limit offset :offset")
        .param("account", accountId).param("keyword", query.search()).param("like", query.likePattern())
        .param("limit", shown.size()).param("offset", shown.offset()).query(CanteenRows::payment).list();
    return shown.pageOf(items, total);
  }
}
