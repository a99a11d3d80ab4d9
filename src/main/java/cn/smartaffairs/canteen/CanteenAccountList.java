package cn.smartaffairs.canteen;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import cn.smartaffairs.security.DataScope;
import java.util.List;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 食堂账户 list: the read side of the managers' accounts page and its export, in the viewer's data scope; the search
 * matches the holder's name or a card number in full.
 */
@Component
class CanteenAccountList {

  static final SortKeys SORT_KEYS = SortKeys.builder()
      .ascending("id", "a.id")
      .ascending("holder", SortKeys.pinyin("a.holder_name"))
      .ascending("cardNo", "card_no")
      .ascending("category", "a.category")
      .ascending("status", "a.status")
      .descending("balance", "a.cash_fen + a.subsidy_fen")
      .descending("cash", "a.cash_fen")
      .descending("subsidy", "a.subsidy_fen")
      .ascending("subsidyExpiresOn", "a.subsidy_expires_on")
      .byDefault("id").tieBreaker("a.id");

  private static final String SELECT = """
      select a.*, s.unit_id,
             (select c.credential from canteen_credential c
               where c.account_id = a.id and c.kind = 'CARD' and c.status = 'ACTIVE') as card_no
        from canteen_account a left join org_person s on s.id = a.staff_id
      """;

  private final JdbcClient jdbc;

  CanteenAccountList(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One page; {@code leaversOnly} keeps the open accounts of staff who have left (调出/退休), to settle and close. */
  Page<CanteenAccount> search(ListQuery query, boolean leaversOnly, CurrentUser viewer) {
    String where = " where " + DataScope.sqlCondition("a.region_id", "s.unit_id", "a.staff_id")
        + " and (cast(:keyword as text) is null or a.holder_name like :like escape '\\' or exists ("
        + "select 1 from canteen_credential k where k.account_id = a.id and k.credential = :keyword))"
        + (leaversOnly ? " and a.status <> 'CLOSED' and s.status in ('TRANSFERRED', 'RETIRED')" : "");
    var parameters = CanteenAccounts.readableBy(viewer).bind(new MapSqlParameterSource())
        .addValue("keyword", query.search()).addValue("like", query.likePattern());
    long total = jdbc.sql("select count(*) from canteen_account a left join org_person s on s.id = a.staff_id" + where)
        .paramSource(parameters).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<CanteenAccount> items = jdbc.sql(SELECT + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .paramSource(parameters.addValue("limit", shown.size()).addValue("offset", shown.offset()))
        .query(CanteenRows::account).list();
    return shown.pageOf(items, total);
  }
}
