-- 车辆报警 (issue 14): the terminals' own alarm bits (JT/T 808-2013 table 24, the alarm DWORD of every position).
-- Vehicles and regions belong to other modules: their ids are stored here and checked through their public APIs.

-- Positions that carried any alarm bit, waiting to be compared with the position before them. The position writers
-- add them in the statement that stores the batch (only positions stored for the first time, only those with a bit
-- set), so nothing acknowledged is lost; VehicleAlarms takes them off the table in its own transactions, away from
-- the acknowledgement. Units as in telemetry_position.
create table telemetry_alarm_pending (
  vehicle_id   bigint not null,
  at           timestamptz not null,
  alarm_flags  bigint not null check (alarm_flags <> 0),
  latitude     integer not null,
  longitude    integer not null,
  speed_dkmh   integer not null,
  primary key (vehicle_id, at)
);

-- An alarm raised: a bit set in a vehicle's position that was clear in its position before (or that has none before
-- it). The same bit set in the following positions is the same alarm going on. at is the position's time; notify says
-- whether the rule in force for the region (ALARM_NOTIFY_FLAGS) named the kind, so its managers were told.
-- region_id is the vehicle's region when the alarm was recorded, so lists are limited to the caller's scope in SQL.
create table telemetry_vehicle_alarm (
  id           bigint generated always as identity primary key,
  vehicle_id   bigint not null,
  region_id    bigint not null,
  kind         varchar(24) not null check (kind in (
    'EMERGENCY', 'OVERSPEED', 'FATIGUE', 'DANGER_WARNING', 'GNSS_FAULT', 'GNSS_ANTENNA_CUT', 'GNSS_ANTENNA_SHORT',
    'POWER_LOW', 'POWER_OFF', 'DISPLAY_FAULT', 'TTS_FAULT', 'CAMERA_FAULT', 'IC_CARD_FAULT', 'OVERSPEED_WARNING',
    'FATIGUE_WARNING', 'ILLEGAL_DRIVING', 'TYRE_PRESSURE_WARNING', 'RIGHT_TURN_BLIND_SPOT', 'DAY_DRIVING_TOO_LONG',
    'PARKED_TOO_LONG', 'AREA', 'ROUTE', 'ROUTE_TIME', 'DEVIATION', 'VSS_FAULT', 'FUEL_ABNORMAL', 'THEFT',
    'ILLEGAL_IGNITION', 'ILLEGAL_MOVE', 'COLLISION', 'ROLLOVER', 'ILLEGAL_DOOR_OPEN')),
  at           timestamptz not null,
  latitude     integer not null check (latitude between -90000000 and 90000000),
  longitude    integer not null check (longitude between -180000000 and 180000000),
  speed_dkmh   integer not null check (speed_dkmh >= 0),
  notify       boolean not null,
  recorded_at  timestamptz not null default now(),
  constraint telemetry_vehicle_alarm_once unique (vehicle_id, kind, at)
);
create index telemetry_vehicle_alarm_region on telemetry_vehicle_alarm (region_id, at desc);

-- Which alarm bits are told to the region's vehicle managers: a rule value of telemetry_rule holding the alarm DWORD
-- with those bits set (bit 31 makes the integer negative). National default: emergency (bit 0), overspeed (1),
-- in/out of an area (20), in/out of a route (21) and route deviation (23) = 11534339.
-- The range check of telemetry_rule names every key; this key takes any 32-bit value. The check is extended where it
-- ends rather than written out again, so that keys other migrations added to it stay as they are.
do $$
declare
  current_check text;
  extended text;
begin
  select pg_get_constraintdef(oid) into current_check from pg_constraint
   where conrelid = 'telemetry_rule'::regclass and conname = 'telemetry_rule_value_in_range';
  extended := regexp_replace(current_check, 'ELSE\s+false\s+END',
    'WHEN ''ALARM_NOTIFY_FLAGS''::text THEN true ELSE false END');
  if current_check is null or extended = current_check then
    raise exception 'telemetry_rule_value_in_range has not the expected form: %', current_check;
  end if;
  alter table telemetry_rule drop constraint telemetry_rule_value_in_range;
  execute 'alter table telemetry_rule add constraint telemetry_rule_value_in_range ' || extended;
end
$$;

insert into telemetry_rule (rule_key, region_id, value, effective_from, source)
values ('ALARM_NOTIFY_FLAGS', null, 11534339, date '2020-01-01',
        '默认值：紧急报警、超速报警、进出区域、进出路线、路线偏离报警通知车辆管理员（JT/T 808-2013 表24 第0、1、20、21、23位）');
