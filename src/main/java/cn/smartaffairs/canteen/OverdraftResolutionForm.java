package cn.smartaffairs.canteen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/**
 * How a flagged offline payment was settled (the row's {@code journalId}, from the address); the overdraft list shows
 * a refused note beside that row's field.
 */
public class OverdraftResolutionForm implements Serializable {

  private Long journalId;
  @NotBlank(message = "{canteen.reasonRequired}")
  @Size(max = 200) private String note;

  public Long getJournalId() { return journalId; }
  public void setJournalId(Long journalId) { this.journalId = journalId; }
  public String getNote() { return note; }
  public void setNote(String note) { this.note = note; }
}
