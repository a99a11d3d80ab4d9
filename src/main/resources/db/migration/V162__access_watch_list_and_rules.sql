-- 重点关注名单 (watch list): people security keeps from entering, by the SM3 hash of their resident ID number (the
-- same hash as access_visit's), with the reason; removal keeps the row (removed_at, removed_by, removal_reason).
create table access_watch_entry (
  id               bigint generated always as identity primary key,
  region_id        bigint not null,
  id_number_hash   char(64) not null,
  id_number_masked varchar(18) not null,
  person_name      varchar(50) not null check (length(btrim(person_name)) > 0),
  reason           varchar(500) not null check (length(btrim(reason)) > 0),
  listed_at        timestamptz not null default now(),
  listed_by        bigint,
  removed_at       timestamptz,
  removed_by       bigint,
  removal_reason   varchar(500),
  check ((removed_at is null) = (removal_reason is null))
);
create unique index access_watch_entry_listed_once on access_watch_entry (region_id, id_number_hash)
  where removed_at is null;

-- 安保规则 (rule values of module access), versioned by effective date, national (region_id null) or a region's own:
-- how many days the visitor log is kept (个人信息保护法 art. 19: no longer than needed), how many emergency and fire
-- drills a year a unit holds at least (seed 000: two).
create table access_rule (
  id              bigint generated always as identity primary key,
  rule_key        varchar(40) not null check (rule_key in ('VISIT_RETENTION_DAYS', 'DRILLS_PER_YEAR')),
  region_id       bigint,
  value           integer not null check (value between 0 and 3650),
  effective_from  date not null,
  source          varchar(200),
  created_at      timestamptz not null default now(),
  created_by      bigint
);
create unique index access_rule_version on access_rule (rule_key, coalesce(region_id, 0), effective_from);

insert into access_rule (rule_key, region_id, value, effective_from, source)
values ('VISIT_RETENTION_DAYS', null, 180, date '2020-01-01',
        '平台默认值：访客记录保存 180 天后删除（个人信息保护法第十九条：保存期限为实现处理目的所必要的最短时间）'),
       ('DRILLS_PER_YEAR', null, 2, date '2020-01-01',
        '每年至少组织两次应急疏散和消防演练');
