-- 电子围栏 (issue 14), module telemetry: a region's geofences, each vehicle's side of each fence, and the crossings
-- derived from the stored positions. Points are millionths of a degree as terminals report them and the JT/T 808 area
-- commands carry them. Places are module vehicle's (vehicle_place): place_id is checked through its public API
-- (Drivers.place), never referenced by a foreign key into its tables.

-- A fence of one region: a circle (centre, radius in metres), a rectangle (north-west and south-east corners) or a
-- polygon (3 to 100 vertices, two arrays of the same length). Its id is the area id the terminals get (DWORD).
-- version counts the changes (optimistic locking: a change names the version it read); drawn_at is when the outline
-- last changed, so positions before it are not measured against it; a deleted fence keeps its row (deleted_at) for
-- its crossings and the delete commands sent for it.
create table telemetry_geofence (
  id                 bigint generated always as identity primary key,
  region_id          bigint not null,
  name               varchar(60) not null check (btrim(name) <> ''),
  kind               varchar(10) not null check (kind in ('PARKING', 'OFFICE', 'BOUNDARY', 'OTHER')),
  shape              varchar(10) not null check (shape in ('CIRCLE', 'RECTANGLE', 'POLYGON')),
  place_id           bigint,
  centre_latitude    integer check (centre_latitude between -90000000 and 90000000),
  centre_longitude   integer check (centre_longitude between -180000000 and 180000000),
  radius_m           integer check (radius_m > 0 and radius_m <= 500000),
  north_latitude     integer check (north_latitude between -90000000 and 90000000),
  west_longitude     integer check (west_longitude between -180000000 and 180000000),
  south_latitude     integer check (south_latitude between -90000000 and 90000000),
  east_longitude     integer check (east_longitude between -180000000 and 180000000),
  vertex_latitudes   integer[] check (array_ndims(vertex_latitudes) = 1
                       and array_position(vertex_latitudes, null) is null
                       and -90000000 <= all (vertex_latitudes) and 90000000 >= all (vertex_latitudes)),
  vertex_longitudes  integer[] check (array_ndims(vertex_longitudes) = 1
                       and array_position(vertex_longitudes, null) is null
                       and -180000000 <= all (vertex_longitudes) and 180000000 >= all (vertex_longitudes)),
  version            integer not null default 0 check (version >= 0),
  drawn_at           timestamptz not null,
  created_at         timestamptz not null,
  created_by         bigint not null,
  updated_at         timestamptz,
  updated_by         bigint,
  deleted_at         timestamptz,
  deleted_by         bigint,
  -- each shape has exactly its own fields
  constraint telemetry_geofence_shape_fields check (coalesce(case shape
    when 'CIRCLE' then num_nonnulls(centre_latitude, centre_longitude, radius_m) = 3
      and num_nonnulls(north_latitude, west_longitude, south_latitude, east_longitude, vertex_latitudes,
                       vertex_longitudes) = 0
    when 'RECTANGLE' then num_nonnulls(north_latitude, west_longitude, south_latitude, east_longitude) = 4
      and north_latitude > south_latitude and west_longitude < east_longitude
      and num_nonnulls(centre_latitude, centre_longitude, radius_m, vertex_latitudes, vertex_longitudes) = 0
    when 'POLYGON' then vertex_latitudes is not null and vertex_longitudes is not null
      and cardinality(vertex_latitudes) between 3 and 100
      and cardinality(vertex_longitudes) = cardinality(vertex_latitudes)
      and num_nonnulls(centre_latitude, centre_longitude, radius_m, north_latitude, west_longitude, south_latitude,
                       east_longitude) = 0
    else false end, false)),
  check ((deleted_at is null) = (deleted_by is null))
);
-- one name per region among the fences in use
create unique index telemetry_geofence_name on telemetry_geofence (region_id, lower(name)) where deleted_at is null;
create index telemetry_geofence_region on telemetry_geofence (region_id) where deleted_at is null;

-- The side of each fence a vehicle was last seen on, and since which position.
create table telemetry_geofence_side (
  vehicle_id   bigint not null,
  geofence_id  bigint not null references telemetry_geofence (id) on delete cascade,
  inside       boolean not null,
  since        timestamptz not null,
  primary key (vehicle_id, geofence_id)
);
create index telemetry_geofence_side_fence on telemetry_geofence_side (geofence_id);

-- Each entering (ENTERED) and leaving (LEFT), at the first position on the new side; region_id is the fence's.
create table telemetry_geofence_crossing (
  id           bigint generated always as identity primary key,
  geofence_id  bigint not null references telemetry_geofence (id),
  vehicle_id   bigint not null,
  region_id    bigint not null,
  direction    varchar(7) not null check (direction in ('ENTERED', 'LEFT')),
  at           timestamptz not null,
  latitude     integer not null check (latitude between -90000000 and 90000000),
  longitude    integer not null check (longitude between -180000000 and 180000000),
  recorded_at  timestamptz not null default now(),
  constraint telemetry_geofence_crossing_once unique (geofence_id, vehicle_id, at)
);
create index telemetry_geofence_crossing_region on telemetry_geofence_crossing (region_id, at desc);

-- How far each vehicle's positions have been measured against the fences (the last position read).
create table telemetry_geofence_watermark (
  vehicle_id       bigint primary key,
  evaluated_until  timestamptz not null
);
