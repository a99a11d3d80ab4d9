package cn.smartaffairs.vehicle;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * What a module that derives trips from vehicle positions tells this one (ADR 0013): the GPS audit's findings, shown
 * among the compliance flags, and the GPS kilometres shown beside the odometer's in 单车核算. Module telemetry implements
 * it over its own tables; this module only asks (and works without it), so it never depends on telemetry.
 */
public interface GpsAuditFindings {

  /** The findings on the vehicles, newest first. */
  List<GpsFinding> findings(Collection<Long> vehicleIds);

  /**
   * The GPS kilometres of each vehicle's trips that ended in [from, to] (Beijing days), by vehicle id; a vehicle
   * without such a trip is absent.
   */
  Map<Long, BigDecimal> gpsKm(Collection<Long> vehicleIds, LocalDate from, LocalDate to);
}
