-- The office-space rules as data (RULES §1): versioned by effective date, region-specific (null = national
-- default), editable on the rules page. The most specific row wins: the region's own row in force on the day,
-- otherwise the national one.

-- 办公室使用面积标准 per person, by the unit's government level and the 职务层次 (staff_rank.grade) of the person.
-- Seeded from 《党政机关办公用房建设标准》(发改投资〔2014〕2674号). Grades above a level's top post (e.g. a 厅局级
-- rank in a county unit) take that level's top value, so every rank has a standard.
create table space_office_standard (
  id                bigint generated always as identity primary key,
  region_id         bigint references region (id),
  effective_from    date not null,
  government_level  varchar(10) not null check (government_level in ('CENTRAL', 'PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')),
  grade             varchar(20) not null check (grade in ('PROVINCIAL_HEAD', 'PROVINCIAL_DEPUTY', 'BUREAU_HEAD',
                        'BUREAU_DEPUTY', 'DIVISION_HEAD', 'DIVISION_DEPUTY', 'SECTION_HEAD', 'SECTION_DEPUTY', 'STAFF')),
  max_use_area      numeric(6,2) not null check (max_use_area > 0),
  -- the standard's own wording of the post, shown with every over-standard case
  post_label        varchar(40) not null,
  source            varchar(100) not null,
  unique nulls not distinct (region_id, effective_from, government_level, grade)
);

insert into space_office_standard (region_id, effective_from, government_level, grade, max_use_area, post_label, source)
select null, date '2014-12-31', level, grade, area, label, '发改投资〔2014〕2674号'
  from (values
    ('CENTRAL', 'PROVINCIAL_HEAD', 54, '部级正职'), ('CENTRAL', 'PROVINCIAL_DEPUTY', 42, '部级副职'),
    ('CENTRAL', 'BUREAU_HEAD', 24, '正司(局)级'), ('CENTRAL', 'BUREAU_DEPUTY', 18, '副司(局)级'),
    ('CENTRAL', 'DIVISION_HEAD', 12, '处级'), ('CENTRAL', 'DIVISION_DEPUTY', 12, '处级'),
    ('CENTRAL', 'SECTION_HEAD', 9, '处级以下'), ('CENTRAL', 'SECTION_DEPUTY', 9, '处级以下'), ('CENTRAL', 'STAFF', 9, '处级以下'),
    ('PROVINCE', 'PROVINCIAL_HEAD', 54, '省级正职'), ('PROVINCE', 'PROVINCIAL_DEPUTY', 42, '省级副职'),
    ('PROVINCE', 'BUREAU_HEAD', 30, '正厅(局)级'), ('PROVINCE', 'BUREAU_DEPUTY', 24, '副厅(局)级'),
    ('PROVINCE', 'DIVISION_HEAD', 18, '正处级'), ('PROVINCE', 'DIVISION_DEPUTY', 12, '副处级'),
    ('PROVINCE', 'SECTION_HEAD', 9, '处级以下'), ('PROVINCE', 'SECTION_DEPUTY', 9, '处级以下'), ('PROVINCE', 'STAFF', 9, '处级以下'),
    ('CITY', 'PROVINCIAL_HEAD', 42, '市级正职'), ('CITY', 'PROVINCIAL_DEPUTY', 42, '市级正职'),
    ('CITY', 'BUREAU_HEAD', 42, '市级正职'), ('CITY', 'BUREAU_DEPUTY', 30, '市级副职'),
    ('CITY', 'DIVISION_HEAD', 24, '正局(处)级'), ('CITY', 'DIVISION_DEPUTY', 18, '副局(处)级'),
    ('CITY', 'SECTION_HEAD', 9, '局(处)级以下'), ('CITY', 'SECTION_DEPUTY', 9, '局(处)级以下'), ('CITY', 'STAFF', 9, '局(处)级以下'),
    ('COUNTY', 'PROVINCIAL_HEAD', 30, '县级正职'), ('COUNTY', 'PROVINCIAL_DEPUTY', 30, '县级正职'),
    ('COUNTY', 'BUREAU_HEAD', 30, '县级正职'), ('COUNTY', 'BUREAU_DEPUTY', 30, '县级正职'),
    ('COUNTY', 'DIVISION_HEAD', 30, '县级正职'), ('COUNTY', 'DIVISION_DEPUTY', 24, '县级副职'),
    ('COUNTY', 'SECTION_HEAD', 18, '正科级'), ('COUNTY', 'SECTION_DEPUTY', 12, '副科级'), ('COUNTY', 'STAFF', 9, '科级以下'),
    -- 乡级: set by each province, at most 县级副职; seeded with 湖北 2015 (正职 24, 副职 18, 以下 9) [S]
    ('TOWNSHIP', 'PROVINCIAL_HEAD', 24, '乡级正职'), ('TOWNSHIP', 'PROVINCIAL_DEPUTY', 24, '乡级正职'),
    ('TOWNSHIP', 'BUREAU_HEAD', 24, '乡级正职'), ('TOWNSHIP', 'BUREAU_DEPUTY', 24, '乡级正职'),
    ('TOWNSHIP', 'DIVISION_HEAD', 24, '乡级正职'), ('TOWNSHIP', 'DIVISION_DEPUTY', 24, '乡级正职'),
    ('TOWNSHIP', 'SECTION_HEAD', 24, '乡级正职'), ('TOWNSHIP', 'SECTION_DEPUTY', 18, '乡级副职'), ('TOWNSHIP', 'STAFF', 9, '乡级以下')
  ) as seed (level, grade, area, label);

