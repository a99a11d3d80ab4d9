package cn.smartaffairs.space.rental;

import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A lease to sign (租赁合同): what, to whom, from when, how long, and the yearly rent typed in yuan. */
public class LeaseForm implements Serializable {

  @NotNull private Long lettableId;
  @NotNull private Long tenantId;
  @NotBlank
  @Size(max = 40) private String contractNo;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate startDate;
  @NotNull
  @Min(1) private Integer termMonths;
  @NotNull private RentFrequency frequency;
  @NotBlank
  @YuanAmount private String annualRent;
  @DecimalMin("0")
  @DecimalMax("100") private BigDecimal yearlyIncreasePercent;

  RentalRecords.NewLease toNewLease() {
    return new RentalRecords.NewLease(lettableId, tenantId, contractNo, startDate, termMonths, frequency,
        Yuan.toFen(annualRent), yearlyIncreasePercent);
  }

  public Long getLettableId() { return lettableId; }
  public void setLettableId(Long lettableId) { this.lettableId = lettableId; }
  public Long getTenantId() { return tenantId; }
  public void setTenantId(Long tenantId) { this.tenantId = tenantId; }
  public String getContractNo() { return contractNo; }
  public void setContractNo(String contractNo) { this.contractNo = contractNo; }
  public LocalDate getStartDate() { return startDate; }
  public void setStartDate(LocalDate startDate) { this.startDate = startDate; }
  public Integer getTermMonths() { return termMonths; }
  public void setTermMonths(Integer termMonths) { this.termMonths = termMonths; }
  public RentFrequency getFrequency() { return frequency; }
  public void setFrequency(RentFrequency frequency) { this.frequency = frequency; }
  public String getAnnualRent() { return annualRent; }
  public void setAnnualRent(String annualRent) { this.annualRent = annualRent; }
  public BigDecimal getYearlyIncreasePercent() { return yearlyIncreasePercent; }
  public void setYearlyIncreasePercent(BigDecimal yearlyIncreasePercent) {
    this.yearlyIncreasePercent = yearlyIncreasePercent;
  }
}
