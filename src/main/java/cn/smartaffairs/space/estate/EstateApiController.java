package cn.smartaffairs.space.estate;

import cn.smartaffairs.security.CurrentUsers;
import cn.smartaffairs.space.estate.EstateRecords.Campaign;
import cn.smartaffairs.space.estate.EstateRecords.Finding;
import cn.smartaffairs.space.estate.EstateRecords.NewCampaign;
import cn.smartaffairs.space.estate.EstateRecords.NewFinding;
import cn.smartaffairs.space.estate.EstateRecords.NewRepairProject;
import cn.smartaffairs.space.estate.EstateRecords.RepairProject;
import cn.smartaffairs.space.estate.EstateRecords.RepairStep;
import cn.smartaffairs.workorder.WorkOrder;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** 清理整改与维修项目 API. */
@RestController
@Tag(name = "清理整改与维修项目 Inspections and repair projects")
@SecurityRequirement(name = "bearer")
class EstateApiController {

  private final Inspections inspections;
  private final RepairProjects projects;

  EstateApiController(Inspections inspections, RepairProjects projects) {
    this.inspections = inspections;
    this.projects = projects;
  }

  @GetMapping("/api/v1/space/inspections")
  @Operation(summary = "整改活动 Inspection campaigns with their checklists")
  List<Campaign> campaigns() {
    return inspections.campaigns(CurrentUsers.current());
  }

  @PostMapping("/api/v1/space/inspections")
  @Operation(summary = "新建整改活动 Open a campaign with its own checklist (space managers)")
  ResponseEntity<Campaign> createCampaign(@RequestBody NewCampaign campaign) {
    Campaign created = inspections.createCampaign(campaign, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/space/inspections/" + created.id())).body(created);
  }

  @GetMapping("/api/v1/space/inspections/{id}/findings")
  @Operation(summary = "发现的问题 A campaign's findings (units see their own)")
  List<Finding> findings(@PathVariable long id) {
    return inspections.findings(id, CurrentUsers.current());
  }

  @PostMapping("/api/v1/space/inspections/{id}/findings")
  @Operation(summary = "登记问题 Record a finding (photos are added to it afterwards)")
  ResponseEntity<Finding> addFinding(@PathVariable long id, @RequestBody NewFinding finding) {
    Finding created = inspections.addFinding(new NewFinding(id, finding.unitId(), finding.itemId(), finding.roomId(),
        finding.location(), finding.description(), finding.deadline()), List.of(), CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/space/inspections/findings/" + created.id())).body(created);
  }

  /** What the unit reports it has put right; the version it saw. */
  record Rectification(String note, int expectedVersion) {}

  /** The version of a finding or project the caller saw. */
  record Expected(int expectedVersion) {}

  @PostMapping("/api/v1/space/inspections/findings/{id}/rectification")
  @Operation(summary = "报告已整改 The unit reports the finding rectified; 409 on a stale version")
  Finding rectify(@PathVariable long id, @RequestBody Rectification rectification) {
    return inspections.rectify(id, rectification.note(), rectification.expectedVersion(), CurrentUsers.current());
  }

  @PostMapping("/api/v1/space/inspections/findings/{id}/confirmation")
  @Operation(summary = "确认整改 The space manager confirms the rectification; 409 on a stale version")
  Finding confirm(@PathVariable long id, @RequestBody Expected expected) {
    return inspections.confirm(id, expected.expectedVersion(), CurrentUsers.current());
  }

  /** The work-order category of the repair, e.g. REPAIR_BUILDING. */
  record WorkOrderRequest(String category) {}

  @PostMapping("/api/v1/space/inspections/findings/{id}/work-order")
  @Operation(summary = "转维修工单 Raise a repair work order for the finding, with its photos; 409 if it has one")
  ResponseEntity<WorkOrder> raiseWorkOrder(@PathVariable long id, @RequestBody WorkOrderRequest request) {
    WorkOrder order = inspections.raiseWorkOrder(id, request.category(), CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/work-orders/" + order.id())).body(order);
  }

  @GetMapping("/api/v1/space/repair-projects")
  @Operation(summary = "维修项目 Repair projects of the caller's regions")
  List<RepairProject> projects() {
    return projects.projects(CurrentUsers.current());
  }

  @PostMapping("/api/v1/space/repair-projects")
  @Operation(summary = "新建维修项目 Open a project (大修 MAJOR / 中修 MEDIUM / 日常维修 ROUTINE) at 检查鉴定")
  ResponseEntity<RepairProject> open(@RequestBody NewRepairProject project) {
    RepairProject opened = projects.open(project, CurrentUsers.current());
    return ResponseEntity.created(URI.create("/api/v1/space/repair-projects/" + opened.id())).body(opened);
  }

  @GetMapping("/api/v1/space/repair-projects/{id}")
  @Operation(summary = "维修项目 One project")
  RepairProject project(@PathVariable long id) {
    return projects.project(id, CurrentUsers.current());
  }

  @GetMapping("/api/v1/space/repair-projects/{id}/steps")
  @Operation(summary = "步骤记录 The steps entered, timed, with notes")
  List<RepairStep> steps(@PathVariable long id) {
    return projects.steps(id, CurrentUsers.current());
  }

  /** The step to move to (exactly the next one), the version seen and a note. */
  record StepMove(RepairStage to, int expectedVersion, String note) {}

  @PostMapping("/api/v1/space/repair-projects/{id}/steps")
  @Operation(summary = "推进步骤 Move to the next step: SURVEY → APPROVAL → PLANNING → WORKS → ACCEPTANCE → COMPLETED; "
      + "a skipped step or a stale version answers 409 and changes nothing")
  RepairProject advance(@PathVariable long id, @RequestBody StepMove move) {
    return projects.advance(id, move.to(), move.expectedVersion(), move.note(), CurrentUsers.current());
  }
}
