package cn.smartaffairs.space;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.Serializable;

/** A handover received under the receiving unit's new agreement (接收); one per pending row of the transfers list. */
public class ReceiveForm implements Serializable {

  @NotBlank
  @Size(max = AllocationRules.MAX_AGREEMENT_NO) private String agreementNo;
  private Long row;

  /** The form of one row: its transfer's id (set by the controller, never by the request). */
  ReceiveForm ofRow(long id) {
    this.row = id;
    return this;
  }

  public Long getRow() { return row; }
  public String getAgreementNo() { return agreementNo; }
  public void setAgreementNo(String agreementNo) { this.agreementNo = agreementNo; }
}
