package cn.smartaffairs.vehicle.planning;

import cn.smartaffairs.vehicle.planning.DispatchProblem.Driver;
import cn.smartaffairs.vehicle.planning.DispatchProblem.Rules;
import cn.smartaffairs.vehicle.planning.DispatchProblem.Trip;
import cn.smartaffairs.vehicle.planning.DispatchProblem.Vehicle;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * A generated day of approved trips for four regions whose seats lie about 40 km apart (a city centre and three
 * districts around it). Same seed, same day. Most trips stay in their region; a quarter go to another region; a third
 * accept a neighbour's vehicle as mutual aid. Vehicles carry the categories of 《党政机关公务用车管理办法》.
 */
final class DispatchDayGenerator {

  static final LocalDate DAY = LocalDate.of(2026, 11, 25);
  static final Rules RULES = new Rules(1.3, 40, 480, 20);
  static final List<String> CATEGORIES = List.of("执法执勤", "应急保障", "机要通信", "特种专业技术");
  /** Trips by category; fleets carry a little more 应急保障 (emergency) capacity than everyday demand needs. */
  private static final double[] CATEGORY_SHARE = {0.44, 0.20, 0.20, 0.16};
  /** Region seats: 云溪 city centre, 临江 ~40 km east, 青山 ~40 km south-west, 白沙 ~40 km north-west. */
  private static final GeoPoint[] REGION_SEATS = {
      new GeoPoint(30.2741, 120.1551), new GeoPoint(30.2741, 120.5700),
      new GeoPoint(30.0200, 119.8600), new GeoPoint(30.5300, 119.8600)};

  private final Random random;

  DispatchDayGenerator(long seed) {
    random = new Random(seed);
  }

  DispatchProblem day(int tripCount, int vehicleCount, int driverCount) {
    List<List<GeoPoint>> offices = new ArrayList<>();
    for (GeoPoint seat : REGION_SEATS) {
      offices.add(List.of(seat, near(seat, 3), near(seat, 4)));
    }
    List<Vehicle> vehicles = new ArrayList<>();
    for (int v = 0; v < vehicleCount; v++) {
      int region = v % 4;
      // each region's fleet has the same mix as the trips ask for: 8 of 20 执法执勤, 5 应急保障, 4 机要通信, 3 特种
      int slot = (v / 4) % 20;
      String category = CATEGORIES.get(slot < 8 ? 0 : slot < 13 ? 1 : slot < 17 ? 2 : 3);
      int seats = switch (category) {
        case "应急保障" -> 7;
        case "特种专业技术" -> slot == 18 ? 19 : 7;
        default -> 5;
      };
      double availability = random.nextDouble();
      LocalTime from = availability < 0.05 ? LocalTime.of(12, 0) : LocalTime.of(6, 30);
      LocalTime until = availability > 0.95 ? LocalTime.of(14, 0) : LocalTime.of(21, 0);
      vehicles.add(new Vehicle(1000 + v, regionId(region), category, seats,
          near(offices.get(region).get(random.nextInt(3)), 1), DAY.atTime(from), DAY.atTime(until),
          80 + random.nextInt(121)));
    }
    List<Driver> drivers = new ArrayList<>();
    for (int d = 0; d < driverCount; d++) {
      int shape = random.nextInt(10);
      LocalTime shiftStart = shape < 4 ? LocalTime.of(7, 0) : shape < 7 ? LocalTime.of(8, 0) : LocalTime.of(6, 30);
      Set<String> licences = random.nextInt(4) == 0 ? Set.of("执法执勤", "应急保障", "机要通信") : Set.of();
      drivers.add(new Driver(5000 + d, regionId(d % 4), DAY.atTime(shiftStart), DAY.atTime(shiftStart).plusHours(12),
          licences));
    }
    List<Trip> trips = new ArrayList<>();
    for (int t = 0; t < tripCount; t++) {
      int region = random.nextInt(4);
      String category = pickCategory();
      int passengers = 1 + random.nextInt(category.equals("应急保障") ? 6 : 4);
      if (category.equals("特种专业技术") && random.nextInt(8) == 0) {
        passengers = 8 + random.nextInt(8);
      }
      GeoPoint origin = offices.get(region).get(random.nextInt(3));
      List<GeoPoint> stops = new ArrayList<>();
      int stopCount = 1 + (random.nextInt(6) == 0 ? 1 : 0);
      for (int s = 0; s < stopCount; s++) {
        int destinationRegion = random.nextInt(8) == 0 ? random.nextInt(4) : region;
        stops.add(near(REGION_SEATS[destinationRegion], 12));
      }
      boolean returns = random.nextInt(10) < 7;
      double routeKm = 0;
      GeoPoint at = origin;
      for (GeoPoint stop : stops) {
        routeKm += at.greatCircleKm(stop) * RULES.roadFactor();
        at = stop;
      }
      if (returns) {
        routeKm += at.greatCircleKm(origin) * RULES.roadFactor();
      }
      int minutes = (int) Math.ceil(routeKm / RULES.averageSpeedKmh() * 60) + 10 + random.nextInt(51);
      minutes = (minutes + 4) / 5 * 5;
      int latestStart = 20 * 60 - minutes;
      int startMinute = 7 * 60 + 5 * random.nextInt(Math.max(1, (Math.min(latestStart, 18 * 60) - 7 * 60) / 5));
      LocalDateTime start = DAY.atStartOfDay().plusMinutes(startMinute);
      Set<Long> aid = new HashSet<>();
      int consent = random.nextInt(10);
      if (consent < 3) {
        aid.add(regionId((region + 1 + random.nextInt(3)) % 4));
      } else if (consent < 5) {
        for (int other = 0; other < 4; other++) {
          if (other != region) {
            aid.add(regionId(other));
          }
        }
      }
      trips.add(new Trip(100_000 + t, regionId(region), category, passengers, start, start.plusMinutes(minutes),
          origin, stops, returns, aid, null, null));
    }
    return new DispatchProblem(DAY, trips, vehicles, drivers, RULES);
  }

  static long regionId(int region) {
    return 11 + region;
  }

  private String pickCategory() {
    double roll = random.nextDouble();
    for (int c = 0; c < CATEGORIES.size(); c++) {
      roll -= CATEGORY_SHARE[c];
      if (roll < 0) {
        return CATEGORIES.get(c);
      }
    }
    return CATEGORIES.get(0);
  }

  /** A point within {@code radiusKm} of the centre, spread evenly over the disc. */
  private GeoPoint near(GeoPoint centre, double radiusKm) {
    double distance = radiusKm * Math.sqrt(random.nextDouble());
    double bearing = random.nextDouble() * 2 * Math.PI;
    double dLat = distance * Math.cos(bearing) / 111.2;
    double dLon = distance * Math.sin(bearing) / (111.2 * Math.cos(Math.toRadians(centre.latitude())));
    return new GeoPoint(centre.latitude() + dLat, centre.longitude() + dLon);
  }
}
