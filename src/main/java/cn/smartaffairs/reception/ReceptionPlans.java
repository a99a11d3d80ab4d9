package cn.smartaffairs.reception;

import cn.smartaffairs.audit.AuditEntry;
import cn.smartaffairs.audit.AuditTrail;
import cn.smartaffairs.meeting.MeetingBooking;
import cn.smartaffairs.meeting.MeetingRooms;
import cn.smartaffairs.meeting.NewBooking;
import cn.smartaffairs.platform.BusinessRuleException;
import cn.smartaffairs.platform.ConflictException;
import cn.smartaffairs.platform.PlatformConfiguration;
import cn.smartaffairs.vehicle.NewTripRequest;
import cn.smartaffairs.vehicle.VehicleCategory;
import cn.smartaffairs.vehicle.VehicleRequests;
import java.time.LocalDateTime;
import cn.smartaffairs.reception.NewReception.MealLine;
import cn.smartaffairs.security.CurrentUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 接待方案: the meals and rooms of a reception while its letter is registered (or its approval was refused), each
 * change checked against the rules in force on the arrival day and the estimate recomputed.
 */
@Service
public class ReceptionPlans {

  private final JdbcClient jdbc;
  private final AuditTrail audit;
  private final Receptions receptions;
  private final ReceptionRuleTables rules;
  private final VehicleRequests vehicleRequests;
  private final MeetingRooms meetingRooms;

  ReceptionPlans(JdbcClient jdbc, AuditTrail audit, Receptions receptions, ReceptionRuleTables rules,
      VehicleRequests vehicleRequests, MeetingRooms meetingRooms) {
    this.jdbc = jdbc;
    this.audit = audit;
    this.receptions = receptions;
    this.rules = rules;
    this.vehicleRequests = vehicleRequests;
    this.meetingRooms = meetingRooms;
  }

  /** A car for the guests: from a named place to another and back, in a window (Beijing time). */
  public record VehicleLine(Long originPlaceId, Long destinationPlaceId, LocalDateTime start, LocalDateTime end,
      Integer passengers) {}

  /** A meeting room for the visit's talks, in a window (Beijing time). */
  public record RoomLine(Long roomId, LocalDateTime start, LocalDateTime end, Integer attendees) {}

  /**
   * Creates the visit's vehicle request in the vehicle module (through {@link VehicleRequests}, which sends it to its
   * own approval) and records it on the reception; one per reception.
   */
  @Transactional
  public Reception requestVehicle(long id, VehicleLine line, Integer expectedVersion, CurrentUser by) {
    Reception reception = editable(id, expectedVersion, by);
    if (reception.vehicleRequestId() != null) {
      throw new ConflictException("reception.vehicleAlready");
    }
    if (line == null || line.originPlaceId() == null || line.destinationPlaceId() == null) {
      throw new BusinessRuleException("reception.vehicleIncomplete");
    }
    String purpose = "公务接待：" + reception.guestUnit() + " " + reception.letterNo();
    long requestId = vehicleRequests.submit(new NewTripRequest(purpose.length() > 200
        ? purpose.substring(0, 200)
        : purpose, line.passengers() == null ? reception.guests().size() : line.passengers(), VehicleCategory.OTHER,
        line.originPlaceId(), null, List.of(line.destinationPlaceId()), null, line.start(), line.end(), true), by);
    link(reception, "vehicle", requestId);
    return saved(id);
  }

  /** Books a meeting room in the meeting module (through {@link MeetingRooms}) and records it; one per reception. */
  @Transactional
  public Reception bookRoom(long id, RoomLine line, Integer expectedVersion, CurrentUser by) {
    Reception reception = editable(id, expectedVersion, by);
    if (reception.meetingBookingId() != null) {
      throw new ConflictException("reception.roomAlready");
    }
    if (line == null || line.roomId() == null || line.start() == null || line.end() == null) {
      throw new BusinessRuleException("reception.roomIncomplete");
    }
    String subject = "公务接待：" + reception.guestUnit();
    MeetingBooking booking = meetingRooms.book(new NewBooking(line.roomId(),
        line.start().atZone(PlatformConfiguration.ZONE).toOffsetDateTime(),
        line.end().atZone(PlatformConfiguration.ZONE).toOffsetDateTime(),
        subject.length() > 100 ? subject.substring(0, 100) : subject,
        line.attendees() == null ? reception.guests().size() + 3 : line.attendees(), null), by);
    link(reception, "meeting", booking.id());
    return saved(id);
  }

  /** A guest's room at a designated hotel. */
  public record StayLine(Long guestId, Long hotelId, RoomKind roomKind, Integer nights, Long pricePerNightFen) {}

