-- 清查盘点 (issue 15): a stock-take campaign of a unit's assets or of the assets in a room, the list of what should be
-- found (taken when the campaign opens) and what was scanned: found where, in what condition, or found although not on
-- the list (unlisted). What stays unscanned when the campaign closes is missing.
create table asset_stocktake (
  id          bigint generated always as identity primary key,
  region_id   bigint not null references region (id),
  name        varchar(100) not null check (length(trim(name)) > 0),
  unit_id     bigint references unit (id),
  room_id     bigint,
  status      varchar(8) not null check (status in ('OPEN', 'CLOSED')),
  opened_on   date not null,
  closed_at   timestamptz,
  created_by  bigint not null,
  created_at  timestamptz not null default now(),
  check ((status = 'CLOSED') = (closed_at is not null))
);
create index asset_stocktake_region on asset_stocktake (region_id, id);

create table asset_stocktake_item (
  stocktake_id      bigint not null references asset_stocktake (id),
  asset_id          bigint not null references asset (id),
  listed            boolean not null,
  expected_room_id  bigint,
  found_at          timestamptz,
  found_room_id     bigint,
  found_by          bigint,
  condition         varchar(8) check (condition in ('GOOD', 'WORN', 'BROKEN')),
  location_updated  boolean not null default false,
  primary key (stocktake_id, asset_id),
  check (listed or found_at is not null),
  check ((found_at is null) = (condition is null))
);
