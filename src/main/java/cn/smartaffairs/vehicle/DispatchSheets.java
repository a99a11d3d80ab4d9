package cn.smartaffairs.vehicle;

import cn.smartaffairs.platform.Money;
import cn.smartaffairs.printing.PdfPrinter;
import cn.smartaffairs.printing.PrintableForm;
import cn.smartaffairs.security.CurrentUser;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * 派车单: the sheet the driver carries, as an A4 PDF. Its QR code holds the standard fields as text, so an
 * inspector's phone reads unit, user, purpose, route, times, odometer readings, tolls, driver and vehicle offline.
 */
@Component
public class DispatchSheets {

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final Dispatching dispatching;
  private final VehicleRequests requests;
  private final Fleet fleet;
  private final Trips trips;
  private final PdfPrinter printer;
  private final JdbcClient jdbc;

  DispatchSheets(Dispatching dispatching, VehicleRequests requests, Fleet fleet, Trips trips, PdfPrinter printer,
      JdbcClient jdbc) {
    this.jdbc = jdbc;
    this.dispatching = dispatching;
    this.requests = requests;
    this.fleet = fleet;
    this.trips = trips;
    this.printer = printer;
  }

  /**
   * A sheet as the GPS audit matches a vehicle's movements against it: the approved window and the places of the
   * route in order (origin, stops, and the origin again when the trip returns to it).
   */
  public record SheetWindow(long dispatchId, String sheetNo, LocalDateTime start, LocalDateTime end,
      List<TripRequest.Stop> route) {}

  /** The sheets of a vehicle's active dispatches whose window touches [from, to), by start; two queries. */
  public List<SheetWindow> ofVehicle(long vehicleId, LocalDateTime from, LocalDateTime to) {
    record Row(long dispatchId, String sheetNo, long requestId, LocalDateTime start, LocalDateTime end,
        TripRequest.Stop origin, boolean returns) {}
    List<Row> rows = jdbc.sql("""
        select d.id, d.sheet_no, r.id as request_id, r.starts_at, r.ends_at, r.origin_name, r.origin_lat, r.origin_lon,
               r.returns_to_origin
          from vehicle_dispatch d join vehicle_request r on r.id = d.request_id
         where d.vehicle_id = :vehicle and d.status = 'ACTIVE' and d.during && tstzrange(:from, :to)
         order by r.starts_at, d.id""")
        .param("vehicle", vehicleId).param("from", VehicleRequests.timestamp(from))
        .param("to", VehicleRequests.timestamp(to))
        .query((rs, n) -> new Row(rs.getLong("id"), rs.getString("sheet_no"), rs.getLong("request_id"),
            VehicleRequests.local(rs, "starts_at"), VehicleRequests.local(rs, "ends_at"),
            new TripRequest.Stop(rs.getString("origin_name"), rs.getDouble("origin_lat"), rs.getDouble("origin_lon")),
            rs.getBoolean("returns_to_origin")))
        .list();
    Map<Long, List<TripRequest.Stop>> stops = new HashMap<>();
    if (!rows.isEmpty()) {
      jdbc.sql("""
          select request_id, name, latitude, longitude from vehicle_request_stop
           where request_id = any(:ids) order by request_id, position""")
          .param("ids", rows.stream().map(Row::requestId).distinct().toArray(Long[]::new))
          .query(rs -> {
            stops.computeIfAbsent(rs.getLong("request_id"), id -> new ArrayList<>()).add(new TripRequest.Stop(
                rs.getString("name"), rs.getDouble("latitude"), rs.getDouble("longitude")));
          });
    }
    return rows.stream().map(row -> {
      List<TripRequest.Stop> route = new ArrayList<>();
      route.add(row.origin());
      route.addAll(stops.getOrDefault(row.requestId(), List.of()));
      if (row.returns()) {
        route.add(row.origin());
      }
      return new SheetWindow(row.dispatchId(), row.sheetNo(), row.start(), row.end(), List.copyOf(route));
    }).toList();
  }

  /** What a dispatch sheet says: the dispatch (number, vehicle, driver, approved window) and the request it serves. */
  public record Sheet(Dispatch dispatch, TripRequest request) {}

