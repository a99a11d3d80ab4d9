package cn.smartaffairs.canteen.kitchen;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 留样 of one dish of the day's menu (a row of the samples page): its weight, who took it and where it is kept. The
 * page's canteen and day travel with it, so a refused sample comes back to its own row.
 */
public class SampleForm implements Serializable {

  @NotNull private Long siteId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
  @NotNull private Long menuItemId;
  @NotNull
  @Min(value = 1, message = "{canteen.kitchen.gramsInvalid}") private Integer weightGrams;
  @NotBlank(message = "{canteen.kitchen.sampleTakerRequired}")
  @Size(max = 100) private String takenBy;
  @Size(max = 100) private String storage;

  public Long getSiteId() { return siteId; }
  public void setSiteId(Long siteId) { this.siteId = siteId; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public Long getMenuItemId() { return menuItemId; }
  public void setMenuItemId(Long menuItemId) { this.menuItemId = menuItemId; }
  public Integer getWeightGrams() { return weightGrams; }
  public void setWeightGrams(Integer weightGrams) { this.weightGrams = weightGrams; }
  public String getTakenBy() { return takenBy; }
  public void setTakenBy(String takenBy) { this.takenBy = takenBy; }
  public String getStorage() { return storage; }
  public void setStorage(String storage) { this.storage = storage; }
}
