package cn.smartaffairs.space;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.validation.Errors;

/**
 * People of the unit holding an office room given it from a day (分配办公室); a leader's second office (兼职第二办公室)
 * names the concurrent post it is for.
 */
public class OfficeForm implements Serializable {

  @NotEmpty(message = "{space.staffRequired}") private ArrayList<Long> staffIds = new ArrayList<>();
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate validFrom;
  private boolean secondOffice;
  @Size(max = 100) private String concurrentPost;

  /** A second office without its concurrent post is refused on that field, beside the box that asked for it. */
  void rejectSecondOfficeWithoutPost(Errors errors) {
    if (secondOffice && SpaceRegister.blank(concurrentPost) && !errors.hasFieldErrors("concurrentPost")) {
      errors.rejectValue("concurrentPost", "space.concurrentPostRequired");
    }
  }

  OfficeAssignments.OfficeRequest toRequest(long roomId) {
    return new OfficeAssignments.OfficeRequest(roomId, staffIds.stream().filter(Objects::nonNull).toList(), validFrom,
        secondOffice, concurrentPost);
  }

  public List<Long> getStaffIds() { return staffIds; }
  public void setStaffIds(List<Long> staffIds) {
    this.staffIds = staffIds == null ? new ArrayList<>() : new ArrayList<>(staffIds);
  }
  public LocalDate getValidFrom() { return validFrom; }
  public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
  public boolean isSecondOffice() { return secondOffice; }
  public void setSecondOffice(boolean secondOffice) { this.secondOffice = secondOffice; }
  public String getConcurrentPost() { return concurrentPost; }
  public void setConcurrentPost(String concurrentPost) { this.concurrentPost = concurrentPost; }
}