  /** Replaces the planned meals. */
  @Transactional
  public Reception replaceMeals(long id, List<MealLine> meals, Integer expectedVersion, CurrentUser by) {
    Reception reception = editable(id, expectedVersion, by);
    List<ReceptionRules.Meal> planned = Receptions.meals(meals);
    ReceptionRules.checkMeals(planned, reception.guests().size(), reception.arrival(), reception.departure(),
        rules.inForce(reception.regionId(), reception.arrival()));
    jdbc.sql("delete from reception_meal where reception_id = :id").param("id", id).update();
    receptions.insertMeals(id, meals);
    audit.record(AuditEntry.updated("reception_meal", id, reception.regionId(),
        Map.of("meals", reception.meals().size()), Map.of("meals", planned.size())));
    return saved(id);
  }

  /** Adds (or replaces) a guest's room: a designated hotel, a room the guest's grade allows, within the standard. */
  @Transactional
  public Reception setStay(long id, StayLine line, Integer expectedVersion, CurrentUser by) {
    Reception reception = editable(id, expectedVersion, by);
    if (line == null || line.guestId() == null || line.hotelId() == null || line.nights() == null
        || line.pricePerNightFen() == null) {
      throw new BusinessRuleException("reception.rule.stayIncomplete");
    }
    Reception.Guest guest = reception.guests().stream().filter(g -> g.id() == line.guestId()).findFirst()
        .orElseThrow(() -> new BusinessRuleException("reception.guestUnknown"));
    if (!rules.isDesignated(line.hotelId(), reception.regionId())) {
      throw new BusinessRuleException("reception.rule.hotelNotDesignated");
    }
    ReceptionRules.checkStay(new ReceptionRules.Stay(guest.grade(), line.roomKind(), line.nights(),
        line.pricePerNightFen()), reception.arrival(), reception.departure(),
        rules.inForce(reception.regionId(), reception.arrival()));
    jdbc.sql("delete from reception_stay where guest_id = :guest").param("guest", guest.id()).update();
    long stayId = jdbc.sql("""
        insert into reception_stay (reception_id, guest_id, hotel_id, room_kind, nights, price_per_night_fen)
        values (:reception, :guest, :hotel, :kind, :nights, :price) returning id""")
        .param("reception", id).param("guest", guest.id()).param("hotel", line.hotelId())
        .param("kind", line.roomKind().name()).param("nights", line.nights()).param("price", line.pricePerNightFen())
        .query(Long.class).single();
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("receptionId", id);
    after.put("guest", guest.name());
    after.put("hotelId", line.hotelId());
    after.put("roomKind", line.roomKind().name());
    after.put("nights", line.nights());
    after.put("pricePerNightFen", line.pricePerNightFen());
    audit.record(AuditEntry.created("reception_stay", stayId, reception.regionId(), after));
    return saved(id);
  }

  /** Removes a guest's room from the plan. */
  @Transactional
  public Reception removeStay(long id, long stayId, Integer expectedVersion, CurrentUser by) {
    Reception reception = editable(id, expectedVersion, by);
    int removed = jdbc.sql("delete from reception_stay where id = :stay and reception_id = :id")
        .param("stay", stayId).param("id", id).update();
    if (removed > 0) {
      audit.record(AuditEntry.deleted("reception_stay", stayId, reception.regionId(), Map.of("receptionId", id)));
    }
    return saved(id);
  }

  /** Records the vehicle request or room booking the plan made in another module. */
  private void link(Reception reception, String kind, long otherId) {
    if ("vehicle".equals(kind)) {
      jdbc.sql("update reception set vehicle_request_id = :other where id = :id").param("other", otherId)
          .param("id", reception.id()).update();
    } else {
      jdbc.sql("update reception set meeting_booking_id = :other where id = :id").param("other", otherId)
          .param("id", reception.id()).update();
    }
    audit.record(AuditEntry.updated("reception", reception.id(), reception.regionId(), Map.of(),
        Map.of(kind + "Id", otherId)));
  }

  private Reception editable(long id, Integer expectedVersion, CurrentUser by) {
    Reception reception = receptions.lockForChange(id, expectedVersion, by);
    reception.status().after(ReceptionStatus.Move.EDIT_PLAN);
    return reception;
  }

  /** Recomputes the estimate, bumps the version and answers the reception as it now is. */
  private Reception saved(long id) {
    Reception now = receptions.load(id);
    long estimate = ReceptionRules.estimatedCostFen(now.guests().size(), now.plannedMeals(), now.stays().stream()
        .map(s -> new ReceptionRules.Stay(null, s.roomKind(), s.nights(), s.pricePerNightFen())).toList());
    jdbc.sql("update reception set estimated_cost_fen = :estimate, version = version + 1 where id = :id")
        .param("estimate", estimate).param("id", id).update();
    return receptions.load(id);
  }
}
