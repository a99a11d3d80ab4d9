package cn.smartaffairs.space.estate;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A new repair project (维修项目) of a building, its budget typed in yuan; kept in the session when refused. */
public class RepairProjectForm implements Serializable {

  @NotBlank
  @Size(max = 200) private String title;
  @NotNull private RepairClass repairClass;
  @NotNull private Long buildingId;
  @Size(max = 200) private String location;
  @YuanAmount(rounded = true) private String budget;
  @Size(max = 1000) private String note;

  EstateRecords.NewRepairProject toNewProject() {
    Money money = Money.ofFormYuanRounded(budget);
    return new EstateRecords.NewRepairProject(title, repairClass, buildingId, null, location,
        money == null ? null : money.fen(), note);
  }

  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public RepairClass getRepairClass() { return repairClass; }
  public void setRepairClass(RepairClass repairClass) { this.repairClass = repairClass; }
  public Long getBuildingId() { return buildingId; }
  public void setBuildingId(Long buildingId) { this.buildingId = buildingId; }
  public String getLocation() { return location; }
  public void setLocation(String location) { this.location = location; }
  public String getBudget() { return budget; }
  public void setBudget(String budget) { this.budget = budget; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
}
