-- 应急与消防演练 (issue 18): the drills each unit holds, tracked against DRILLS_PER_YEAR (access_rule, national 2).
-- unit_id names organisation's unit (org_unit).
create table access_drill (
  id            bigint generated always as identity primary key,
  region_id     bigint not null,
  unit_id       bigint not null,
  held_on       date not null,
  kind          varchar(10) not null check (kind in ('EMERGENCY', 'FIRE')),
  title         varchar(200) not null check (length(btrim(title)) > 0),
  participants  integer not null check (participants between 1 and 100000),
  recorded_by   bigint,
  created_at    timestamptz not null default now()
);
create index access_drill_unit_year on access_drill (region_id, unit_id, held_on);
