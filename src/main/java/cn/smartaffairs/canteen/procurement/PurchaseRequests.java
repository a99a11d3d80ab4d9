package cn.smartaffairs.canteen.procurement;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.canteen.kitchen.CanteenSite;
import cn.smartaffairs.canteen.kitchen.Menus;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 采购询价与二次竞价: a request collects first-round quotes; the second round opens only with quotes from at least two
 * suppliers; in it only the first-round bidders may bid again, no higher than their own first price; the lowest
 * second-round price wins (the earlier bid on a tie) and the award is recorded and audited.
 */
@Service
public class PurchaseRequests {

  static final int MINIMUM_BIDDERS = 2;

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Menus menus;
  private final Suppliers suppliers;
  private final Clock clock;

  public PurchaseRequests(JdbcClient jdbc, AuditTrail audit, Menus menus, Suppliers suppliers, Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.menus = menus;
    this.suppliers = suppliers;
    this.clock = clock;
  }

  @Transactional
  public PurchaseRequest create(long siteId, String itemName, String spec, BigDecimal quantity, String unit,
      LocalDate neededBy, CurrentUser by) {
    CanteenSite site = managedSite(siteId, by);
    if (itemName == null || itemName.isBlank() || quantity == null || quantity.signum() <= 0 || unit == null
        || unit.isBlank()) {
      throw new BusinessRuleException("canteen.kitchen.purchaseRequestInvalid");
    }
    long id = jdbc
        .sql(
            """
                insert into canteen_purchase_request (site_id, item_name, spec, quantity, unit, needed_by, created_by, created_at)
                values (:site, :item, :spec, :quantity, :unit, :needed, :by, :now) returning id""")
        .param("site", siteId).param("item", itemName.trim()).param("spec", spec == null ? null : spec.trim())
        .param("quantity", quantity).param("unit", unit.trim())
        .param("needed", neededBy == null ? null : Date.valueOf(neededBy)).param("by", by.userId())
        .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    audit.record(AuditEntry.created("canteen_purchase_request", id, site.regionId(), Map.of("site", site.name(),
        "item", itemName.trim(), "quantity", quantity.toPlainString(), "unit", unit.trim())));
    return request(id, by);
  }

  /**
   * A supplier's unit price: in the first round while quoting, in the second round once it is open (only from a
   * first-round bidder, not above its first price). A supplier whose licence has expired cannot bid.
   */
  @Transactional
  public PurchaseRequest quote(long requestId, long supplierId, long unitPriceFen, CurrentUser by) {
    PurchaseRequest request = lockedRequest(requestId, by);
    Supplier supplier = suppliers.requireUsable(supplierId, by);
    if (unitPriceFen <= 0) {
      throw new BusinessRuleException("canteen.kitchen.priceInvalid");
    }
    int round = request.status().biddingRound()
        .orElseThrow(() -> new ConflictException("canteen.kitchen.purchaseRequestClosed", request.itemName()));
    if (round == 2) {
      PurchaseRequest.Quote first = request.round(1).stream().filter(q -> q.supplierId() == supplierId).findFirst()
          .orElseThrow(() -> new BusinessRuleException("canteen.kitchen.notAFirstRoundBidder", supplier.name()));
      if (unitPriceFen > first.unitPriceFen()) {
        throw new BusinessRuleException("canteen.kitchen.secondRoundAboveFirst", supplier.name());
      }
    }
    if (request.round(round).stream().anyMatch(q -> q.supplierId() == supplierId)) {
      throw new ConflictException("canteen.kitchen.alreadyQuoted", supplier.name());
    }
    long id = jdbc.sql("""
        insert into canteen_quote (request_id, supplier_id, round, unit_price_fen, quoted_at)
        values (:request, :supplier, :round, :price, :now) returning id""")
        .param("request", requestId).param("supplier", supplierId).param("round", round).param("price", unitPriceFen)
        .param("now", Timestamp.from(clock.instant())).query(Long.class).single();
    audit.record(AuditEntry.created("canteen_quote", id, regionOf(request, by), Map.of("request", requestId,
        "supplier", supplier.name(), "round", round, "unitPriceFen", unitPriceFen)));
    return request(requestId, by);
  }

