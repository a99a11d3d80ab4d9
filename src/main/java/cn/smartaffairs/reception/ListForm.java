package cn.smartaffairs.reception;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** What the responsible person fills in on the 接待清单: activity, place, their name. */
public class ListForm implements Serializable {

  @NotBlank
  @Size(max = 500) private String activity;
  @NotBlank
  @Size(max = 200) private String place;
  @NotBlank
  @Size(max = 50) private String signedBy;

  ReceptionDocuments.ListDraft draft() {
    return new ReceptionDocuments.ListDraft(activity, place, signedBy);
  }

  public String getActivity() { return activity; }
  public void setActivity(String activity) { this.activity = activity; }
  public String getPlace() { return place; }
  public void setPlace(String place) { this.place = place; }
  public String getSignedBy() { return signedBy; }
  public void setSignedBy(String signedBy) { this.signedBy = signedBy; }
}
