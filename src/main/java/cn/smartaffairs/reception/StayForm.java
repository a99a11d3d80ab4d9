package cn.smartaffairs.reception;

import cn.smartaffairs.platform.YuanAmount;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.io.Serializable;

/** A guest's room in the plan: guest, designated hotel, room, nights, price per night in yuan. */
public class StayForm implements Serializable {

  @NotNull private Long guestId;
  @NotNull private Long hotelId;
  @NotNull private RoomKind roomKind = RoomKind.STANDARD;
  @NotNull
  @Min(1)
  @Max(60) private Integer nights;
  @NotBlank
  @YuanAmount private String pricePerNight;

  ReceptionPlans.StayLine line() {
    return new ReceptionPlans.StayLine(guestId, hotelId, roomKind, nights,
        cn.smartaffairs.platform.Money.ofFormYuan(pricePerNight).fen());
  }

  public Long getGuestId() { return guestId; }
  public void setGuestId(Long guestId) { this.guestId = guestId; }
  public Long getHotelId() { return hotelId; }
  public void setHotelId(Long hotelId) { this.hotelId = hotelId; }
  public RoomKind getRoomKind() { return roomKind; }
  public void setRoomKind(RoomKind roomKind) { this.roomKind = roomKind; }
  public Integer getNights() { return nights; }
  public void setNights(Integer nights) { this.nights = nights; }
  public String getPricePerNight() { return pricePerNight; }
  public void setPricePerNight(String pricePerNight) { this.pricePerNight = pricePerNight; }
}
