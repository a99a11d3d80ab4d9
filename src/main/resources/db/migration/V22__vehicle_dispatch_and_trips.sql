-- 派车 and 出车: dispatch records (one active per request; a vehicle or a driver never on two overlapping
-- dispatches), the optimiser's proposals waiting for the dispatcher, and trips with their odometer readings.

create table vehicle_dispatch (
  id            bigint generated always as identity primary key,
  request_id    bigint not null references vehicle_request (id),
  vehicle_id    bigint not null references vehicle (id),
  driver_id     bigint not null references vehicle_driver (id),
  during        tstzrange not null check (not isempty(during) and not lower_inf(during) and not upper_inf(during)),
  sheet_no      varchar(30) not null unique,
  mode          varchar(10) not null check (mode in ('MANUAL', 'OPTIMISED')),
  aid           boolean not null default false,
  status        varchar(10) not null default 'ACTIVE' check (status in ('ACTIVE', 'CANCELLED')),
  dispatched_by bigint not null references user_account (id),
  dispatched_at timestamptz not null default now(),
  constraint vehicle_dispatch_vehicle_free exclude using gist (vehicle_id with =, during with &&) where (status = 'ACTIVE'),
  constraint vehicle_dispatch_driver_free exclude using gist (driver_id with =, during with &&) where (status = 'ACTIVE')
);
create unique index vehicle_dispatch_one_active on vehicle_dispatch (request_id) where status = 'ACTIVE';

create table vehicle_plan_proposal (
  id           bigint generated always as identity primary key,
  region_id    bigint not null references region (id),
  day          date not null,
  plan         jsonb not null,
  status       varchar(10) not null default 'PROPOSED' check (status in ('PROPOSED', 'CONFIRMED', 'DISCARDED')),
  created_by   bigint not null references user_account (id),
  created_at   timestamptz not null default now()
);

-- A trip is normally driven on a dispatch; one without (dispatch_id null) is recorded and flagged.
create table vehicle_trip (
  id                bigint generated always as identity primary key,
  dispatch_id       bigint unique references vehicle_dispatch (id),
  vehicle_id        bigint not null references vehicle (id),
  driver_id         bigint not null references vehicle_driver (id),
  started_at        timestamptz not null,
  start_odometer_km int not null check (start_odometer_km >= 0),
  ended_at          timestamptz,
  end_odometer_km   int,
  tolls_fen         bigint not null default 0 check (tolls_fen >= 0),
  parking_fen       bigint not null default 0 check (parking_fen >= 0),
  fuel_litres       numeric(8, 2) check (fuel_litres >= 0),
  charging_kwh      numeric(8, 2) check (charging_kwh >= 0),
  energy_cost_fen   bigint not null default 0 check (energy_cost_fen >= 0),
  purpose           varchar(200),
  confirmed_at      timestamptz,
  confirmed_by      bigint references user_account (id),
  check ((ended_at is null) = (end_odometer_km is null)),
  check (ended_at is null or ended_at > started_at),
  check (end_odometer_km is null or end_odometer_km >= start_odometer_km),
  check (confirmed_at is null or ended_at is not null)
);
create index vehicle_trip_vehicle_idx on vehicle_trip (vehicle_id, started_at);
-- a vehicle is on at most one open trip
create unique index vehicle_trip_one_open on vehicle_trip (vehicle_id) where ended_at is null;
