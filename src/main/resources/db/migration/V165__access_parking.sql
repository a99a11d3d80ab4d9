-- 停车场 (issue 18): a region's parking lots with their zones (公务 official, 职工 staff, 访客 visitors, 错时开放 public)
-- and capacities; occupancy counted from the gate events of the lot's gates; the lot's off-hours public opening window
-- (错时开放: on the days named, from opens to closes, across midnight when it closes earlier than it opens).
create table access_parking_lot (
  id              bigint generated always as identity primary key,
  region_id       bigint not null,
  name            varchar(100) not null check (length(btrim(name)) > 0),
  address         varchar(200),
  public_opens    time,
  public_closes   time,
  public_days     varchar(7) not null default '' check (public_days ~ '^[1-7]*$'),
  created_at      timestamptz not null default now(),
  version         integer not null default 0,
  unique (region_id, name),
  check ((public_opens is null) = (public_closes is null)),
  check (public_opens is null or public_opens <> public_closes)
);

create table access_parking_zone (
  lot_id     bigint not null references access_parking_lot (id),
  kind       varchar(10) not null check (kind in ('OFFICIAL', 'STAFF', 'VISITOR', 'PUBLIC')),
  capacity   integer not null check (capacity between 0 and 100000),
  occupied   integer not null default 0 check (occupied >= 0),
  primary key (lot_id, kind)
);

-- The gates that lead into a lot: a gate event at one of them moves the lot's occupancy.
create table access_parking_gate (
  region_id  bigint not null,
  gate       varchar(50) not null,
  lot_id     bigint not null references access_parking_lot (id),
  primary key (region_id, gate)
);
