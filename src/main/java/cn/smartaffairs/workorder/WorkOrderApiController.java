package cn.smartaffairs.workorder;

import cn.smartaffairs.platform.Page;
import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Work orders for the hotline desk and other systems. */
@RestController
@RequestMapping("/api/v1/work-orders")
@Tag(name = "工单 Work orders")
@SecurityRequirement(name = "bearer")
@SecurityRequirement(name = "apiKey")
class WorkOrderApiController {

  private final WorkOrders workOrders;

  WorkOrderApiController(WorkOrders workOrders) {
    this.workOrders = workOrders;
  }

  /** Where the problem is. */
  record Location(String building, String floor, String room) {}

  /** Who reported it: a staff member of the register, or a name for a caller outside it. */
  record Requester(Long staffId, String name) {}

  /** A new order as the API takes it. */
  record CreateRequest(String category, String description, Location location, String priority, Requester requester,
      String channel) {}

  @PostMapping
  @Operation(summary = "受理工单 Report a problem", description = "category is a code such as REPAIR_PLUMBING; priority URGENT or NORMAL. Answers 201 with id and status.")
  ResponseEntity<WorkOrder> create(@RequestBody CreateRequest request) {
    Location location = request.location() == null ? new Location(null, null, null) : request.location();
    Requester requester = request.requester() == null ? new Requester(null, null) : request.requester();
    WorkOrder order = workOrders.create(new NewWorkOrder(request.category(), request.priority(), request.channel(),
        request.description(), location.building(), location.floor(), location.room(), requester.staffId(),
        requester.name()), CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/work-orders/" + order.id())).body(order);
  }

  @GetMapping
  @Operation(summary = "工单列表 Orders the caller dispatches, handles or asked for")
  Page<WorkOrder> list(@RequestParam(required = false) WorkOrderStatus status,
      @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
    return workOrders.search(status, CurrentUsers.current(), Math.max(page, 0), Page.boundedSize(size));
  }

  @GetMapping("/{id}")
  @Operation(summary = "工单详情 One order with its history")
  WorkOrder get(@PathVariable long id) {
    return workOrders.get(id, CurrentUsers.current());
  }

  @PostMapping("/{id}/transitions")
  @Operation(summary = "流转 Move an order", description = "action: dispatch (assigneeUserId) | accept | arrive | resolve | confirm | visit (satisfaction "
      + "SATISFIED/FAIRLY/NEUTRAL/UNSATISFIED, handlerAtFault, comment) | reopen | close. An action the current "
      + "state does not allow, or a move made by someone else since expectedVersion (the version the caller "
      + "saw), answers 409 and changes nothing.")
  WorkOrder move(@PathVariable long id, @RequestBody Transition transition) {
    return workOrders.move(id, transition, CurrentUsers.current());
  }
}
