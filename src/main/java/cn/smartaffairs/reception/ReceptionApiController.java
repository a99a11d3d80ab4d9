package cn.smartaffairs.reception;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.Map;
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

  ReceptionApiController(Receptions receptions) {
    this.receptions = receptions;
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
}
