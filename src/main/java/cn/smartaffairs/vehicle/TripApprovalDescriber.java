package cn.smartaffairs.vehicle;

import cn.smartaffairs.approval.ApprovalSubjectDescriber;
import cn.smartaffairs.approval.ApprovalSubjectSummary;
import cn.smartaffairs.approval.ApprovalSubjectSummary.Line;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the approver of a {@code vehicle.trip} where the car goes: the route by place name, the time, passengers,
 * purpose and category in words, read from this module's own request tables.
 */
@Component
class TripApprovalDescriber implements ApprovalSubjectDescriber {

  private final JdbcClient jdbc;
  private final MessageSource messages;

  TripApprovalDescriber(JdbcClient jdbc, MessageSource messages) {
    this.jdbc = jdbc;
    this.messages = messages;
  }

  @Override
  public String requestType() {
    return VehicleRequests.REQUEST_TYPE;
  }

  @Override
  public String typeName(Locale locale) {
    return text("vehicle.approval.typeName", locale);
  }

  private record Trip(long id, String purpose, int passengers, VehicleCategory category, String origin,
      LocalDateTime start, LocalDateTime end, boolean returnsToOrigin, double plannedKm) {}

  @Override
  public Optional<ApprovalSubjectSummary> describe(long approvalRequestId, Locale locale) {
    return jdbc.sql("""
        select id, purpose, passengers, category, origin_name, starts_at, ends_at, returns_to_origin, planned_km
          from vehicle_request where approval_request_id = :approval""")
        .param("approval", approvalRequestId)
        .query((rs, n) -> new Trip(rs.getLong("id"), rs.getString("purpose"), rs.getInt("passengers"),
            VehicleCategory.valueOf(rs.getString("category")), rs.getString("origin_name"),
            VehicleRequests.local(rs, "starts_at"), VehicleRequests.local(rs, "ends_at"),
            rs.getBoolean("returns_to_origin"), rs.getDouble("planned_km")))
        .optional()
        .map(trip -> summary(trip, locale));
  }

  private ApprovalSubjectSummary summary(Trip trip, Locale locale) {
    List<String> stops = jdbc.sql("select name from vehicle_request_stop where request_id = :id order by position")
        .param("id", trip.id()).query(String.class).list();
    List<String> route = new ArrayList<>();
    route.add(trip.origin());
    route.addAll(stops);
    String routeText = String.join(" → ", route)
        + (trip.returnsToOrigin() ? text("vehicle.approval.returns", locale, trip.origin()) : "");
    List<Line> lines = List.of(
        new Line(text("vehicle.approval.route", locale), routeText),
        new Line(text("vehicle.approval.time", locale), window(trip.start(), trip.end(), locale)),
        new Line(text("vehicle.approval.passengers", locale),
            text("vehicle.approval.passengersValue", locale, trip.passengers())),
        new Line(text("vehicle.approval.purpose", locale), trip.purpose()),
        new Line(text("vehicle.approval.category", locale), text("vehicle.category." + trip.category(), locale)),
        new Line(text("vehicle.approval.plannedKm", locale),
            text("vehicle.approval.plannedKmValue", locale, String.valueOf(trip.plannedKm()))));
    // there is no page of one request for an approver to open: everything to judge it is in the lines
    return new ApprovalSubjectSummary(lines, null, null);
  }

  /** "12月6日 10:00–12:00", or with both days when the trip runs overnight. */
  private String window(LocalDateTime start, LocalDateTime end, Locale locale) {
    DateTimeFormatter day = DateTimeFormatter.ofPattern(text("vehicle.approval.dayPattern", locale), locale);
    DateTimeFormatter time = DateTimeFormatter.ofPattern("HH:mm");
    if (start.toLocalDate().equals(end.toLocalDate())) {
      return text("vehicle.approval.sameDay", locale, day.format(start), time.format(start), time.format(end));
    }
    return text("vehicle.approval.overnight", locale, day.format(start), time.format(start), day.format(end),
        time.format(end));
  }

  private String text(String key, Locale locale, Object... arguments) {
    return messages.getMessage(key, arguments, locale);
  }
}
