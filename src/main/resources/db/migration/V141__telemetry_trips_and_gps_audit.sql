-- GPS 核查 (issue 14, ADR 0013): trips derived from the positions, their flags against the dispatch sheets, and the
-- rule values the derivation and the audit read. Vehicles, sheets and trips recorded by drivers are module vehicle's:
-- their ids are stored here and read through its public API, never referenced by a foreign key into its tables.

-- The audit's rule values join POSITION_RETENTION_MONTHS in telemetry_rule; each key has the range it may take.
-- TRIP_STOP_MINUTES: standing this long (ignition on) ends a trip; TRIP_MIN_DISTANCE_M: shorter movements are no
-- trip; ROUTE_DEVIATION_KM: farther from the route through the sheet's places is a deviation;
-- ODOMETER_MISMATCH_PERCENT: GPS and odometer kilometres may differ by this much; SPEED_LIMIT_KMH: faster is speeding
-- (as is the terminal's own overspeed alarm); NIGHT_STARTS_HOUR, NIGHT_ENDS_HOUR: the night window (22–6 spans
-- midnight); PARKING_RADIUS_M: within this distance of its designated place a car stands at home.
alter table telemetry_rule drop constraint if exists telemetry_rule_rule_key_check;
alter table telemetry_rule drop constraint if exists telemetry_rule_value_check;
alter table telemetry_rule add constraint telemetry_rule_value_in_range check (case rule_key
  when 'POSITION_RETENTION_MONTHS' then value between 1 and 120
  when 'MOVING_ABOVE_KMH' then value between 1 and 120
  when 'OFFLINE_AFTER_MINUTES' then value between 1 and 120
  when 'TRIP_STOP_MINUTES' then value between 1 and 240
  when 'TRIP_MIN_DISTANCE_M' then value between 0 and 50000
  when 'ROUTE_DEVIATION_KM' then value between 1 and 500
  when 'ODOMETER_MISMATCH_PERCENT' then value between 1 and 100
  when 'SPEED_LIMIT_KMH' then value between 20 and 250
  when 'NIGHT_STARTS_HOUR' then value between 0 and 23
  when 'NIGHT_ENDS_HOUR' then value between 0 and 23
  when 'PARKING_RADIUS_M' then value between 20 and 10000
  else false end);

insert into telemetry_rule (rule_key, region_id, value, effective_from, source) values
  ('TRIP_STOP_MINUTES', null, 5, date '2020-01-01', '默认值：点火状态下停驻满 5 分钟即结束一段行程'),
  ('TRIP_MIN_DISTANCE_M', null, 500, date '2020-01-01', '默认值：不足 500 米的移动（如场内挪车）不算行程'),
  ('ROUTE_DEVIATION_KM', null, 3, date '2020-01-01', '默认值：偏离派车单路线 3 公里以上为偏离路线'),
  ('ODOMETER_MISMATCH_PERCENT', null, 15, date '2020-01-01', '默认值：定位里程与里程表登记相差超过 15% 预警'),
  ('SPEED_LIMIT_KMH', null, 120, date '2020-01-01', '《道路交通安全法实施条例》第七十八条：高速公路最高车速 120 公里/小时'),
  ('NIGHT_STARTS_HOUR', null, 22, date '2020-01-01', '默认值：夜间自 22 时起'),
  ('NIGHT_ENDS_HOUR', null, 6, date '2020-01-01', '默认值：夜间至 6 时止'),
  ('PARKING_RADIUS_M', null, 300, date '2020-01-01', '默认值：离指定停放地点 300 米内视为停放在位');

-- A trip derived from the positions: from setting off (ignition on and moving) to standing TRIP_STOP_MINUTES or
-- switching off. Points as reported (millionths of a degree); gps_km the great-circle sum over its positions.
-- region_id is the vehicle's region when derived, so lists are limited to the caller's scope in SQL. A re-derivation
-- finds a trip again by its start.
create table telemetry_trip (
  id               bigint generated always as identity primary key,
  vehicle_id       bigint not null,
  region_id        bigint not null,
  started_at       timestamptz not null,
  ended_at         timestamptz not null,
  start_latitude   integer not null check (start_latitude between -90000000 and 90000000),
  start_longitude  integer not null check (start_longitude between -180000000 and 180000000),
  end_latitude     integer not null check (end_latitude between -90000000 and 90000000),
  end_longitude    integer not null check (end_longitude between -180000000 and 180000000),
  gps_km           numeric(8, 1) not null check (gps_km >= 0),
  max_speed_kmh    numeric(5, 1) not null check (max_speed_kmh >= 0),
  points           integer not null check (points >= 2),
  derived_at       timestamptz not null default now(),
  check (ended_at > started_at),
  constraint telemetry_trip_start_unique unique (vehicle_id, started_at)
);
create index telemetry_trip_region on telemetry_trip (region_id, started_at);
create index telemetry_trip_vehicle_end on telemetry_trip (vehicle_id, ended_at);

-- What the audit found on a trip, at most one flag of a kind per trip, with its evidence: where and when (the point
-- that shows it), what was measured and what the rule allows (units by kind: km, minutes, km/h, metres, percent),
-- basis the odometer km an ODOMETER_MISMATCH compares with, sheet_no the dispatch sheet the trip was matched to.
create table telemetry_trip_flag (
  id          bigint generated always as identity primary key,
  trip_id     bigint not null references telemetry_trip (id),
  kind        varchar(24) not null check (kind in ('NO_SHEET', 'OUTSIDE_WINDOW', 'ROUTE_DEVIATION', 'ODOMETER_MISMATCH',
                'NIGHT_AWAY', 'SEALED_HOLIDAY_MOVE', 'SPEEDING')),
  at          timestamptz not null,
  latitude    integer not null check (latitude between -90000000 and 90000000),
  longitude   integer not null check (longitude between -180000000 and 180000000),
  measured    numeric(10, 1) not null,
  allowed     numeric(10, 1),
  basis       numeric(10, 1),
  sheet_no    varchar(200),
  raised_at   timestamptz not null default now(),
  constraint telemetry_trip_flag_one_per_kind unique (trip_id, kind)
);
create index telemetry_trip_flag_at on telemetry_trip_flag (at);

-- How far the derivation has read each vehicle's positions: the start of a trip still under way, or the last
-- position read while the vehicle stood.
create table telemetry_trip_watermark (
  vehicle_id     bigint primary key,
  derived_until  timestamptz not null
);
