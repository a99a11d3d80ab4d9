-- 公务接待 rules (《党政机关国内公务接待管理规定》2013, RULES.md §3) as versioned, region-specific data: a region's own
-- version overrides the national default from its effective date.

-- Single values: the number of working meals per reception, the accompanying-diner limits, the meal price standards.
create table reception_rule (
  id              bigint generated always as identity primary key,
  region_id       bigint references region (id),
  rule_key        varchar(40) not null check (rule_key in ('WORKING_MEALS_PER_RECEPTION', 'SMALL_GROUP_MAX_GUESTS',
                    'SMALL_GROUP_MAX_ACCOMPANYING', 'LARGE_GROUP_GUESTS_PER_ACCOMPANYING', 'BREAKFAST_CAP_FEN',
                    'LUNCH_CAP_FEN', 'DINNER_CAP_FEN')),
  value           bigint not null check (value >= 0),
  effective_from  date not null,
  source          varchar(200),
  created_by      bigint references user_account (id),
  created_at      timestamptz not null default now(),
  unique nulls not distinct (rule_key, region_id, effective_from),
  check (rule_key <> 'LARGE_GROUP_GUESTS_PER_ACCOMPANYING' or value >= 1)
);

insert into reception_rule (rule_key, value, effective_from, source) values
  ('WORKING_MEALS_PER_RECEPTION', 1, '2013-12-08', '接待单位可以安排工作餐一次'),
  ('SMALL_GROUP_MAX_GUESTS', 10, '2013-12-08', '接待对象在10人以内的，陪餐人数不得超过3人'),
  ('SMALL_GROUP_MAX_ACCOMPANYING', 3, '2013-12-08', '接待对象在10人以内的，陪餐人数不得超过3人'),
  ('LARGE_GROUP_GUESTS_PER_ACCOMPANYING', 3, '2013-12-08', '超过10人的，不得超过接待对象人数的三分之一'),
  ('BREAKFAST_CAP_FEN', 5000, '2013-12-08', '早餐标准（示例，县级以上政府规定）'),
  ('LUNCH_CAP_FEN', 9000, '2013-12-08', '午餐标准（示例，县级以上政府规定）'),
  ('DINNER_CAP_FEN', 9000, '2013-12-08', '晚餐标准（示例，县级以上政府规定）');

-- 住宿标准: by the guest's rank grade (职务层次, org_rank.grade) the room a guest may have (standard room, or an
-- ordinary suite) and the price per night.
create table reception_room_standard (
  id              bigint generated always as identity primary key,
  region_id       bigint references region (id),
  grade           varchar(30) not null check (grade in ('PROVINCIAL_HEAD', 'PROVINCIAL_DEPUTY', 'BUREAU_HEAD',
                    'BUREAU_DEPUTY', 'DIVISION_HEAD', 'DIVISION_DEPUTY', 'SECTION_HEAD', 'SECTION_DEPUTY', 'STAFF')),
  room_kind       varchar(10) not null check (room_kind in ('STANDARD', 'SUITE')),
  price_cap_fen   bigint not null check (price_cap_fen >= 0),
  effective_from  date not null,
  source          varchar(200),
  created_by      bigint references user_account (id),
  created_at      timestamptz not null default now(),
  unique nulls not distinct (grade, region_id, effective_from)
);

insert into reception_room_standard (grade, room_kind, price_cap_fen, effective_from, source) values
  ('PROVINCIAL_HEAD', 'SUITE', 80000, '2013-12-08', '省部级：普通套间'),
  ('PROVINCIAL_DEPUTY', 'SUITE', 60000, '2013-12-08', '省部级：普通套间'),
  ('BUREAU_HEAD', 'STANDARD', 45000, '2013-12-08', '厅局级：标准间'),
  ('BUREAU_DEPUTY', 'STANDARD', 45000, '2013-12-08', '厅局级：标准间'),
  ('DIVISION_HEAD', 'STANDARD', 30000, '2013-12-08', '其余人员：标准间（示例 ≤300元/人/天）'),
  ('DIVISION_DEPUTY', 'STANDARD', 30000, '2013-12-08', '其余人员：标准间'),
  ('SECTION_HEAD', 'STANDARD', 30000, '2013-12-08', '其余人员：标准间'),
  ('SECTION_DEPUTY', 'STANDARD', 30000, '2013-12-08', '其余人员：标准间'),
  ('STAFF', 'STANDARD', 30000, '2013-12-08', '其余人员：标准间');

-- 禁止项目: what may not appear on a consumption list, matched as words within an item; a version either bans a word
-- from its date or, with banned = false, lifts a ban (a region's own list overrides the national one word by word).
create table reception_banned_item (
  id              bigint generated always as identity primary key,
  region_id       bigint references region (id),
  word            varchar(40) not null check (length(trim(word)) > 0),
  banned          boolean not null,
  effective_from  date not null,
  created_by      bigint references user_account (id),
  created_at      timestamptz not null default now(),
  unique nulls not distinct (word, region_id, effective_from)
);

insert into reception_banned_item (word, banned, effective_from) values
  ('鱼翅', true, '2013-12-08'), ('燕窝', true, '2013-12-08'), ('野生保护动物', true, '2013-12-08'),
  ('穿山甲', true, '2013-12-08'), ('香烟', true, '2013-12-08'), ('卷烟', true, '2013-12-08'),
  ('高档酒水', true, '2013-12-08'), ('茅台', true, '2013-12-08'), ('五粮液', true, '2013-12-08');

-- 定点饭店: the hotels a region designates for official guests.
create table reception_hotel (
  id          bigint generated always as identity primary key,
  region_id   bigint not null references region (id),
  name        varchar(100) not null check (length(trim(name)) > 0),
  address     varchar(200),
  active      boolean not null default true,
  created_at  timestamptz not null default now(),
  unique (region_id, name)
);
