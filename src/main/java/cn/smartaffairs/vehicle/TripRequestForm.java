package cn.smartaffairs.vehicle;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * 申请用车 as the page binds it: purpose, party, category, the origin and up to {@link #STOPS} destinations among the
 * region's named places ({@code stopPlaceIds}, repeated, one value per destination row, an empty one none: the
 * page writes those selects itself, since indexed names would not bind to a list of numbers), the day
 * and the window. The route, the window and the seats are the domain's rules ({@link NewTripRequest}).
 */
public class TripRequestForm implements Serializable {

  /** Destinations the form offers. */
  static final int STOPS = 3;

  @NotBlank
  @Size(max = 200) private String purpose;
  @NotNull
  @Min(1)
  @Max(59) private Integer passengers = 1;
  @NotNull private VehicleCategory category = VehicleCategory.OTHER;
  @NotNull private Long originPlaceId;
  private List<Long> stopPlaceIds = new ArrayList<>();
  @NotNull
  @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) private LocalDate date;
  @NotNull
  @DateTimeFormat(pattern = "HH:mm") private LocalTime from = LocalTime.of(9, 0);
  @NotNull
  @DateTimeFormat(pattern = "HH:mm") private LocalTime to = LocalTime.of(12, 0);
  private boolean returnsToOrigin = true;

  NewTripRequest toNewTripRequest() {
    return new NewTripRequest(purpose, passengers, category, originPlaceId, null, chosenStops(), null,
        date.atTime(from), date.atTime(to), returnsToOrigin);
  }

  /** The destinations chosen, in order; the rows left empty are none. */
  List<Long> chosenStops() {
    return stopPlaceIds == null ? List.of() : stopPlaceIds.stream().filter(Objects::nonNull).toList();
  }

  /** The place of the page's destination row {@code index} (from 0); null when none was chosen there. */
  public Long stopAt(int index) {
    return stopPlaceIds != null && index < stopPlaceIds.size() ? stopPlaceIds.get(index) : null;
  }

  public String getPurpose() { return purpose; }
  public void setPurpose(String purpose) { this.purpose = purpose; }
  public Integer getPassengers() { return passengers; }
  public void setPassengers(Integer passengers) { this.passengers = passengers; }
  public VehicleCategory getCategory() { return category; }
  public void setCategory(VehicleCategory category) { this.category = category; }
  public Long getOriginPlaceId() { return originPlaceId; }
  public void setOriginPlaceId(Long originPlaceId) { this.originPlaceId = originPlaceId; }
  public List<Long> getStopPlaceIds() { return stopPlaceIds; }
  public void setStopPlaceIds(List<Long> stopPlaceIds) {
    this.stopPlaceIds = stopPlaceIds == null ? new ArrayList<>() : new ArrayList<>(stopPlaceIds);
  }
  public LocalDate getDate() { return date; }
  public void setDate(LocalDate date) { this.date = date; }
  public LocalTime getFrom() { return from; }
  public void setFrom(LocalTime from) { this.from = from; }
  public LocalTime getTo() { return to; }
  public void setTo(LocalTime to) { this.to = to; }
  public boolean isReturnsToOrigin() { return returnsToOrigin; }
  public void setReturnsToOrigin(boolean returnsToOrigin) { this.returnsToOrigin = returnsToOrigin; }
}
