-- 分配使用: rooms allocated to units under a 使用协议 (agreement), offices assigned to staff members, and the
-- 调剂 / 移交·接收 that move a room from one unit to another. History is kept as validity periods
-- [valid_from, valid_to); an open period has valid_to null.
create extension if not exists btree_gist;

-- 使用协议: one agreement with a unit covers one or more rooms; its 分配使用凭证 is printed from it.
create table space_agreement (
  id            bigint generated always as identity primary key,
  region_id     bigint not null,
  unit_id       bigint not null,
  agreement_no  varchar(40) not null check (length(trim(agreement_no)) > 0),
  term_from     date not null,
  term_to       date,
  signed_on     date not null,
  created_by    varchar(60) not null,
  created_at    timestamptz not null,
  foreign key (unit_id, region_id) references unit (id, region_id),
  check (term_to is null or term_to > term_from),
  unique (region_id, agreement_no),
  unique (id, region_id)
);

create table space_unit_allocation (
  id            bigint generated always as identity primary key,
  region_id     bigint not null,
  room_id       bigint not null,
  unit_id       bigint not null,
  agreement_id  bigint not null,
  -- the use-area allocated: the room's area when it was allocated
  area          numeric(8,2) not null check (area > 0),
  valid_from    date not null,
  valid_to      date,
  -- how the period began and ended: a plain allocation, a 调剂 by the administration, a 移交/接收 between units
  began_by      varchar(12) not null default 'ALLOCATED' check (began_by in ('ALLOCATED', 'REALLOCATED', 'RECEIVED')),
  ended_by      varchar(12) check (ended_by in ('RETURNED', 'REALLOCATED', 'HANDED_OVER', 'RECOVERED')),
  foreign key (room_id, region_id) references space_room (id, region_id),
  foreign key (unit_id, region_id) references unit (id, region_id),
  foreign key (agreement_id, region_id) references space_agreement (id, region_id),
  check (valid_to is null or valid_to > valid_from),
  check ((valid_to is null) = (ended_by is null)),
  -- a room is never allocated to two units at once
  constraint space_unit_allocation_no_overlap
    exclude using gist (room_id with =, daterange(valid_from, valid_to, '[)') with &&)
);
create index space_unit_allocation_unit_idx on space_unit_allocation (unit_id);

-- Offices of staff members: one or several people per room. A leader's second office (兼职) is flagged and
-- carries the day the concurrent post ended, from which the vacating deadline runs.
create table space_office_assignment (
  id                      bigint generated always as identity primary key,
  region_id               bigint not null,
  room_id                 bigint not null,
  staff_id                bigint not null references staff (id),
  second_office           boolean not null default false,
  concurrent_post         varchar(100),
  concurrent_post_ended_on date,
  valid_from              date not null,
  valid_to                date,
  ended_by                varchar(12) check (ended_by in ('MOVED', 'RECOVERED', 'VACATED')),
  foreign key (room_id, region_id) references space_room (id, region_id),
  check (valid_to is null or valid_to > valid_from),
  check ((valid_to is null) = (ended_by is null)),
  check (second_office or concurrent_post_ended_on is null),
  constraint space_office_assignment_no_double
    exclude using gist (room_id with =, staff_id with =, daterange(valid_from, valid_to, '[)') with &&)
);
create index space_office_assignment_staff_idx on space_office_assignment (staff_id);
create index space_office_assignment_room_idx on space_office_assignment (room_id);

-- 调剂 (by the administration, at once) and 移交 → 接收 (handed over by one unit, received by the other).
create table space_room_transfer (
  id              bigint generated always as identity primary key,
  region_id       bigint not null,
  kind            varchar(12) not null check (kind in ('REALLOCATION', 'HANDOVER')),
  room_id         bigint not null,
  from_unit_id    bigint not null,
  to_unit_id      bigint not null,
  effective_on    date not null,
  reason          varchar(200) not null,
  status          varchar(10) not null check (status in ('PENDING', 'DONE', 'REFUSED')),
  requested_by    varchar(60) not null,
  requested_at    timestamptz not null,
  decided_by      varchar(60),
  decided_at      timestamptz,
  agreement_id    bigint,
  foreign key (room_id, region_id) references space_room (id, region_id),
  foreign key (from_unit_id, region_id) references unit (id, region_id),
  foreign key (to_unit_id, region_id) references unit (id, region_id),
  foreign key (agreement_id, region_id) references space_agreement (id, region_id),
  check (from_unit_id <> to_unit_id),
  check ((status = 'PENDING') = (decided_at is null))
);
create index space_room_transfer_room_idx on space_room_transfer (room_id);
-- one open handover per room at a time
create unique index space_room_transfer_one_pending on space_room_transfer (room_id) where status = 'PENDING';
