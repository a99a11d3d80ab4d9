package cn.smartaffairs.space;

import cn.smartaffairs.security.CurrentUsers;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Allocation of office space, the area check and recovery, in the caller's scope. */
@RestController
@Tag(name = "办公用房 Office space allocation and compliance")
@SecurityRequirement(name = "bearer")
class SpaceApiController {

  private final SpaceAllocations allocations;
  private final OfficeAssignments offices;
  private final AreaCompliance compliance;
  private final RankHistory ranks;
  private final OfficeRecoveryWatch recovery;
  private final SpaceRegister register;

  SpaceApiController(SpaceAllocations allocations, OfficeAssignments offices, AreaCompliance compliance,
      RankHistory ranks, OfficeRecoveryWatch recovery, SpaceRegister register) {
    this.allocations = allocations;
    this.offices = offices;
    this.compliance = compliance;
    this.ranks = ranks;
    this.recovery = recovery;
    this.register = register;
  }

  @GetMapping("/api/v1/space/compliance")
  @Operation(summary = "超标检查 Offices and units against the area standard", description = "people: each person's occupied office use-area (shared rooms divided among occupants) against the "
      + "standard for their unit's government level and their rank on the day; units: allocated use-area against "
      + "approved head count × per-head area of the building grade. Areas in m²; excess 0 when within. "
      + "date defaults to today.")
  Compliance compliance(@RequestParam(required = false) Long unitId,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
    var user = CurrentUsers.current();
    return date == null ? compliance.check(unitId, user) : compliance.check(unitId, date, user.dataScope());
  }

  @GetMapping("/api/v1/space/agreements")
  @Operation(summary = "使用协议 Agreements of the units in the caller's scope")
  List<Agreement> agreements() {
    return allocations.agreements(CurrentUsers.current());
  }

  @PostMapping("/api/v1/space/agreements")
  @Operation(summary = "分配用房 Allocate rooms to a unit under a new agreement", description = "409 when a room is already allocated to a unit on the start day or the agreement number is taken.")
  ResponseEntity<Agreement> allocate(@RequestBody SpaceAllocations.AllocationRequest request) {
    var agreement = allocations.allocate(request, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/space/agreements/" + agreement.id())).body(agreement);
  }

  @GetMapping("/api/v1/space/agreements/{id}")
  @Operation(summary = "使用协议 One agreement with its rooms")
  Agreement agreement(@PathVariable long id) {
    return allocations.agreement(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/space/agreements/{id}/certificate.pdf")
  @Operation(summary = "分配使用凭证 The allocation certificate as an A4 PDF")
  ResponseEntity<byte[]> certificate(@PathVariable long id) {
    byte[] pdf = allocations.certificate(id, CurrentUsers.current());
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
            .filename("分配使用凭证-" + id + ".pdf", java.nio.charset.StandardCharsets.UTF_8).build().toString())
        .body(pdf);
  }

  record OnDay(LocalDate on) {}

  @PostMapping("/api/v1/space/allocations/{id}/return")
  @Operation(summary = "退还 A unit returns a room from a day; offices in it end that day")
  UnitAllocation returnRoom(@PathVariable long id, @RequestBody OnDay body) {
    return allocations.returnRoom(id, body.on(), CurrentUsers.current());
  }

  record Reallocation(long toUnitId, LocalDate on, String reason, String agreementNo) {}

  @PostMapping("/api/v1/space/rooms/{id}/reallocation")
  @Operation(summary = "调剂 Move a room to another unit from a day (space managers)")
  RoomTransfer reallocate(@PathVariable long id, @RequestBody Reallocation body) {
    return allocations.reallocate(id, body.toUnitId(), body.on(), body.reason(), body.agreementNo(),
        CurrentUsers.current());
  }

  record Handover(long toUnitId, LocalDate on, String reason) {}

  @PostMapping("/api/v1/space/rooms/{id}/handover")
  @Operation(summary = "移交 Offer a room to another unit; it moves when received")
  RoomTransfer handOver(@PathVariable long id, @RequestBody Handover body) {
    return allocations.handOver(id, body.toUnitId(), body.on(), body.reason(), CurrentUsers.current());
  }

  record Receipt(String agreementNo) {}

  @PostMapping("/api/v1/space/transfers/{id}/receive")
  @Operation(summary = "接收 Receive a handed-over room under a new agreement")
  RoomTransfer receive(@PathVariable long id, @RequestBody Receipt body) {
    return allocations.receive(id, body.agreementNo(), CurrentUsers.current());
  }

  @PostMapping("/api/v1/space/transfers/{id}/refuse")
  @Operation(summary = "拒收 Decline a handover")
  RoomTransfer refuse(@PathVariable long id) {
    return allocations.refuse(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/space/transfers")
  @Operation(summary = "调剂与移交 Transfers of rooms between units in the caller's scope")
  List<RoomTransfer> transfers() {
    return allocations.transfers(CurrentUsers.current());
  }

  @GetMapping("/api/v1/space/rooms/{id}/history")
  @Operation(summary = "房间历史 A room's allocations, offices and transfers")
  RoomHistory history(@PathVariable long id) {
    return allocations.history(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/space/offices")
  @Operation(summary = "办公室 The offices held today by people in the caller's scope")
  List<OfficeAssignment> offices(@RequestParam(required = false) Long unitId) {
    return offices.currentOffices(unitId, CurrentUsers.current());
  }

  @PostMapping("/api/v1/space/offices")
  @Operation(summary = "分配办公室 Give an office room to one or several staff members of the unit holding it")
  ResponseEntity<List<OfficeAssignment>> assign(@RequestBody OfficeAssignments.OfficeRequest request) {
    return ResponseEntity.status(201).body(offices.assignOffice(request, CurrentUsers.current()));
  }

  @PostMapping("/api/v1/space/offices/{id}/end")
  @Operation(summary = "腾退 End an office on a day (closes its recovery task)")
  OfficeAssignment endOffice(@PathVariable long id, @RequestBody OnDay body) {
    return offices.endOffice(id, body.on(), CurrentUsers.current());
  }

  @PostMapping("/api/v1/space/offices/{id}/concurrent-post-ended")
  @Operation(summary = "兼职结束 Record the day a leader left the post a second office is held for")
  OfficeAssignment concurrentPostEnded(@PathVariable long id, @RequestBody OnDay body) {
    return offices.endConcurrentPost(id, body.on(), CurrentUsers.current());
  }

  record NewRank(long staffId, String rankCode, LocalDate effectiveFrom) {}

  @PostMapping("/api/v1/space/rank-changes")
  @Operation(summary = "职级变动 A staff member's new rank from a date (used by the area check of that day on)")
  ResponseEntity<RankHistory.RankChange> rankChange(@RequestBody NewRank body) {
    return ResponseEntity.status(201).body(ranks.record(body.staffId(), body.rankCode(), body.effectiveFrom(),
        CurrentUsers.current()));
  }

  @GetMapping("/api/v1/space/recovery-tasks")
  @Operation(summary = "腾退任务 Offices to recover after a transfer, retirement or the end of a concurrent post")
  List<OfficeRecoveryWatch.RecoveryTask> recoveryTasks(@RequestParam(defaultValue = "true") boolean openOnly) {
    return recovery.tasks(openOnly, CurrentUsers.current());
  }
}
