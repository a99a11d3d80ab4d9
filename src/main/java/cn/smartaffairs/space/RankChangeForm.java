package cn.smartaffairs.space;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A person's new rank from a day (职级变动), which the area check reads from that day on. */
public class RankChangeForm implements Serializable {

  @NotNull private Long staffId;
  @NotBlank
  @Size(max = 30) private String rankCode;
  @NotNull(message = "{space.rankDateRequired}")
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;

  public Long getStaffId() { return staffId; }
  public void setStaffId(Long staffId) { this.staffId = staffId; }
  public String getRankCode() { return rankCode; }
  public void setRankCode(String rankCode) { this.rankCode = rankCode; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
}
