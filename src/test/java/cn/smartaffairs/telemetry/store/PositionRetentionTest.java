package cn.smartaffairs.telemetry.store;

import static org.assertj.core.api.Assertions.assertThat;

import cn.smartaffairs.IntegrationTest;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Monthly partitions ahead, and positions removed when the retention rule no longer keeps them: whole partitions past
 * the longest retention, the rows of a region with a shorter one of its own.
 */
@IntegrationTest
class PositionRetentionTest {

  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  @Autowired PositionPartitions partitions;
  @Autowired JdbcClient jdbc;

  private long vehicleOf(String regionCode) {
    return jdbc.sql("""
        select v.id from vehicle v join region r on r.id = v.region_id where r.code = :code order by v.id limit 1""")
        .param("code", regionCode).query(Long.class).single();
  }

  private void position(long vehicleId, Instant at) {
    jdbc.sql("""
        insert into telemetry_position (vehicle_id, at, latitude, longitude, altitude_m, speed_dkmh, heading_deg,
                                        alarm_flags, status_flags, received_at)
        values (:v, :at, 25000000, 102700000, 1900, 0, 0, 0, 0, now()) on conflict do nothing""")
        .param("v", vehicleId).param("at", Timestamp.from(at)).update();
  }

  private boolean stored(long vehicleId, Instant at) {
    return jdbc.sql("select count(*) from telemetry_position where vehicle_id = :v and at = :at")
        .param("v", vehicleId).param("at", Timestamp.from(at)).query(Long.class).single() > 0;
  }

  private String partitionOf(long vehicleId, Instant at) {
    return jdbc.sql("select tableoid::regclass::text from telemetry_position where vehicle_id = :v and at = :at")
        .param("v", vehicleId).param("at", Timestamp.from(at)).query(String.class).single();
  }

  private static Instant monthsAgo(int months) {
    return LocalDate.now(BEIJING).minusMonths(months).withDayOfMonth(10).atTime(12, 0).atZone(BEIJING).toInstant();
  }

  @Test
  void partitionsFromLastMonthToThreeMonthsAheadExistAfterStart() {
    YearMonth now = YearMonth.now(BEIJING);

    assertThat(partitions.months()).contains(now.minusMonths(1), now, now.plusMonths(1), now.plusMonths(2),
        now.plusMonths(3));
    assertThat(partitions.createAhead()).isEmpty();
  }

  @Test
  void rowsWaitingInTheDefaultPartitionMoveIntoTheirMonthsNewPartition() {
    long vehicle = vehicleOf("YX");
    YearMonth later = YearMonth.now(BEIJING).plusMonths(7);
    Instant at = later.atDay(3).atTime(8, 0).atZone(BEIJING).toInstant();
    position(vehicle, at);
    assertThat(partitionOf(vehicle, at)).isEqualTo("telemetry_position_default");

    assertThat(partitions.create(later)).isTrue();

    assertThat(partitionOf(vehicle, at)).isEqualTo(PositionPartitions.name(later));
    assertThat(partitions.create(later)).as("only once").isFalse();
    jdbc.sql("drop table " + PositionPartitions.name(later)).update();
  }

  @Test
  void positionsPastTheirRegionsRetentionAreRemoved() {
    long city = vehicleOf("YX");
    long county = vehicleOf("QS");
    long countyRegion = jdbc.sql("select id from region where code = 'QS'").query(Long.class).single();
    // the county keeps positions two months, the nation (and so the city) twelve
    jdbc.sql("""
        insert into telemetry_rule (rule_key, region_id, value, effective_from, source)
        values ('POSITION_RETENTION_MONTHS', :region, 2, date '2021-01-01', 'test')
        on conflict do nothing""").param("region", countyRegion).update();
    YearMonth old = YearMonth.now(BEIJING).minusMonths(14);
    partitions.create(old);
    Instant ancient = old.atDay(10).atTime(12, 0).atZone(BEIJING).toInstant();
    position(city, ancient);
    position(city, monthsAgo(13));
    position(city, monthsAgo(3));
    position(county, monthsAgo(3));
    position(county, monthsAgo(1));

    PositionPartitions.Expired expired = partitions.removeExpired();

    assertThat(expired.droppedPartitions()).contains(old);
    assertThat(partitions.months()).doesNotContain(old);
    assertThat(stored(city, ancient)).isFalse();
    assertThat(stored(city, monthsAgo(13))).isFalse();
    assertThat(stored(city, monthsAgo(3))).isTrue();
    assertThat(stored(county, monthsAgo(3))).isFalse();
    assertThat(stored(county, monthsAgo(1))).isTrue();
    jdbc.sql("delete from telemetry_rule where source = 'test'").update();
  }
}
