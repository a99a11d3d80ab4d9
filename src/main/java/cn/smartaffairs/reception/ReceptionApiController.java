package cn.smartaffairs.reception;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * 公务接待 API: the host unit registers a reception from its 公函 (400 with a Chinese detail naming the rule broken: no
 * 公函, too many accompanying diners, over the meal standard, …), reads it, sends it to approval, and keeps its
 * documents. Money is integer fen.
 */
@RestController
@RequestMapping("/api/v1/receptions")
@Tag(name = "公务接待 Official receptions")
@SecurityRequirement(name = "bearer")
class ReceptionApiController {

  private final Receptions receptions;
  private final ReceptionPlans plans;
  private final ReceptionDocuments documents;

  ReceptionApiController(Receptions receptions, ReceptionPlans plans, ReceptionDocuments documents) {
    this.receptions = receptions;
    this.plans = plans;
    this.documents = documents;
  }

  /** The answer to a registration: the new reception's id and status. */
  record Created(long id, ReceptionStatus status) {}

  @PostMapping
  @Operation(summary = "登记公务接待 Register a reception from its 公函, with its planned working meal; the rules in force on"
      + " the arrival day are checked (one working meal, accompanying diners, meal standard)")
  ResponseEntity<Created> register(@RequestBody NewReception reception) {
    Reception created = receptions.register(reception, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/receptions/" + created.id()))
        .body(new Created(created.id(), created.status()));
  }

  @GetMapping("/{id}")
  @Operation(summary = "公务接待 A reception: letter, guests, plan, approval, consumption list and 接待清单")
  Reception get(@PathVariable long id) {
    return receptions.get(id, CurrentUsers.current());
  }

  @PostMapping("/{id}/submission")
  @Operation(summary = "提交接待审批单 Send the 接待审批单 to approval (the host unit's head, then the 机关事务管理局)")
  Map<String, Object> submit(@PathVariable long id, @RequestParam(required = false) Integer version) {
    Reception submitted = receptions.submit(id, version, CurrentUsers.current());
    return Map.of("id", submitted.id(), "status", submitted.status(), "approvalRequestId",
        submitted.approvalRequestId());
  }

  @PutMapping("/{id}/meals")
  @Operation(summary = "用餐安排 Replace the planned meals (while the letter is registered or the approval refused)")
  Reception meals(@PathVariable long id, @RequestBody List<NewReception.MealLine> meals,
      @RequestParam(required = false) Integer version) {
    return plans.replaceMeals(id, meals, version, CurrentUsers.current());
  }

  @PostMapping("/{id}/stays")
  @Operation(summary = "住宿安排 A guest's room at a designated hotel, within the standard of the guest's grade")
  Reception stay(@PathVariable long id, @RequestBody ReceptionPlans.StayLine stay,
      @RequestParam(required = false) Integer version) {
    return plans.setStay(id, stay, version, CurrentUsers.current());
  }

  @DeleteMapping("/{id}/stays/{stayId}")
  @Operation(summary = "取消住宿安排 Remove a guest's room from the plan")
  Reception removeStay(@PathVariable long id, @PathVariable long stayId,
      @RequestParam(required = false) Integer version) {
    return plans.removeStay(id, stayId, version, CurrentUsers.current());
  }

  @PostMapping("/{id}/vehicle-request")
  @Operation(summary = "接待用车 Create the visit's vehicle request in the vehicle module (its own approval follows)")
  Reception requestVehicle(@PathVariable long id, @RequestBody ReceptionPlans.VehicleLine line,
      @RequestParam(required = false) Integer version) {
    return plans.requestVehicle(id, line, version, CurrentUsers.current());
  }

  @PostMapping("/{id}/room-booking")
  @Operation(summary = "会议室 Book a meeting room for the visit in the meeting module")
  Reception bookRoom(@PathVariable long id, @RequestBody ReceptionPlans.RoomLine line,
      @RequestParam(required = false) Integer version) {
    return plans.bookRoom(id, line, version, CurrentUsers.current());
  }

  @GetMapping("/{id}/consumption")
  @Operation(summary = "消费清单 The consumption list (amounts in fen)")
  List<Reception.Consumption> consumption(@PathVariable long id) {
    return receptions.get(id, CurrentUsers.current()).consumption();
  }

  @PostMapping("/{id}/consumption")
  @Operation(summary = "记录消费 Add a line from an invoice to the consumption list; banned items are refused by name")
  ResponseEntity<Reception> addConsumption(@PathVariable long id,
      @RequestBody ReceptionDocuments.ConsumptionLine line, @RequestParam(required = false) Integer version) {
    Reception reception = documents.addConsumption(id, line, version, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/receptions/" + id + "/consumption")).body(reception);
  }

  @PostMapping("/{id}/meals/{mealId}/canteen-charge")
  @Operation(summary = "食堂工作餐挂账 Charge a working meal planned in the staff canteen to the host unit (单位挂账)", description = "Only while the reception is APPROVED, once per meal: (guests + accompanying) × the price per person"
      + " is charged to the host unit in the canteen under the reference reception-{id}-meal-{mealId}, and the"
      + " meal's 消费清单 line is added with the charge number as its invoice number. Answers 201 with the unit"
      + " charge; 409 when the reception's state does not allow it, the meal was charged before or the version is"
      + " stale; 400 when the meal is not planned in the canteen; 403 when the caller may not charge the unit.")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "201", description = "the unit charge")
  @io.swagger.v3.oas.annotations.responses.ApiResponse(responseCode = "409", description = "the reception's state does not allow it, or the meal is already charged")
  ResponseEntity<cn.smartaffairs.canteen.UnitCharge> chargeCanteenMeal(@PathVariable long id, @PathVariable long mealId,
      @RequestParam(required = false) Integer version) {
    var charged = documents.chargeCanteenMeal(id, mealId, version, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/receptions/" + id + "/consumption")).body(charged.charge());
  }

  @DeleteMapping("/{id}/consumption/{lineId}")
  @Operation(summary = "删除消费记录 Remove a line from the consumption list")
  Reception removeConsumption(@PathVariable long id, @PathVariable long lineId,
      @RequestParam(required = false) Integer version) {
    return documents.removeConsumption(id, lineId, version, CurrentUsers.current());
  }

  @GetMapping("/{id}/documents")
  @Operation(summary = "四单 Which of the four documents (公函, 接待审批单, 消费清单, 接待清单) are present")
  ReceptionDocuments.DocumentState documents(@PathVariable long id) {
    return documents.documents(receptions.get(id, CurrentUsers.current()));
  }

  @PostMapping("/{id}/documents/reception-list")
  @Operation(summary = "生成接待清单 Generate the 接待清单 from the letter and the consumption list, signed by the"
      + " responsible person")
  Reception generateList(@PathVariable long id, @RequestBody ReceptionDocuments.ListDraft draft,
      @RequestParam(required = false) Integer version) {
    return documents.generateList(id, draft, version, CurrentUsers.current());
  }

  @GetMapping(value = "/{id}/documents/reception-list.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
  @Operation(summary = "接待清单 PDF The generated 接待清单 as a PDF")
  ResponseEntity<byte[]> listPdf(@PathVariable long id, Locale locale) {
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .body(documents.listPdf(id, CurrentUsers.current(), locale));
  }

  @PostMapping("/{id}/closing")
  @Operation(summary = "办结 Close the reception: the four documents present and consistent (guests, dates, amounts)")
  Reception close(@PathVariable long id, @RequestParam(required = false) Integer version) {
    return documents.close(id, version, CurrentUsers.current());
  }

  @PostMapping("/{id}/cancellation")
  @Operation(summary = "取消接待 Cancel a reception that did not take place")
  Reception cancel(@PathVariable long id, @RequestParam(required = false) Integer version) {
    return receptions.cancel(id, version, CurrentUsers.current());
  }
}
