-- 车辆定位 (issue 14), module telemetry: JT/T 808 terminals bound to vehicles, their positions and the rule values the
-- module reads. Vehicles belong to module vehicle: their ids are stored here and checked through its public API
-- (Fleet), never referenced by a foreign key into its tables.

-- A terminal (its SIM card's phone number and the terminal id it registers with) bound to one vehicle. region_id is
-- the vehicle's region when it was bound, so lists can be limited to the caller's scope in SQL. The auth code given
-- at the last registration is kept only as its SM3 hash.
create table telemetry_terminal (
  id              bigint generated always as identity primary key,
  vehicle_id      bigint not null,
  region_id       bigint not null,
  phone           varchar(20) not null check (phone ~ '^[1-9][0-9]{0,19}$'),
  terminal_id     varchar(30) not null check (terminal_id ~ '^[0-9A-Za-z-]{1,30}$'),
  protocol        varchar(12) not null check (protocol in ('JT808_2011', 'JT808_2013', 'JT808_2019')),
  auth_code_hash  char(64),
  registered_at   timestamptz,
  bound_at        timestamptz not null default now(),
  bound_by        bigint not null,
  constraint telemetry_terminal_phone_unique unique (phone),
  constraint telemetry_terminal_vehicle_unique unique (vehicle_id)
);
create index telemetry_terminal_region on telemetry_terminal (region_id);

-- Positions as the terminals report them, partitioned by month of the position's time (Beijing months). Monthly
-- partitions are created ahead by PositionPartitions (at start and nightly) and dropped whole when older than the
-- retention rule; rows outside every monthly partition (a terminal with a wrong clock, a late blind-area upload) land
-- in the default partition and are moved out when their month's partition is created.
-- Units as sent: 1e-6 degrees (south and west negative), metres, 1/10 km/h, degrees, 1/10 km, 1/10 L; the alarm and
-- status DWORDs as sent.
create table telemetry_position (
  vehicle_id           bigint not null,
  at                   timestamptz not null,
  latitude             integer not null check (latitude between -90000000 and 90000000),
  longitude            integer not null check (longitude between -180000000 and 180000000),
  altitude_m           integer not null,
  speed_dkmh           integer not null check (speed_dkmh >= 0),
  heading_deg          smallint not null,
  alarm_flags          bigint not null,
  status_flags         bigint not null,
  mileage_hm           bigint,
  fuel_dl              integer,
  recorder_speed_dkmh  integer,
  received_at          timestamptz not null,
  -- a terminal that resends an unacknowledged position is stored once
  primary key (vehicle_id, at)
) partition by range (at);

create table telemetry_position_default partition of telemetry_position default;

-- The newest position of each vehicle, upserted with every batch (the live map and /vehicle-positions/latest).
create table telemetry_latest_position (
  vehicle_id    bigint primary key,
  at            timestamptz not null,
  latitude      integer not null,
  longitude     integer not null,
  speed_dkmh    integer not null,
  heading_deg   smallint not null,
  mileage_hm    bigint,
  status_flags  bigint not null,
  received_at   timestamptz not null
);

-- Rule values of the module, versioned by effective date, national (region_id null) or a region's own (RULES.md:
-- rules are data). POSITION_RETENTION_MONTHS: how long positions are kept (PIPL art. 28: limited retention of
-- sensitive personal information). region_id has no foreign key: regions are organisation's.
create table telemetry_rule (
  id              bigint generated always as identity primary key,
  rule_key        varchar(40) not null check (rule_key in ('POSITION_RETENTION_MONTHS')),
  region_id       bigint,
  value           integer not null check (value between 1 and 120),
  effective_from  date not null,
  source          varchar(200),
  created_at      timestamptz not null default now(),
  created_by      bigint
);
create unique index telemetry_rule_version on telemetry_rule (rule_key, coalesce(region_id, 0), effective_from);

insert into telemetry_rule (rule_key, region_id, value, effective_from, source)
values ('POSITION_RETENTION_MONTHS', null, 12, date '2020-01-01',
        '默认值：一年，覆盖全年的单车核算与出车核查；各地可按本地规定调整');
