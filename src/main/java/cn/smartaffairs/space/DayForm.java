package cn.smartaffairs.space;

import jakarta.validation.constraints.NotNull;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The day a room's or an office's end takes effect (退还, 腾退, 收回, 兼职结束). Several rows of a table may each offer
 * one; a refused form remembers its row (not a request field: the controller sets it from the address), so the page
 * shows the message on that row only.
 */
public class DayForm implements Serializable {

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate on;
  private Long row;

  static DayForm of(LocalDate day) {
    DayForm form = new DayForm();
    form.setOn(day);
    return form;
  }

  /** The form of one row: its id. */
  DayForm ofRow(long id) {
    this.row = id;
    return this;
  }

  public Long getRow() { return row; }
  public LocalDate getOn() { return on; }
  public void setOn(LocalDate on) { this.on = on; }
}
