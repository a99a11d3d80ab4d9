package cn.smartaffairs.reception;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;

/**
 * A reception as its host unit registers it from the 公函: letter number, sending unit, purpose, dates, the guests and
 * the planned working meal(s). Money in fen.
 */
public record NewReception(@Schema(description = "接待单位 (unit id)") Long hostUnitId,
    @Schema(description = "公函文号") String letterNo, @Schema(description = "来函单位") String guestUnit,
    @Schema(description = "公务活动内容") String purpose, LocalDate arrival, LocalDate departure,
    List<GuestLine> guests, List<MealLine> meals) {

  /** A guest named by the letter; grade (职务层次) optional, it sets the room standard. */
  public record GuestLine(String name, String unit, String post, RankGrade grade) {}

  /** A planned meal: date, kind, accompanying diners, price per person in fen. */
  public record MealLine(LocalDate date, MealKind kind, Integer accompanying, Long pricePerPersonFen,
      Boolean inCanteen) {}
}
