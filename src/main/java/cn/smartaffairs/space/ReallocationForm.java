package cn.smartaffairs.space;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A room the administration moves to another unit (调剂): as a handover, and under the new unit's agreement. */
public class ReallocationForm extends HandOverForm {

  @NotBlank
  @Size(max = AllocationRules.MAX_AGREEMENT_NO) private String agreementNo;

  public String getAgreementNo() { return agreementNo; }
  public void setAgreementNo(String agreementNo) { this.agreementNo = agreementNo; }
}
