package cn.smartaffairs.asset;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** The forms of stock-taking: opening a campaign and one scan. */
final class StockTakeForms {

  private StockTakeForms() {}

  /** 新建盘点: its name and what it covers (a unit, a room, or both). */
  public static class OpenForm implements Serializable {
    @NotBlank
    @Size(max = 100) private String name;
    private Long unitId;
    private Long roomId;

    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Long getUnitId() { return unitId; }
    public void setUnitId(Long unitId) { this.unitId = unitId; }
    public Long getRoomId() { return roomId; }
    public void setRoomId(Long roomId) { this.roomId = roomId; }
  }

  /** 扫码: what the camera read or the number typed, the room being counted and the condition seen. */
  public static class ScanForm implements Serializable {
    @NotBlank
    @Size(max = 300) private String code;
    private Long roomId;
    private StockTakes.Condition condition = StockTakes.Condition.GOOD;

    public String getCode() { return code; }
    public void setCode(String code) { this.code = code; }
    public Long getRoomId() { return roomId; }
    public void setRoomId(Long roomId) { this.roomId = roomId; }
    public StockTakes.Condition getCondition() { return condition; }
    public void setCondition(StockTakes.Condition condition) { this.condition = condition; }
  }
}