-- 建筑面积等级 per approved head (编制定员): the use-area per head a unit may hold, by its government level.
-- 一级 16–19, 二级 12–15, 三级 10–12 m² use-area; the lower bound applies above the grade's head count
-- (400 / 200 / 100). Which level uses which grade is unverified [U]: 中央/省 一级, 市 二级, 县/乡 三级.
create table space_unit_standard (
  id                   bigint generated always as identity primary key,
  region_id            bigint references region (id),
  effective_from       date not null,
  government_level     varchar(10) not null check (government_level in ('CENTRAL', 'PROVINCE', 'CITY', 'COUNTY', 'TOWNSHIP')),
  building_grade       varchar(10) not null check (building_grade in ('一级', '二级', '三级')),
  use_area_per_head    numeric(6,2) not null check (use_area_per_head > 0),
  large_unit_headcount int not null check (large_unit_headcount > 0),
  large_unit_per_head  numeric(6,2) not null check (large_unit_per_head > 0 and large_unit_per_head <= use_area_per_head),
  source               varchar(100) not null,
  unique nulls not distinct (region_id, effective_from, government_level)
);

insert into space_unit_standard (region_id, effective_from, government_level, building_grade, use_area_per_head,
                                 large_unit_headcount, large_unit_per_head, source) values
  (null, date '2014-12-31', 'CENTRAL',  '一级', 19, 400, 16, '发改投资〔2014〕2674号'),
  (null, date '2014-12-31', 'PROVINCE', '一级', 19, 400, 16, '发改投资〔2014〕2674号'),
  (null, date '2014-12-31', 'CITY',     '二级', 15, 200, 12, '发改投资〔2014〕2674号'),
  (null, date '2014-12-31', 'COUNTY',   '三级', 12, 100, 10, '发改投资〔2014〕2674号'),
  (null, date '2014-12-31', 'TOWNSHIP', '三级', 12, 100, 10, '发改投资〔2014〕2674号');

-- Deadlines (办公用房管理办法 2017 art.19): an office is recovered within 1 month of a transfer or retirement; a
-- leader's second office is vacated within 2 months of leaving the concurrent post.
create table space_deadline_rule (
  id              bigint generated always as identity primary key,
  region_id       bigint references region (id),
  effective_from  date not null,
  kind            varchar(30) not null check (kind in ('RECOVERY_AFTER_LEAVING', 'SECOND_OFFICE_AFTER_POST')),
  months          int not null check (months between 1 and 24),
  source          varchar(100) not null,
  unique nulls not distinct (region_id, effective_from, kind)
);

insert into space_deadline_rule (region_id, effective_from, kind, months, source) values
  (null, date '2017-12-04', 'RECOVERY_AFTER_LEAVING', 1, '党政机关办公用房管理办法 第十九条'),
  (null, date '2017-12-04', 'SECOND_OFFICE_AFTER_POST', 2, '党政机关办公用房管理办法 第十九条');
