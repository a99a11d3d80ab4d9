package cn.smartaffairs.space;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A floor to add to a building: its level (below ground negative, never 0) and, if not "3层", its name. */
public class FloorForm implements Serializable {

  @NotNull
  @Min(value = -10, message = "{space.floorLevelInvalid}")
  @Max(value = 200, message = "{space.floorLevelInvalid}") private Integer level;
  @Size(max = 20) private String name;

  public Integer getLevel() { return level; }
  public void setLevel(Integer level) { this.level = level; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
}
