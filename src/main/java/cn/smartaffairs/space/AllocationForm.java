package cn.smartaffairs.space;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** A vacant room allocated to a unit under a new agreement (分配使用): the unit, the agreement's number and term. */
public class AllocationForm implements Serializable {

  @NotNull(message = "{space.unitRequired}") private Long unitId;
  @NotBlank
  @Size(max = AllocationRules.MAX_AGREEMENT_NO) private String agreementNo;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate termFrom;
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate termTo;

  SpaceAllocations.AllocationRequest toRequest(long roomId) {
    return new SpaceAllocations.AllocationRequest(unitId, agreementNo, termFrom, termTo, List.of(roomId));
  }

  public Long getUnitId() { return unitId; }
  public void setUnitId(Long unitId) { this.unitId = unitId; }
  public String getAgreementNo() { return agreementNo; }
  public void setAgreementNo(String agreementNo) { this.agreementNo = agreementNo; }
  public LocalDate getTermFrom() { return termFrom; }
  public void setTermFrom(LocalDate termFrom) { this.termFrom = termFrom; }
  public LocalDate getTermTo() { return termTo; }
  public void setTermTo(LocalDate termTo) { this.termTo = termTo; }
}
