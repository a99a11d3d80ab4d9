package cn.smartaffairs.workorder;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** Who takes a category's orders in office hours, in one building or all; kept in the session when refused. */
public class DispatchRuleForm implements Serializable {

  @NotBlank private String category;
  @Size(max = 100) private String building;
  @NotNull private Long userId;

  public String getCategory() { return category; }
  public void setCategory(String category) { this.category = category; }
  public String getBuilding() { return building; }
  public void setBuilding(String building) { this.building = building; }
  public Long getUserId() { return userId; }
  public void setUserId(Long userId) { this.userId = userId; }
}
