package cn.smartaffairs.canteen.kitchen;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * A diner's rating of one dish already served: a score of 1 to 5 and a comment if they like. The week's canteen and
 * day travel with it, so a refused rating comes back to its own dish.
 */
public class RatingForm implements Serializable {

  @NotNull private Long siteId;
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
  @NotNull private Long menuItemId;
  @NotNull(message = "{canteen.kitchen.scoreInvalid}")
  @Min(value = 1, message = "{canteen.kitchen.scoreInvalid}")
  @Max(value = 5, message = "{canteen.kitchen.scoreInvalid}") private Integer score;
  @Size(max = 500, message = "{canteen.kitchen.commentTooLong}") private String comment;

  public Long getSiteId() { return siteId; }
  public void setSiteId(Long siteId) { this.siteId = siteId; }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public Long getMenuItemId() { return menuItemId; }
  public void setMenuItemId(Long menuItemId) { this.menuItemId = menuItemId; }
  public Integer getScore() { return score; }
  public void setScore(Integer score) { this.score = score; }
  public String getComment() { return comment; }
  public void setComment(String comment) { this.comment = comment; }
}
