package cn.smartaffairs.space.estate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** A new inspection campaign (检查活动) with its checklist typed one item a line; kept in the session when refused. */
public class CampaignForm implements Serializable {

  @NotBlank
  @Size(max = 100) private String title;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate startsOn;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate endsOn;
  @NotBlank private String items;

  EstateRecords.NewCampaign toNewCampaign() {
    List<String> lines = Arrays.stream(items.split("\\R")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    return new EstateRecords.NewCampaign(title, startsOn, endsOn, lines);
  }

  public String getTitle() { return title; }
  public void setTitle(String title) { this.title = title; }
  public LocalDate getStartsOn() { return startsOn; }
  public void setStartsOn(LocalDate startsOn) { this.startsOn = startsOn; }
  public LocalDate getEndsOn() { return endsOn; }
  public void setEndsOn(LocalDate endsOn) { this.endsOn = endsOn; }
  public String getItems() { return items; }
  public void setItems(String items) { this.items = items; }
}
