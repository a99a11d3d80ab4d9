package cn.smartaffairs.reception;

import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 登记公函: the letter as the host unit types it — number, sending unit, purpose, dates, the guests one per line
 * (姓名，单位，职务), and the one working meal if any.
 */
public class ReceptionForm implements Serializable {

  @NotNull private Long hostUnitId;
  @NotBlank
  @Size(max = 60) private String letterNo;
  @NotBlank
  @Size(max = 100) private String guestUnit;
  @NotBlank
  @Size(max = 500) private String purpose;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate arrival;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate departure;
  @NotBlank
  @Size(max = 2000) private String guestLines;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate mealDate;
  private MealKind mealKind;
  @Min(0)
  @Max(100) private Integer accompanying;
  @YuanAmount private String mealPrice;
  private boolean mealInCanteen;

  /**
   * The guests typed one per line, the parts separated by a comma (，or ,), 、 or a tab: name, unit, post and, optionally,
   * the rank grade (职务层次) in words as the grade list names it ({@code gradeNames}), which sets the room standard.
   */
  List<NewReception.GuestLine> guests(Map<String, RankGrade> gradeNames) {
    List<NewReception.GuestLine> guests = new ArrayList<>();
    for (String line : guestLines.split("\\R")) {
      if (line.isBlank()) {
        continue;
      }
      String[] parts = line.strip().split("\\s*[,，、\\t]\\s*");
      if (parts.length != 3 && parts.length != 4) {
        throw new BusinessRuleException("reception.form.guestLine", line.strip());
      }
      RankGrade grade = null;
      if (parts.length == 4) {
        grade = gradeNames.get(parts[3]);
        if (grade == null) {
          throw new BusinessRuleException("reception.form.gradeUnknown", parts[3]);
        }
      }
      guests.add(new NewReception.GuestLine(parts[0], parts[1], parts[2], grade));
    }
    return guests;
  }

  /** The working meal, when a date is given. */
  List<NewReception.MealLine> meals() {
    if (mealDate == null) {
      return List.of();
    }
    return List.of(new NewReception.MealLine(mealDate, mealKind, accompanying,
        mealPrice == null || mealPrice.isBlank() ? null : Money.ofFormYuan(mealPrice).fen(), mealInCanteen));
  }

  NewReception draft(Map<String, RankGrade> gradeNames) {
    return new NewReception(hostUnitId, letterNo, guestUnit, purpose, arrival, departure, guests(gradeNames),
        meals());
  }

  public Long getHostUnitId() { return hostUnitId; }
  public void setHostUnitId(Long hostUnitId) { this.hostUnitId = hostUnitId; }
  public String getLetterNo() { return letterNo; }
  public void setLetterNo(String letterNo) { this.letterNo = letterNo; }
  public String getGuestUnit() { return guestUnit; }
  public void setGuestUnit(String guestUnit) { this.guestUnit = guestUnit; }
  public String getPurpose() { return purpose; }
  public void setPurpose(String purpose) { this.purpose = purpose; }
  public LocalDate getArrival() { return arrival; }
  public void setArrival(LocalDate arrival) { this.arrival = arrival; }
  public LocalDate getDeparture() { return departure; }
  public void setDeparture(LocalDate departure) { this.departure = departure; }
  public String getGuestLines() { return guestLines; }
  public void setGuestLines(String guestLines) { this.guestLines = guestLines; }
  public LocalDate getMealDate() { return mealDate; }
  public void setMealDate(LocalDate mealDate) { this.mealDate = mealDate; }
  public MealKind getMealKind() { return mealKind; }
  public void setMealKind(MealKind mealKind) { this.mealKind = mealKind; }
  public Integer getAccompanying() { return accompanying; }
  public void setAccompanying(Integer accompanying) { this.accompanying = accompanying; }
  public String getMealPrice() { return mealPrice; }
  public void setMealPrice(String mealPrice) { this.mealPrice = mealPrice; }
  public boolean isMealInCanteen() { return mealInCanteen; }
  public void setMealInCanteen(boolean mealInCanteen) { this.mealInCanteen = mealInCanteen; }
}
