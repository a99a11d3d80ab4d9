package cn.smartaffairs.organisation;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A new department (内设机构) of a unit, under another or at the top; kept in the session when refused. */
public class DepartmentForm implements Serializable {

  @NotBlank(message = "{department.nameRequired}")
  @Size(max = 100, message = "{department.nameRequired}") private String name;
  private Long parentId;

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public Long getParentId() { return parentId; }
  public void setParentId(Long parentId) { this.parentId = parentId; }
}
