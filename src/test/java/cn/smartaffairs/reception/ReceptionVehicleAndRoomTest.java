package cn.smartaffairs.reception;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import cn.smartaffairs.support.ApiClient;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The plan's car and room are made in the vehicle and meeting modules through their public APIs, once each. */
@IntegrationTest
class ReceptionVehicleAndRoomTest {

  @LocalServerPort int port;
  @Autowired JdbcClient jdbc;
  @Autowired Receptions receptions;
  ApiClient api;
  ReceptionFixtures fixtures;

  @BeforeEach
  void setUp() {
    api = new ApiClient(port);
    fixtures = new ReceptionFixtures(api, jdbc);
  }

  long place(String name) {
    return jdbc.sql("select p.id from vehicle_place p join region r on r.id = p.region_id where p.name = :name"
        + " order by p.id limit 1").param("name", name).query(Long.class).single();
  }

  @Test
  void theVisitsCarIsAVehicleRequestAndItsTalksARoomBooking() {
    LocalDate arrival = receptions.today().plusDays(20);
    long id = fixtures.registered(3, arrival);
    String liaison = api.tokenFor("liaison");
    String path = "/api/v1/receptions/" + id;
    long origin = place("市行政中心");
    long destination = jdbc.sql("""
        select id from vehicle_place where region_id = (select region_id from vehicle_place where id = :origin)
           and id <> :origin order by id limit 1""").param("origin", origin).query(Long.class).single();
    var car = api.post(path + "/vehicle-request", liaison, Map.of("originPlaceId", origin, "destinationPlaceId",
        destination, "start", arrival.atTime(9, 0).toString(), "end", arrival.atTime(12, 0).toString()));
    assertThat(car.status()).as(String.valueOf(car.body())).isEqualTo(200);
    long vehicleRequest = car.body().get("vehicleRequestId").asLong();
    assertThat(jdbc.sql("select purpose from vehicle_request where id = :id").param("id", vehicleRequest)
        .query(String.class).single()).startsWith("公务接待：省财政厅");
    assertThat(api.post(path + "/vehicle-request", liaison, Map.of("originPlaceId", origin, "destinationPlaceId",
        destination, "start", arrival.atTime(13, 0).toString(), "end", arrival.atTime(15, 0).toString())).status())
        .isEqualTo(409);

    long region = jdbc.sql("select region_id from reception where id = :id").param("id", id).query(Long.class)
        .single();
    long room = jdbc.sql("""
        insert into meeting_room (region_id, name, building, capacity) values (:region, :name, '市行政中心', 12)
        returning id""").param("region", region).param("name", ReceptionFixtures.fresh("接待室"))
        .query(Long.class).single();
    var booking = api.post(path + "/room-booking", liaison, Map.of("roomId", room, "start",
        arrival.atTime(9, 30).toString(), "end", arrival.atTime(11, 0).toString()));
    assertThat(booking.status()).as(String.valueOf(booking.body())).isEqualTo(200);
    long bookingId = booking.body().get("meetingBookingId").asLong();
    assertThat(jdbc.sql("select attendees from meeting_booking where id = :id").param("id", bookingId)
        .query(Integer.class).single()).isEqualTo(6);
    assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'reception' and entity_id = :id")
        .param("id", String.valueOf(id)).query(Long.class).single()).isEqualTo(3);
  }
}
