package cn.smartaffairs.calendar;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A holiday or working day to add or change; national only for a platform administrator. Kept when refused. */
public class CalendarDayForm implements Serializable {

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate day;
  @NotNull private DayKind kind;
  @NotBlank
  @Size(max = 40) private String name;
  private boolean national;

  public LocalDate getDay() { return day; }
  public void setDay(LocalDate day) { this.day = day; }
  public DayKind getKind() { return kind; }
  public void setKind(DayKind kind) { this.kind = kind; }
  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
}
