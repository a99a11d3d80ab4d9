package cn.smartaffairs.reception;

import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A new version of a rank grade's room standard: which room, at most what price per night. */
public class RoomStandardForm implements Serializable {

  @NotNull private RankGrade grade;
  @NotNull private RoomKind roomKind;
  @NotBlank
  @YuanAmount private String priceCap;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  @Size(max = 200) private String source;
  private boolean national;

  public RankGrade getGrade() { return grade; }
  public void setGrade(RankGrade grade) { this.grade = grade; }
  public RoomKind getRoomKind() { return roomKind; }
  public void setRoomKind(RoomKind roomKind) { this.roomKind = roomKind; }
  public String getPriceCap() { return priceCap; }
  public void setPriceCap(String priceCap) { this.priceCap = priceCap; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public String getSource() { return source; }
  public void setSource(String source) { this.source = source; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
}
