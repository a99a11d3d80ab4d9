package cn.smartaffairs.canteen.procurement;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Suppliers, purchase requests with two bidding rounds, receiving inspections and traceability (canteen managers). */
@RestController
@Tag(name = "食堂采购与追溯 Canteen procurement and traceability")
@SecurityRequirement(name = "bearer")
class ProcurementApiController {

  record NewSupplier(String name, String address, String contact) {}

  record NewLicence(String kind, String number, LocalDate expiresOn) {}

  record NewRequest(long siteId, String itemName, String spec, BigDecimal quantity, String unit, LocalDate neededBy) {}

  record NewQuote(long supplierId, long unitPriceFen) {}

  record NewUsage(long batchId, long menuItemId, BigDecimal quantity) {}

  private final Suppliers suppliers;
  private final PurchaseRequests requests;
  private final ReceivingInspections inspections;
  private final Traceability traceability;

  ProcurementApiController(Suppliers suppliers, PurchaseRequests requests, ReceivingInspections inspections,
      Traceability traceability) {
    this.suppliers = suppliers;
    this.requests = requests;
    this.inspections = inspections;
    this.traceability = traceability;
  }

  @GetMapping("/api/v1/canteen/suppliers")
  @Operation(summary = "供应商 The region's suppliers with their licences")
  List<Supplier> suppliers() {
    return suppliers.suppliers(CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/suppliers")
  @Operation(summary = "新增供应商 Register a supplier")
  ResponseEntity<Supplier> createSupplier(@RequestBody NewSupplier supplier) {
    return ResponseEntity.status(201).body(suppliers.create(supplier.name(), supplier.address(), supplier.contact(),
        CurrentUsers.current()));
  }

  @PostMapping("/api/v1/canteen/suppliers/{id}/licences")
  @Operation(summary = "登记证照 Add or renew a licence (FOOD_BUSINESS, FOOD_PRODUCTION, BUSINESS_LICENCE, ANIMAL_QUARANTINE)")
  Supplier addLicence(@PathVariable long id, @RequestBody NewLicence licence) {
    return suppliers.addLicence(id, licence.kind(), licence.number(), licence.expiresOn(), CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/purchase-requests")
  @Operation(summary = "采购申请 Raise a purchase request")
  ResponseEntity<PurchaseRequest> createRequest(@RequestBody NewRequest request) {
    return ResponseEntity.status(201).body(requests.create(request.siteId(), request.itemName(), request.spec(),
        request.quantity(), request.unit(), request.neededBy(), CurrentUsers.current()));
  }

  @GetMapping("/api/v1/canteen/purchase-requests/{id}")
  @Operation(summary = "采购申请详情 A purchase request with its quotes")
  PurchaseRequest request(@PathVariable long id) {
    return requests.request(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/purchase-requests/{id}/quotes")
  @Operation(summary = "报价 A supplier's unit price in the current round (second round: first-round bidders only)")
  PurchaseRequest quote(@PathVariable long id, @RequestBody NewQuote quote) {
    return requests.quote(id, quote.supplierId(), quote.unitPriceFen(), CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/purchase-requests/{id}/second-round")
  @Operation(summary = "二次竞价 Open the second round (needs quotes from at least two suppliers)")
  PurchaseRequest secondRound(@PathVariable long id) {
    return requests.openSecondRound(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/purchase-requests/{id}/award")
  @Operation(summary = "定标 Award to the lowest second-round price")
  PurchaseRequest award(@PathVariable long id) {
    return requests.award(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/batches")
  @Operation(summary = "进货查验 Record a receiving inspection; a failed pesticide test rejects the batch")
  ResponseEntity<Batch> inspect(@RequestBody BatchDraft draft) {
    return ResponseEntity.status(201).body(inspections.record(draft, CurrentUsers.current()));
  }

  @GetMapping("/api/v1/canteen/batches/{id}")
  @Operation(summary = "批次 One received batch")
  Batch batch(@PathVariable long id) {
    return inspections.batch(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/canteen/batch-usages")
  @Operation(summary = "食材使用 Record that a batch went into a dish of a day's meal")
  ResponseEntity<Traceability.Usage> use(@RequestBody NewUsage usage) {
    return ResponseEntity.status(201).body(traceability.use(usage.batchId(), usage.menuItemId(), usage.quantity(),
        CurrentUsers.current()));
  }

  @GetMapping("/api/v1/canteen/batches/{id}/trace")
  @Operation(summary = "正向追溯 From a batch to the dishes and days that used it")
  List<Traceability.Usage> fromBatch(@PathVariable long id) {
    return traceability.fromBatch(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/canteen/menu-items/{id}/trace")
  @Operation(summary = "反向追溯 From a dish of a day's meal to its batches")
  List<Traceability.Usage> fromMenuItem(@PathVariable long id) {
    return traceability.fromMenuItem(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/canteen/sites/{site}/trace")
  @Operation(summary = "按日追溯 A day's dishes and the batches in each")
  List<Traceability.Usage> fromDay(@PathVariable long site,
      @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    return traceability.fromDay(site, date, CurrentUsers.current());
  }
}
