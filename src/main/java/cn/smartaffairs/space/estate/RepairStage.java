package cn.smartaffairs.space.estate;

import java.util.Optional;

/**
 * The steps of a repair project (《党政机关办公用房管理办法》): 检查鉴定 → 项目确立 → 计划安排 → 实施 → 竣工验收, then
 * closed. A project moves only to the next step; none is skipped and none is repeated.
 */
public enum RepairStage {
  SURVEY("检查鉴定"), APPROVAL("项目确立"), PLANNING("计划安排"), WORKS("实施"), ACCEPTANCE("竣工验收"), COMPLETED("已完成");

  private final String label;

  RepairStage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The step that follows this one; empty once the project is completed. */
  public Optional<RepairStage> next() {
    return this == COMPLETED ? Optional.empty() : Optional.of(values()[ordinal() + 1]);
  }

  public boolean mayMoveTo(RepairStage target) {
    return next().filter(target::equals).isPresent();
  }
}