  /** 二次竞价: opens the second round, which needs first-round quotes from at least two suppliers. */
  @Transactional
  public PurchaseRequest openSecondRound(long requestId, CurrentUser by) {
    PurchaseRequest request = lockedRequest(requestId, by);
    if (!request.status().mayOpenSecondRound()) {
      throw new ConflictException("canteen.kitchen.purchaseRequestClosed", request.itemName());
    }
    if (request.round(1).size() < MINIMUM_BIDDERS) {
      throw new BusinessRuleException("canteen.kitchen.twoQuotesRequired", MINIMUM_BIDDERS, request.round(1).size());
    }
    move(request, PurchaseRequestStatus.SECOND_ROUND, null, by);
    return request(requestId, by);
  }

  /** Awards the request to the lowest second-round price; the earlier bid wins a tie. */
  @Transactional
  public PurchaseRequest award(long requestId, CurrentUser by) {
    PurchaseRequest request = lockedRequest(requestId, by);
    if (!request.status().mayAward()) {
      throw new BusinessRuleException("canteen.kitchen.secondRoundFirst", request.itemName());
    }
    PurchaseRequest.Quote winner = request.round(2).stream()
        .min(Comparator.comparingLong(PurchaseRequest.Quote::unitPriceFen).thenComparingLong(PurchaseRequest.Quote::id))
        .orElseThrow(() -> new BusinessRuleException("canteen.kitchen.noSecondRoundQuote", request.itemName()));
    move(request, PurchaseRequestStatus.AWARDED, winner, by);
    return request(requestId, by);
  }

  public List<PurchaseRequest> requests(long siteId, CurrentUser viewer) {
    managedSite(siteId, viewer);
    return withQuotes(jdbc.sql("""
        select p.* from canteen_purchase_request p join canteen s on s.id = p.site_id
         where p.site_id = :site and s.region_id = :region order by p.id desc limit 200""")
        .param("site", siteId).param("region", viewer.regionId()).query(PurchaseRequests::request).list());
  }

  /** The requests' list: the newest first, by item in pinyin order, by the day needed or by how far they got. */
  static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("created", "p.created_at")
      .ascending("item", SortKeys.pinyin("p.item_name"))
      .ascending("neededBy", "p.needed_by")
      .ascending("status", "array_position(array['QUOTING', 'SECOND_ROUND', 'AWARDED'], p.status)")
      .byDefault("created").tieBreaker("p.id");

  /** One page of a canteen's requests with their quotes; the search matches the item or its specification. */
  public Page<PurchaseRequest> search(long siteId, ListQuery query, CurrentUser viewer) {
    managedSite(siteId, viewer);
    String where = """
         from canteen_purchase_request p join canteen s on s.id = p.site_id
        where p.site_id = :site and s.region_id = :region
          and (cast(:keyword as text) is null or p.item_name like :like escape '\\' or p.spec like :like escape '\\')""";
    long total = jdbc.sql("select count(*)" + where).param("site", siteId).param("region", viewer.regionId())
        .param("keyword", query.search()).param("like", query.likePattern()).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<PurchaseRequest> items = jdbc.sql("select p.*" + where + SORT_KEYS.orderBy(shown)
        + " limit :limit offset :offset")
        .param("site", siteId).param("region", viewer.regionId()).param("keyword", query.search())
        .param("like", query.likePattern()).param("limit", shown.size()).param("offset", shown.offset())
        .query(PurchaseRequests::request).list();
    return shown.pageOf(withQuotes(items), total);
  }

  /** A request of a canteen of the caller's region, for its managers; any other answers 404. */
  public PurchaseRequest request(long id, CurrentUser viewer) {
    PurchaseRequest request = jdbc.sql("""
        select p.* from canteen_purchase_request p join canteen s on s.id = p.site_id
         where p.id = :id and s.region_id = :region""")
        .param("id", id).param("region", viewer.regionId()).query(PurchaseRequests::request).optional()
        .map(found -> withQuotes(List.of(found)).get(0))
        .orElseThrow(() -> new NotFoundException("canteenPurchaseRequest", id));
    Menus.requireManager(viewer, viewer.regionId());
    return request;
  }

