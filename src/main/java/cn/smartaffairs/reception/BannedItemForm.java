package cn.smartaffairs.reception;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/** A word banned from consumption lists from a day on, or a ban lifted ({@code banned} unticked). */
public class BannedItemForm implements Serializable {

  @NotBlank
  @Size(max = 40) private String word;
  private boolean banned = true;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate effectiveFrom;
  private boolean national;

  public String getWord() { return word; }
  public void setWord(String word) { this.word = word; }
  public boolean isBanned() { return banned; }
  public void setBanned(boolean banned) { this.banned = banned; }
  public LocalDate getEffectiveFrom() { return effectiveFrom; }
  public void setEffectiveFrom(LocalDate effectiveFrom) { this.effectiveFrom = effectiveFrom; }
  public boolean isNational() { return national; }
  public void setNational(boolean national) { this.national = national; }
}
