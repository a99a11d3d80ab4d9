-- 办公用房登记: buildings, their floors and rooms, and floor plans. Rooms carry their region so that every
-- allocation can be tied to a unit of the same region by foreign keys alone.
create table space_building (
  id                   bigint generated always as identity primary key,
  region_id            bigint not null references region (id),
  code                 varchar(30)  not null check (length(trim(code)) > 0),
  name                 varchar(100) not null check (length(trim(name)) > 0),
  address              varchar(200) not null,
  -- 权属: who holds the title (统一权属: normally the affairs administration) and the certificate number
  ownership            varchar(100) not null,
  title_certificate    varchar(60),
  year_built           int check (year_built between 1800 and 2200),
  total_building_area  numeric(10,2) not null check (total_building_area > 0),
  total_use_area       numeric(10,2) not null check (total_use_area > 0 and total_use_area <= total_building_area),
  unique (region_id, code),
  unique (id, region_id)
);

create table space_floor (
  id           bigint generated always as identity primary key,
  building_id  bigint not null references space_building (id),
  -- level orders the floors: 1 is the ground floor, -1 the first basement
  level        int not null check (level <> 0 and level between -10 and 200),
  name         varchar(20) not null,
  unique (building_id, level),
  unique (id, building_id)
);

create table space_room (
  id           bigint generated always as identity primary key,
  region_id    bigint not null,
  building_id  bigint not null,
  floor_id     bigint not null,
  number       varchar(30) not null check (length(trim(number)) > 0),
  use_area     numeric(8,2) not null check (use_area > 0),
  -- 办公室 / 服务用房 / 设备用房 / 附属用房: together they make the office space (RULES §1a)
  kind         varchar(12) not null check (kind in ('OFFICE', 'SERVICE', 'EQUIPMENT', 'ANCILLARY')),
  note         varchar(200),
  foreign key (building_id, region_id) references space_building (id, region_id),
  foreign key (floor_id, building_id) references space_floor (id, building_id),
  unique (building_id, number),
  unique (id, region_id)
);
create index space_room_region_idx on space_room (region_id);

-- Floor plans as uploaded (image or PDF): in the database like work-order photos, so backups hold everything.
create table space_floor_plan (
  id            bigint generated always as identity primary key,
  floor_id      bigint not null references space_floor (id),
  content_type  varchar(20) not null check (content_type in ('image/jpeg', 'image/png', 'image/webp', 'application/pdf')),
  file_name     varchar(200) not null,
  size_bytes    int not null check (size_bytes > 0 and size_bytes <= 20971520),
  data          bytea not null,
  uploaded_by   varchar(60) not null,
  uploaded_at   timestamptz not null
);
create index space_floor_plan_floor_idx on space_floor_plan (floor_id);
