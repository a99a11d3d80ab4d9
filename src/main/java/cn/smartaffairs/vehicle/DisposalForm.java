package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;

/** 处置登记: when and how a vehicle leaves the fleet, why, and what it brought in yuan (none unless typed). */
public class DisposalForm implements Serializable {

  /** The ways a vehicle leaves the fleet: 拍卖, 报废, 调剂. */
  static final List<String> METHODS = List.of("AUCTION", "SCRAP", "TRANSFER");

  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate disposedOn;
  @NotBlank
  @Pattern(regexp = "AUCTION|SCRAP|TRANSFER", message = "{vehicle.disposalMethodInvalid}") private String method = "AUCTION";
  @NotBlank
  @Size(max = 300) private String reason;
  @YuanAmount(rounded = true) private String proceedsYuan;

  /** The proceeds in fen; nothing typed is none. */
  long proceedsFen() {
    Money proceeds = Money.ofFormYuanRounded(proceedsYuan);
    return proceeds == null ? 0 : proceeds.fen();
  }

  public LocalDate getDisposedOn() { return disposedOn; }
  public void setDisposedOn(LocalDate disposedOn) { this.disposedOn = disposedOn; }
  public String getMethod() { return method; }
  public void setMethod(String method) { this.method = method; }
  public String getReason() { return reason; }
  public void setReason(String reason) { this.reason = reason; }
  public String getProceedsYuan() { return proceedsYuan; }
  public void setProceedsYuan(String proceedsYuan) { this.proceedsYuan = proceedsYuan; }
}
