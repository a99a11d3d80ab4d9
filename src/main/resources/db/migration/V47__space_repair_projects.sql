-- 维修项目: 大修 / 中修 / 日常维修 through 检查鉴定 → 项目确立 → 计划安排 → 实施 → 竣工验收. The current stage and a version
-- live on the project (a stale version is refused); every step entered is a row, timed, with its note.
create table space_repair_project (
  id              bigint generated always as identity primary key,
  region_id       bigint not null references region (id),
  project_no      varchar(30) not null unique,
  title           varchar(200) not null check (length(trim(title)) > 0),
  repair_class    varchar(10) not null check (repair_class in ('MAJOR', 'MEDIUM', 'ROUTINE')),
  building_id     bigint not null,
  room_id         bigint,
  location        varchar(200),
  budget_fen      bigint check (budget_fen >= 0),
  stage           varchar(12) not null default 'SURVEY'
                  check (stage in ('SURVEY', 'APPROVAL', 'PLANNING', 'WORKS', 'ACCEPTANCE', 'COMPLETED')),
  stage_entered_at timestamptz not null,
  created_by      varchar(60) not null,
  created_at      timestamptz not null,
  version         int not null default 0,
  foreign key (building_id, region_id) references space_building (id, region_id),
  foreign key (room_id, region_id) references space_room (id, region_id)
);

create sequence space_repair_project_no_seq;

create table space_repair_step (
  id            bigint generated always as identity primary key,
  project_id    bigint not null references space_repair_project (id),
  from_stage    varchar(12),
  to_stage      varchar(12) not null,
  actor         varchar(60) not null,
  occurred_at   timestamptz not null,
  note          varchar(1000),
  unique (project_id, to_stage)
);

-- Attachments (鉴定报告, 立项批复, 施工计划, 验收单 ...) belong to the stage in which they were added.
create table space_repair_attachment (
  id             bigint generated always as identity primary key,
  project_id     bigint not null references space_repair_project (id),
  stage          varchar(12) not null,
  content_type   varchar(100) not null,
  file_name      varchar(200) not null,
  size_bytes     int not null check (size_bytes > 0 and size_bytes <= 20971520),
  data           bytea not null,
  uploaded_by    varchar(60) not null,
  uploaded_at    timestamptz not null
);
create index space_repair_attachment_project_idx on space_repair_attachment (project_id);
