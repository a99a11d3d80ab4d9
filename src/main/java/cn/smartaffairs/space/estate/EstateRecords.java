package cn.smartaffairs.space.estate;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** The records of inspections (清理整改) and repair projects (维修项目) as pages and the API show them. */
public final class EstateRecords {

  private EstateRecords() {}

  /** 清理整改 campaign with its checklist and counts of findings. */
  public record Campaign(long id, long regionId, String title, LocalDate startsOn, LocalDate endsOn,
      CampaignStatus status, List<ChecklistItem> items, int findings, int openFindings) {}

  public record ChecklistItem(long id, int sortOrder, String text) {}

  public record NewCampaign(String title, LocalDate startsOn, LocalDate endsOn, List<String> items) {}

  /** One unit's answer to one checklist item. */
  public record CheckAnswer(long unitId, String unitName, long itemId, CheckResult result, String checkedBy) {}

  /** 问题: something found in a unit's space, to be put right by a deadline. */
  public record Finding(long id, long campaignId, String campaignTitle, long regionId, long unitId, String unitName,
      Long itemId, Long roomId, String location, String description, LocalDate deadline,
      FindingStatus status, Long workOrderId, String rectifiedNote, String rectifiedBy,
      Instant rectifiedAt, String confirmedBy, Instant confirmedAt, int version, int photos) {
    public boolean overdueOn(LocalDate today) {
      return status == FindingStatus.OPEN && deadline.isBefore(today);
    }
  }

  public record NewFinding(long campaignId, long unitId, Long itemId, Long roomId, String location,
      String description, LocalDate deadline) {}

  public record Photo(long id, String contentType, String fileName, int sizeBytes, String uploadedBy,
      Instant uploadedAt) {}

  public record FileContent(String contentType, String fileName, byte[] data) {}

  /** 维修项目. */
  public record RepairProject(long id, long regionId, String projectNo, String title, RepairClass repairClass,
      long buildingId, String buildingName, Long roomId, String roomNumber, String location,
      Long budgetFen, RepairStage stage, Instant stageEnteredAt, String createdBy,
      Instant createdAt, int version) {}

  public record NewRepairProject(String title, RepairClass repairClass, long buildingId, Long roomId, String location,
      Long budgetFen, String note) {}

  /** A step entered, with who moved it, when, and the note. */
  public record RepairStep(RepairStage fromStage, RepairStage toStage, String actor, Instant occurredAt, String note) {}

  public record Attachment(long id, RepairStage stage, String contentType, String fileName, int sizeBytes,
      String uploadedBy, Instant uploadedAt) {}
}
