-- Regions are the tenants: the city level (市本级) and its counties/districts (县/区).
create table region (
  id          bigint generated always as identity primary key,
  code        varchar(20)  not null unique,
  name        varchar(60)  not null,
  kind        varchar(10)  not null check (kind in ('CITY', 'COUNTY')),
  parent_id   bigint references region (id),
  sort_order  int not null default 0,
  check ((kind = 'CITY') = (parent_id is null))
);

-- 部门单位
create table unit (
  id                  bigint generated always as identity primary key,
  region_id           bigint not null references region (id),
  code                varchar(30)  not null,
  name                varchar(100) not null,
  government_level    varchar(10)  not null check (government_level in ('CENTRAL', 'PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')),
  nature              varchar(20)  not null check (nature in ('PARTY_GOVERNMENT', 'PUBLIC_INSTITUTION', 'SOCIAL_ORGANISATION')),
  approved_headcount  int not null check (approved_headcount >= 0),
  sort_order          int not null default 0,
  unique (region_id, code),
  unique (region_id, name),
  unique (id, region_id)
);

-- The department tree inside a unit (内设机构).
create table department (
  id          bigint generated always as identity primary key,
  unit_id     bigint not null references unit (id),
  parent_id   bigint,
  name        varchar(100) not null,
  sort_order  int not null default 0,
  unique (id, unit_id),
  foreign key (parent_id, unit_id) references department (id, unit_id),
  unique nulls not distinct (unit_id, parent_id, name)
);

-- 职务/职级 dictionary. grade is the 职务层次 used by the office-area standard (RULES.md §1a):
-- the standard's rows per government level are read by grade, so one dictionary serves every level.
create table staff_rank (
  code        varchar(30) primary key,
  name        varchar(40) not null unique,
  kind        varchar(10) not null check (kind in ('POST', 'LEVEL')),
  grade       varchar(20) not null check (grade in ('PROVINCIAL_HEAD', 'PROVINCIAL_DEPUTY', 'BUREAU_HEAD', 'BUREAU_DEPUTY',
                                                  'DIVISION_HEAD', 'DIVISION_DEPUTY', 'SECTION_HEAD', 'SECTION_DEPUTY', 'STAFF')),
  sort_order  int not null
);

insert into staff_rank (code, name, kind, grade, sort_order) values
  ('PROVINCIAL_HEAD',   '省部级正职', 'POST', 'PROVINCIAL_HEAD', 10),
  ('PROVINCIAL_DEPUTY', '省部级副职', 'POST', 'PROVINCIAL_DEPUTY', 20),
  ('BUREAU_HEAD',       '厅局级正职', 'POST', 'BUREAU_HEAD', 30),
  ('BUREAU_DEPUTY',     '厅局级副职', 'POST', 'BUREAU_DEPUTY', 40),
  ('DIVISION_HEAD',     '县处级正职', 'POST', 'DIVISION_HEAD', 50),
  ('DIVISION_DEPUTY',   '县处级副职', 'POST', 'DIVISION_DEPUTY', 60),
  ('SECTION_HEAD',      '乡科级正职', 'POST', 'SECTION_HEAD', 70),
  ('SECTION_DEPUTY',    '乡科级副职', 'POST', 'SECTION_DEPUTY', 80),
  ('LEVEL_INSPECTOR_1', '一级巡视员', 'LEVEL', 'BUREAU_HEAD', 110),
  ('LEVEL_INSPECTOR_2', '二级巡视员', 'LEVEL', 'BUREAU_DEPUTY', 120),
  ('LEVEL_RESEARCHER_1','一级调研员', 'LEVEL', 'DIVISION_HEAD', 130),
  ('LEVEL_RESEARCHER_2','二级调研员', 'LEVEL', 'DIVISION_HEAD', 140),
  ('LEVEL_RESEARCHER_3','三级调研员', 'LEVEL', 'DIVISION_DEPUTY', 150),
  ('LEVEL_RESEARCHER_4','四级调研员', 'LEVEL', 'DIVISION_DEPUTY', 160),
  ('LEVEL_CLERK_1',     '一级主任科员', 'LEVEL', 'SECTION_HEAD', 170),
  ('LEVEL_CLERK_2',     '二级主任科员', 'LEVEL', 'SECTION_HEAD', 180),
  ('LEVEL_CLERK_3',     '三级主任科员', 'LEVEL', 'SECTION_DEPUTY', 190),
  ('LEVEL_CLERK_4',     '四级主任科员', 'LEVEL', 'SECTION_DEPUTY', 200),
  ('LEVEL_OFFICER_1',   '一级科员', 'LEVEL', 'STAFF', 210),
  ('LEVEL_OFFICER_2',   '二级科员', 'LEVEL', 'STAFF', 220),
  ('OTHER',             '其他工作人员', 'LEVEL', 'STAFF', 900);

-- 干部职工
create table staff (
  id                    bigint generated always as identity primary key,
  region_id             bigint not null,
  unit_id               bigint not null,
  department_id         bigint,
  staff_no              varchar(30) not null,
  name                  varchar(50) not null check (length(trim(name)) > 0),
  gender                char(1) check (gender in ('M', 'F')),
  post_title            varchar(60),
  rank_code             varchar(30) not null references staff_rank (code),
  within_establishment  boolean not null,
  -- SM4-encrypted mobile number; never stored in clear.
  mobile_cipher         text,
  status                varchar(12) not null check (status in ('ACTIVE', 'TRANSFERRED', 'RETIRED')),
  joined_on             date,
  status_changed_on     date,
  foreign key (unit_id, region_id) references unit (id, region_id),
  foreign key (department_id, unit_id) references department (id, unit_id),
  unique (region_id, staff_no),
  check (status = 'ACTIVE' or status_changed_on is not null)
);

create index staff_unit_idx on staff (unit_id);
create index staff_name_idx on staff (name);
