package cn.smartaffairs.asset;

import cn.smartaffairs.platform.ListQuery;
import cn.smartaffairs.platform.Page;
import cn.smartaffairs.printing.Label;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** The asset register (资产台账) for other systems: a finance system reads it with an API key of scope assets:read. */
@RestController
@Tag(name = "资产 Assets")
@SecurityRequirement(name = "bearer")
class AssetApiController {

  private final AssetRegister register;
  private final AssetClasses classes;
  private final AssetLabels labels;

  AssetApiController(AssetRegister register, AssetClasses classes, AssetLabels labels) {
    this.labels = labels;
    this.register = register;
    this.classes = classes;
  }

  @GetMapping("/api/v1/assets")
  @Operation(summary = "资产列表 The assets in the caller's scope, a page at a time", description = "Each asset carries its book value (bookValueFen) and accumulated depreciation at the end of the "
      + "current month (straight line, no residual value, monthly; land and heritage not depreciated). classCode "
      + "takes the class's sub-classes too. status: IN_USE 在用, IDLE 闲置, IN_WAREHOUSE 在仓, ON_LOAN 借出, "
      + "PENDING_DISPOSAL 待处置, DISPOSED 已处置. Money in fen. As every list it also takes keyword (number, "
      + "name, serial or model), sort (number, name, class, purchased, value, unit, status) and dir (asc, desc).")
  Page<Asset> assets(@RequestParam(required = false) String classCode, @RequestParam(required = false) Long unitId,
      @RequestParam(required = false) AssetStatus status,
      @Parameter(description = "a room of the office-space register") @RequestParam(required = false) Long roomId,
      @Parameter(hidden = true) @RequestParam Map<String, String> parameters,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    ListQuery query = ListQuery.parse(parameters, AssetRegister.SORT_KEYS, 50);
    query = new ListQuery(query.search(), query.sort(), query.descending(), query.page(), Page.boundedSize(size));
    return register.search(new AssetRegister.Filter(classCode, unitId, status, roomId), query,
        CurrentUsers.current());
  }

  @PostMapping("/api/v1/assets")
  @Operation(summary = "登记资产 Register an asset (asset managers and administrators of the region)", description = "number blank: the next of the region (ZC-year-sequence). lifeMonths blank: the shortest life of "
      + "the class's rule in force on the purchase date. vehicleId: an official vehicle of module vehicle; its "
      + "unit, purchase date and price are taken from the vehicle register. fundingSource: FISCAL 财政拨款, "
      + "SELF_RAISED 自筹, OTHER 其他.")
  ResponseEntity<Asset> register(@RequestBody NewAsset draft) {
    var user = CurrentUsers.current();
    long id = register.register(draft, user);
    return ResponseEntity.created(URI.create("/api/v1/assets/" + id)).body(register.get(id, user));
  }

  @GetMapping("/api/v1/assets/{id}")
  @Operation(summary = "资产 One asset with its book value")
  Asset asset(@PathVariable long id) {
    return register.get(id, CurrentUsers.current());
  }

  @GetMapping(value = "/api/v1/assets/{id}/label.pdf", produces = "application/pdf")
  @Operation(summary = "资产标签 The asset's label as PDF (QR code with the asset page's address, number, name, unit)", description = "stock: ROLL_60X40 (one 60×40 mm label, the default) or A4_3X7 (an A4 sheet of 3 × 7 such labels).")
  ResponseEntity<byte[]> label(@PathVariable long id, @RequestParam(required = false) Label.Stock stock) {
    return AssetController.pdf("asset-label-" + id + ".pdf", labels.label(id, stock,
        ServletUriComponentsBuilder.fromCurrentContextPath().toUriString(), CurrentUsers.current()));
  }

  @GetMapping("/api/v1/asset-classes")
  @Operation(summary = "资产分类 The classes of GB/T 14885-2022 in use today")
  List<AssetClass> classes() {
    return classes.inForce(register.today());
  }
}
