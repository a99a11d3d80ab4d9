package cn.smartaffairs.canteen.procurement;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.canteen.kitchen.CanteenSite;
import cn.smartaffairs.canteen.kitchen.Menus;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.NotFoundException;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.platform.SortKeys;
import cn.smartaffairs.security.CurrentUser;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 进货查验: records each received batch with the statutory fields, the supplier's name, address and contact as they
 * were that day, and the verdict. A failed pesticide-residue test rejects the batch whatever the inspector ticked
 * (the database refuses anything else); a supplier with an expired licence cannot deliver.
 */
@Service
public class ReceivingInspections {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Menus menus;
  private final Suppliers suppliers;
  private final PurchaseRequests requests;
  private final Clock clock;

  public ReceivingInspections(JdbcClient jdbc, AuditTrail audit, Menus menus, Suppliers suppliers,
      PurchaseRequests requests,
      Clock clock) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.menus = menus;
    this.suppliers = suppliers;
    this.requests = requests;
    this.clock = clock;
  }

  @Transactional
  public Batch record(BatchDraft draft, CurrentUser by) {
    if (draft.siteId() == null || draft.supplierId() == null) {
      throw new BusinessRuleException("canteen.kitchen.batchInvalid");
    }
    CanteenSite site = menus.site(draft.siteId(), by);
    Menus.requireManager(by, site.regionId());
    Supplier supplier = suppliers.requireUsable(draft.supplierId(), by);
    if (blank(draft.itemName()) || blank(draft.spec()) || draft.quantity() == null || draft.quantity().signum() <= 0
        || blank(draft.unit()) || blank(draft.inspector()) || draft.productionDate() == null
        || draft.shelfLifeDays() == null || draft.shelfLifeDays() <= 0 || draft.accepted() == null) {
      throw new BusinessRuleException("canteen.kitchen.batchInvalid");
    }
    PesticideTest test = PesticideTest.of(draft.pesticideTest());
    LocalDate received = draft.receivedOn() != null
        ? draft.receivedOn()
        : LocalDate.now(clock.withZone(PlatformConfiguration.ZONE));
    if (received.isBefore(draft.productionDate())) {
      throw new BusinessRuleException("canteen.kitchen.receivedBeforeProduction");
    }
    long unitPrice = unitPrice(draft, supplier, by);
    InspectionResult result = test.verdict(draft.accepted());
    long id = jdbc.sql("""
        insert into canteen_batch (site_id, request_id, supplier_id, item_name, spec, quantity, unit, unit_price_fen,
                                   batch_no, production_date, shelf_life_days, received_on, supplier_name,
                                   supplier_address, supplier_contact, inspector, pesticide_test, result, note,
                                   recorded_by, recorded_at)
        values (:site, :request, :supplier, :item, :spec, :quantity, :unit, :price, :batchNo, :produced, :shelfLife,
                :received, :supplierName, :supplierAddress, :supplierContact, :inspector, :test, :result, :note,
                :by, :now) returning id""")
        .param("site", site.id()).param("request", draft.requestId()).param("supplier", supplier.id())
        .param("item", draft.itemName().trim()).param("spec", draft.spec().trim()).param("quantity", draft.quantity())
        .param("unit", draft.unit().trim()).param("price", unitPrice)
        .param("batchNo", draft.batchNo() == null ? null : draft.batchNo().trim())
        .param("produced", Date.valueOf(draft.productionDate())).param("shelfLife", draft.shelfLifeDays())
        .param("received", Date.valueOf(received)).param("supplierName", supplier.name())
        .param("supplierAddress", supplier.address()).param("supplierContact", supplier.contact())
        .param("inspector", draft.inspector().trim()).param("test", test.name()).param("result", result.name())
        .param("note", draft.note()).param("by", by.userId()).param("now", Timestamp.from(clock.instant()))
        .query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("item", draft.itemName().trim());
    after.put("supplier", supplier.name());
    after.put("quantity", draft.quantity().toPlainString());
    after.put("pesticideTest", test.name());
    after.put("result", result.name());
    audit.record(AuditEntry.created("canteen_batch", id, site.regionId(), after));
    return batch(id, by);
  }

  public List<Batch> batches(long siteId, CurrentUser viewer) {
    CanteenSite site = menus.site(siteId, viewer);
    Menus.requireManager(viewer, site.regionId());
    return jdbc.sql("select * from canteen_batch where site_id = :site order by received_on desc, id desc limit 300")
        .param("site", siteId).query(ReceivingInspections::batch).list();
  }

  /** The inspections' list: the latest delivery first, or by item, supplier, production date or verdict. */
  static final SortKeys SORT_KEYS = SortKeys.builder()
      .descending("receivedOn", "received_on")
      .ascending("item", SortKeys.pinyin("item_name"))
      .ascending("supplier", SortKeys.pinyin("supplier_name"))
      .descending("productionDate", "production_date")
      .ascending("result", "result")
      .byDefault("receivedOn").tieBreaker("id");

  /**
   * One page of a canteen's received batches (进货查验记录); the search matches the item, the batch number, the
   * supplier or the inspector.
   */
  public Page<Batch> search(long siteId, ListQuery query, CurrentUser viewer) {
    CanteenSite site = menus.site(siteId, viewer);
    Menus.requireManager(viewer, site.regionId());
    String where = """
        from canteen_batch where site_id = :site and (cast(:keyword as text) is null or item_name like :like escape '\\'
          or batch_no like :like escape '\\' or supplier_name like :like escape '\\' or inspector like :like escape '\\')""";
    long total = jdbc.sql("select count(*)" + where).param("site", siteId).param("keyword", query.search())
        .param("like", query.likePattern()).query(Long.class).single();
    ListQuery shown = query.within(total);
    List<Batch> items = jdbc.sql("select *" + where + SORT_KEYS.orderBy(shown) + " limit :limit offset :offset")
        .param("site", siteId).param("keyword", query.search()).param("like", query.likePattern())
        .param("limit", shown.size()).param("offset", shown.offset()).query(ReceivingInspections::batch).list();
    return shown.pageOf(items, total);
  }

  /** A batch of a canteen of the caller's region, for its managers; any other answers 404. */
  public Batch batch(long id, CurrentUser viewer) {
    Batch batch = jdbc.sql(
        """
            select b.* from canteen_batch b join canteen s on s.id = b.site_id where b.id = :id and s.region_id = :region""")
        .param("id", id).param("region", viewer.regionId()).query(ReceivingInspections::batch).optional()
        .orElseThrow(() -> new NotFoundException("canteenBatch", id));
    Menus.requireManager(viewer, viewer.regionId());
    return batch;
  }

  /** The awarded price of the request the batch answers, or the price typed in. */
  private long unitPrice(BatchDraft draft, Supplier supplier, CurrentUser by) {
    if (draft.requestId() != null) {
      PurchaseRequest request = requests.request(draft.requestId(), by);
      PurchaseRequest.Quote awarded = request.awarded();
      if (awarded == null || request.siteId() != draft.siteId()) {
        throw new BusinessRuleException("canteen.kitchen.requestNotAwarded", request.itemName());
      }
      if (awarded.supplierId() != supplier.id()) {
        throw new BusinessRuleException("canteen.kitchen.notTheAwardedSupplier", supplier.name());
      }
      return awarded.unitPriceFen();
    }
    if (draft.unitPriceFen() == null || draft.unitPriceFen() < 0) {
      throw new BusinessRuleException("canteen.kitchen.priceInvalid");
    }
    return draft.unitPriceFen();
  }

  private static boolean blank(String text) {
    return text == null || text.isBlank() || text.trim().length() > 200;
  }

  static Batch batch(ResultSet rs, int row) throws SQLException {
    Long requestId = rs.getObject("request_id", Long.class);
    return new Batch(rs.getLong("id"), rs.getLong("site_id"), requestId, rs.getLong("supplier_id"),
        rs.getString("item_name"), rs.getString("spec"), rs.getBigDecimal("quantity"), rs.getString("unit"),
        rs.getLong("unit_price_fen"), rs.getString("batch_no"), rs.getDate("production_date").toLocalDate(),
        rs.getInt("shelf_life_days"), rs.getDate("received_on").toLocalDate(), rs.getString("supplier_name"),
        rs.getString("supplier_address"), rs.getString("supplier_contact"), rs.getString("inspector"),
        PesticideTest.valueOf(rs.getString("pesticide_test")), InspectionResult.valueOf(rs.getString("result")),
        rs.getString("note"),
        rs.getDate("keep_until").toLocalDate());
  }
}
