package cn.smartaffairs.reception;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A line of the 消费清单 typed from an invoice; the amount in yuan. */
public class ConsumptionForm implements Serializable {

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate spentOn;
  @NotNull private ConsumptionCategory category = ConsumptionCategory.MEAL;
  @NotBlank
  @Size(max = 200) private String item;
  @NotBlank
  @YuanAmount private String amount;
  @Size(max = 60) private String invoiceNo;

  ReceptionDocuments.ConsumptionLine line() {
    return new ReceptionDocuments.ConsumptionLine(spentOn, category, item, Money.ofFormYuan(amount).fen(), invoiceNo);
  }

  public LocalDate getSpentOn() { return spentOn; }
  public void setSpentOn(LocalDate spentOn) { this.spentOn = spentOn; }
  public ConsumptionCategory getCategory() { return category; }
  public void setCategory(ConsumptionCategory category) { this.category = category; }
  public String getItem() { return item; }
  public void setItem(String item) { this.item = item; }
  public String getAmount() { return amount; }
  public void setAmount(String amount) { this.amount = amount; }
  public String getInvoiceNo() { return invoiceNo; }
  public void setInvoiceNo(String invoiceNo) { this.invoiceNo = invoiceNo; }
}
