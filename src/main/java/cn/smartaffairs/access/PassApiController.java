package cn.smartaffairs.access;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 通行证: apply for a staff or vehicle pass (approved through the approval engine), list, revoke. */
@RestController
@Tag(name = "安保·通行证 Security: compound passes")
@SecurityRequirement(name = "bearer")
class PassApiController {

  private final Passes passes;

  PassApiController(Passes passes) {
    this.passes = passes;
  }

  record PassRequest(PassKind kind, String plate, LocalDate validFrom, LocalDate validTo, String reason) {}

  record RevokeRequest(String reason) {}

  record PassView(long id, PassKind kind, long holderStaffId, String holderName, String plate, LocalDate validFrom,
      LocalDate validTo, String reason, PassStatus status, Long approvalRequestId, String qrToken,
      OffsetDateTime revokedAt, String revocationReason) {

    static PassView of(AccessPass p) {
      return new PassView(p.id(), p.kind(), p.holderStaffId(), p.holderName(), p.plate(), p.validFrom(),
          p.validTo(), p.reason(), p.status(), p.approvalRequestId(),
          p.status() == PassStatus.ACTIVE ? p.qrToken() : null,
          p.revokedAt() == null ? null : p.revokedAt().atZone(Visit.BEIJING).toOffsetDateTime(),
          p.revocationReason());
    }
  }

  @PostMapping("/api/v1/passes")
  @Operation(summary = "申请通行证 Apply for a staff or vehicle pass for oneself: 201, pending until approved")
  ResponseEntity<PassView> apply(@RequestBody PassRequest request) {
    AccessPass pass = passes.apply(new PassDraft(request.kind(), request.plate(), request.validFrom(),
        request.validTo(), request.reason()), CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/passes/" + pass.id())).body(PassView.of(pass));
  }

  @GetMapping("/api/v1/passes")
  @Operation(summary = "通行证 The caller's passes, and every pass of the regions a security manager keeps")
  List<PassView> list() {
    return passes.visibleTo(CurrentUsers.current()).stream().map(PassView::of).toList();
  }

  @GetMapping("/api/v1/passes/{id}")
  @Operation(summary = "通行证详情 One pass (its QR token once valid)")
  PassView get(@PathVariable long id) {
    return PassView.of(passes.get(id, CurrentUsers.current()));
  }

  @PostMapping("/api/v1/passes/{id}/revoke")
  @Operation(summary = "吊销通行证 Revoke a valid pass with a reason (security managers)")
  PassView revoke(@PathVariable long id, @RequestBody RevokeRequest request) {
    return PassView.of(passes.revoke(id, request.reason(), CurrentUsers.current()));
  }
}
