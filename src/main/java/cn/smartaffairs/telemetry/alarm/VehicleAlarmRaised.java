package cn.smartaffairs.telemetry.alarm;

import cn.smartaffairs.telemetry.jt808.AlarmFlag;
import java.time.Instant;

/**
 * Published, through the event publication registry (ADR 0012), when a terminal raised an alarm of a kind its region
 * tells its vehicle managers about (rule ALARM_NOTIFY_FLAGS): the position's time and place (millionths of a degree)
 * and speed (tenths of km/h).
 */
public record VehicleAlarmRaised(long alarmId, long vehicleId, long regionId, String plate, AlarmFlag kind, Instant at,
    int latitude, int longitude, int speedDecikmh) {}