  private void move(PurchaseRequest request, PurchaseRequestStatus status, PurchaseRequest.Quote winner,
      CurrentUser by) {
    jdbc.sql(
        """
            update canteen_purchase_request set status = :status, awarded_quote_id = :quote, awarded_at = :at where id = :id""")
        .param("status", status.name()).param("quote", winner == null ? null : winner.id())
        .param("at", winner == null ? null : Timestamp.from(clock.instant())).param("id", request.id()).update();
    Map<String, Object> after = winner == null
        ? Map.of("status", status.name())
        : Map.of("status", status.name(),
            "supplier", winner.supplierName(), "unitPriceFen", winner.unitPriceFen(), "quoteId", winner.id());
    audit.record(AuditEntry.updated("canteen_purchase_request", request.id(), regionOf(request, by),
        Map.of("status", request.status().name()), after));
  }

  private PurchaseRequest lockedRequest(long id, CurrentUser by) {
    jdbc.sql("""
        select p.id from canteen_purchase_request p join canteen s on s.id = p.site_id
         where p.id = :id and s.region_id = :region for update of p""")
        .param("id", id).param("region", by.regionId()).query(Long.class).optional()
        .orElseThrow(() -> new NotFoundException("canteenPurchaseRequest", id));
    return request(id, by);
  }

  private long regionOf(PurchaseRequest request, CurrentUser by) {
    return menus.site(request.siteId(), by).regionId();
  }

  private CanteenSite managedSite(long siteId, CurrentUser by) {
    CanteenSite site = menus.site(siteId, by);
    Menus.requireManager(by, site.regionId());
    return site;
  }

  /** A request as its row holds it; its quotes come after, by {@link #withQuotes}. */
  private static PurchaseRequest request(ResultSet rs, int row) throws SQLException {
    Long awardedQuote = rs.getObject("awarded_quote_id", Long.class);
    OffsetDateTime awardedAt = rs.getObject("awarded_at", OffsetDateTime.class);
    Date needed = rs.getDate("needed_by");
    return new PurchaseRequest(rs.getLong("id"), rs.getLong("site_id"), rs.getString("item_name"), rs.getString("spec"),
        rs.getBigDecimal("quantity"), rs.getString("unit"), needed == null ? null : needed.toLocalDate(),
        PurchaseRequestStatus.valueOf(rs.getString("status")), awardedQuote,
        awardedAt == null ? null : awardedAt.atZoneSameInstant(PlatformConfiguration.ZONE).toOffsetDateTime(),
        List.of());
  }

  /**
   * The requests with their quotes, read in one query after the requests' own: a query inside a row mapper would hold
   * one pooled connection while waiting for another, and a busy moment would starve the pool.
   */
  private List<PurchaseRequest> withQuotes(List<PurchaseRequest> requests) {
    if (requests.isEmpty()) {
      return requests;
    }
    Map<Long, List<PurchaseRequest.Quote>> quotes = new HashMap<>();
    jdbc.sql("""
        select q.request_id, q.id, q.supplier_id, s.name, q.round, q.unit_price_fen from canteen_quote q
          join canteen_supplier s on s.id = q.supplier_id where q.request_id = any(:ids)
         order by q.request_id, q.round, q.unit_price_fen, q.id""")
        .param("ids", requests.stream().map(PurchaseRequest::id).toArray(Long[]::new))
        .query((ResultSet r) -> {
          quotes.computeIfAbsent(r.getLong(1), id -> new ArrayList<>())
              .add(new PurchaseRequest.Quote(r.getLong(2), r.getLong(3), r.getString(4), r.getInt(5), r.getLong(6)));
        });
    return requests.stream().map(p -> new PurchaseRequest(p.id(), p.siteId(), p.itemName(), p.spec(), p.quantity(),
        p.unit(), p.neededBy(), p.status(), p.awardedQuoteId(), p.awardedAt(),
        List.copyOf(quotes.getOrDefault(p.id(), List.of())))).toList();
  }
}
