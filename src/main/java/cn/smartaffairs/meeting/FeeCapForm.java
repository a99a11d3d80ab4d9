package cn.smartaffairs.meeting;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of 会议费开支标准: a meeting class's cap per person and day, typed in yuan, from a day on. */
public class FeeCapForm implements Serializable {

  @NotNull
  @Min(value = 1, message = "{meeting.classInvalid}")
  @Max(value = 4, message = "{meeting.classInvalid}") private Integer meetingClass;
  @NotBlank
  @YuanAmount private String yuanPerPersonDay;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;

  /** The cap in fen; the rules refuse one that is not above zero. */
  long fenPerPersonDay() {
    return Money.ofFormYuan(yuanPerPersonDay).fen();
  }

  public Integer getMeetingClass() { return meetingClass; }
  public void setMeetingClass(Integer meetingClass) { this.meetingClass = meetingClass; }
  public String getYuanPerPersonDay() { return yuanPerPersonDay; }
  public void setYuanPerPersonDay(String yuanPerPersonDay) { this.yuanPerPersonDay = yuanPerPersonDay; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
}