  /** The sheet of a dispatch, for its requester, its driver and the managers whose scope reaches it; 404 to others. */
  public Sheet sheet(long dispatchId, CurrentUser viewer) {
    Dispatch dispatch = dispatching.visible(dispatchId, viewer);
    return new Sheet(dispatch, requests.get(dispatch.requestId()));
  }

  /** The standard fields of the sheet, in print order. */
  public Map<String, String> fields(long dispatchId, CurrentUser viewer) {
    Sheet sheet = sheet(dispatchId, viewer);
    Dispatch dispatch = sheet.dispatch();
    TripRequest request = sheet.request();
    Vehicle vehicle = fleet.get(dispatch.vehicleId());
    var trip = trips.ofDispatch(dispatchId);
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("派车单号", dispatch.sheetNo());
    fields.put("用车单位", request.unitName() == null ? "" : request.unitName());
    fields.put("用车人", request.requesterName());
    fields.put("事由", request.purpose());
    fields.put("乘车人数", String.valueOf(request.passengers()));
    fields.put("路线", request.route());
    fields.put("计划里程", request.plannedKm() + " 公里");
    fields.put("出车时间", request.start().format(TIME));
    fields.put("返回时间", request.end().format(TIME));
    fields.put("车辆", vehicle.plate() + " " + vehicle.brand() + " " + vehicle.model());
    fields.put("车辆类别", Fleet.categoryLabel(vehicle.category()));
    fields.put("驾驶员", dispatch.driverName());
    fields.put("出车里程表", trip.map(t -> t.startOdometerKm() + " 公里").orElse(""));
    fields.put("回车里程表", trip.map(t -> t.endOdometerKm() == null ? "" : t.endOdometerKm() + " 公里").orElse(""));
    fields.put("行驶里程", trip.map(t -> t.distanceKm() == null ? "" : t.distanceKm() + " 公里").orElse(""));
    fields.put("通行费", trip.map(t -> Money.ofFen(t.tollsFen()).plain() + " 元").orElse(""));
    fields.put("停车费", trip.map(t -> Money.ofFen(t.parkingFen()).plain() + " 元").orElse(""));
    fields.put("派车方式", dispatch.mode() == DispatchMode.OPTIMISED ? "智能调度" : "人工调度");
    fields.put("互助保障", dispatch.aid() ? "是" : "否");
    return fields;
  }

  /**
   * The standard fields for the QR code, kept short: the code is printed an inch wide, and a long text would make its
   * modules too small to scan from paper.
   */
  static String qrPayload(Map<String, String> fields) {
    Map<String, String> compact = new LinkedHashMap<>();
    compact.put("派车单", fields.get("派车单号"));
    compact.put("单位", fields.get("用车单位"));
    compact.put("用车人", fields.get("用车人"));
    compact.put("事由", shorten(fields.get("事由"), 24));
    compact.put("路线", shorten(fields.get("路线"), 40));
    compact.put("出车", fields.get("出车时间"));
    compact.put("返回", fields.get("返回时间"));
    compact.put("里程表", fields.get("出车里程表").replace(" 公里", "") + "/" + fields.get("回车里程表").replace(" 公里", ""));
    compact.put("通行费", fields.get("通行费").replace(" 元", ""));
    compact.put("驾驶员", fields.get("驾驶员"));
    compact.put("车辆", fields.get("车辆").split(" ")[0]);
    return compact.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).collect(Collectors.joining("\n"));
  }

  private static String shorten(String text, int length) {
    return text.length() <= length ? text : text.substring(0, length - 1) + "…";
  }

  public byte[] pdf(long dispatchId, CurrentUser viewer) {
    Map<String, String> fields = fields(dispatchId, viewer);
    PrintableForm form = PrintableForm.titled("公务用车派车单").number(fields.get("派车单号"));
    fields.forEach((label, value) -> {
      if (label.equals("派车单号")) {
        return;
      }
      if (label.equals("路线") || label.equals("事由")) {
        form.wideField(label, value);
      } else {
        form.field(label, value);
      }
    });
    form.qrCode(qrPayload(fields));
    form.signature("用车人签字").signature("驾驶员签字").signature("调度员签字");
    form.note("依据《党政机关公务用车管理办法》：公务用车实行集中管理、统一调度，凭派车单出车，使用情况登记并公示。");
    return printer.print(form);
  }
}
