-- 清理整改: inspection campaigns over units' office space. Each campaign has its own checklist; each inspected unit
-- answers every item; a failed item is a finding with a deadline, rectified by the unit and confirmed by the space
-- manager, or turned into a repair work order.
create table space_inspection_campaign (
  id            bigint generated always as identity primary key,
  region_id     bigint not null references region (id),
  title         varchar(100) not null check (length(trim(title)) > 0),
  starts_on     date not null,
  ends_on       date not null check (ends_on >= starts_on),
  status        varchar(10) not null default 'OPEN' check (status in ('OPEN', 'CLOSED')),
  created_by    varchar(60) not null,
  created_at    timestamptz not null,
  unique (region_id, title)
);

create table space_inspection_item (
  id            bigint generated always as identity primary key,
  campaign_id   bigint not null references space_inspection_campaign (id),
  sort_order    int not null,
  text          varchar(200) not null check (length(trim(text)) > 0),
  unique (campaign_id, sort_order)
);

-- One unit's checklist in a campaign, and its answer per item.
create table space_inspection_check (
  id            bigint generated always as identity primary key,
  campaign_id   bigint not null references space_inspection_campaign (id),
  unit_id       bigint not null references unit (id),
  item_id       bigint not null references space_inspection_item (id),
  result        varchar(10) not null check (result in ('PASS', 'FAIL')),
  checked_by    varchar(60) not null,
  checked_at    timestamptz not null,
  unique (campaign_id, unit_id, item_id)
);

create table space_inspection_finding (
  id              bigint generated always as identity primary key,
  campaign_id     bigint not null references space_inspection_campaign (id),
  unit_id         bigint not null references unit (id),
  item_id         bigint references space_inspection_item (id),
  description     varchar(1000) not null check (length(trim(description)) > 0),
  room_id         bigint references space_room (id),
  location        varchar(200),
  deadline        date not null,
  status          varchar(12) not null default 'OPEN' check (status in ('OPEN', 'RECTIFIED', 'CONFIRMED')),
  work_order_id   bigint references work_order (id),
  rectified_note  varchar(1000),
  rectified_by    varchar(60),
  rectified_at    timestamptz,
  confirmed_by    varchar(60),
  confirmed_at    timestamptz,
  created_by      varchar(60) not null,
  created_at      timestamptz not null,
  version         int not null default 0,
  check (status = 'OPEN' or rectified_at is not null),
  check (status <> 'CONFIRMED' or confirmed_at is not null)
);
create index space_inspection_finding_campaign_idx on space_inspection_finding (campaign_id, unit_id);

-- Photos of a finding, kept in the database like work-order photos.
create table space_inspection_photo (
  id             bigint generated always as identity primary key,
  finding_id     bigint not null references space_inspection_finding (id),
  content_type   varchar(20) not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  file_name      varchar(200) not null,
  size_bytes     int not null check (size_bytes > 0 and size_bytes <= 10485760),
  data           bytea not null,
  uploaded_by    varchar(60) not null,
  uploaded_at    timestamptz not null
);
create index space_inspection_photo_finding_idx on space_inspection_photo (finding_id);

-- 整改逾期: the notice that a finding passed its deadline unrectified fires once per finding.
create table space_inspection_overdue (
  finding_id  bigint primary key references space_inspection_finding (id),
  fired_at    timestamptz not null
);
