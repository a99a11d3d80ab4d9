-- 公务用车 fleet: rule values as versioned, region-specific data (RULES.md §2), the vehicles, their quota (编制) per
-- unit and category, disposals, holiday sealing, drivers with training records, and named places for requests.

-- One table for the module's rule family: a value per key (and category where the rule differs by category), per
-- region (null = national default) and effective date. The lookup takes the latest version in force, the region's
-- own before the national default.
create table vehicle_rule (
  id              bigint generated always as identity primary key,
  region_id       bigint references region (id),
  rule_key        varchar(40) not null check (rule_key in ('PRICE_CAP_FEN', 'DISPLACEMENT_CAP_ML', 'NEV_PRICE_CAP_FEN',
                    'REPLACEMENT_AGE_YEARS', 'REPLACEMENT_KM', 'ROAD_FACTOR', 'AVERAGE_SPEED_KMH',
                    'MAX_DRIVING_MINUTES', 'MIN_REST_MINUTES', 'MILEAGE_EXCESS_PERCENT', 'WINDOW_TOLERANCE_MINUTES',
                    'EXPIRY_REMINDER_DAYS', 'COST_PER_KM_FEN')),
  category        varchar(20) check (category in ('CONFIDENTIAL', 'EMERGENCY', 'LAW_ENFORCEMENT', 'SPECIAL', 'OTHER')),
  value           numeric(14, 3) not null check (value >= 0),
  effective_from  date not null,
  source          varchar(200),
  created_by      bigint references user_account (id),
  created_at      timestamptz not null default now(),
  unique nulls not distinct (rule_key, region_id, category, effective_from)
);

insert into vehicle_rule (rule_key, category, value, effective_from, source) values
  ('PRICE_CAP_FEN', 'CONFIDENTIAL', 12000000, '2017-12-01', '《党政机关公务用车管理办法》机要通信 ≤12万元'),
  ('PRICE_CAP_FEN', 'EMERGENCY', 18000000, '2017-12-01', '应急保障 ≤18万元'),
  ('PRICE_CAP_FEN', 'LAW_ENFORCEMENT', 18000000, '2017-12-01', '执法执勤 ≤18万元'),
  ('PRICE_CAP_FEN', 'SPECIAL', 25000000, '2017-12-01', '特种专业技术（中小型客车等特殊情况）≤25万元'),
  ('PRICE_CAP_FEN', 'OTHER', 18000000, '2017-12-01', '其他按规定配备 ≤18万元'),
  ('DISPLACEMENT_CAP_ML', 'CONFIDENTIAL', 1600, '2017-12-01', '机要通信 ≤1.6升'),
  ('DISPLACEMENT_CAP_ML', 'EMERGENCY', 1800, '2017-12-01', '应急保障 ≤1.8升'),
  ('DISPLACEMENT_CAP_ML', 'LAW_ENFORCEMENT', 1800, '2017-12-01', '执法执勤 ≤1.8升'),
  ('DISPLACEMENT_CAP_ML', 'SPECIAL', 3000, '2017-12-01', '特种专业技术（中小型客车）≤3.0升'),
  ('DISPLACEMENT_CAP_ML', 'OTHER', 1800, '2017-12-01', '其他按规定配备 ≤1.8升'),
  ('NEV_PRICE_CAP_FEN', null, 18000000, '2017-12-01', '新能源轿车 ≤18万元'),
  ('REPLACEMENT_AGE_YEARS', null, 8, '2017-12-01', '更新年限（可配置）'),
  ('REPLACEMENT_KM', null, 250000, '2017-12-01', '更新里程（可配置）'),
  ('ROAD_FACTOR', null, 1.3, '2026-01-01', '道路距离 = 直线距离 × 系数'),
  ('AVERAGE_SPEED_KMH', null, 40, '2026-01-01', '平均车速'),
  ('MAX_DRIVING_MINUTES', null, 480, '2026-01-01', '驾驶员每日最长驾驶时间'),
  ('MIN_REST_MINUTES', null, 20, '2026-01-01', '两趟任务之间最短休息'),
  ('MILEAGE_EXCESS_PERCENT', null, 50, '2026-01-01', '实际里程超过计划里程的比例即预警'),
  ('WINDOW_TOLERANCE_MINUTES', null, 30, '2026-01-01', '出车、回车时间超出批准时段的容差'),
  ('EXPIRY_REMINDER_DAYS', null, 30, '2026-01-01', '保险、年检到期前提醒天数'),
  ('COST_PER_KM_FEN', null, 80, '2026-01-01', '规划用每公里成本');

create table vehicle (
  id                 bigint generated always as identity primary key,
  region_id          bigint not null references region (id),
  unit_id            bigint not null,
  plate              varchar(10) not null unique,
  category           varchar(20) not null check (category in ('CONFIDENTIAL', 'EMERGENCY', 'LAW_ENFORCEMENT', 'SPECIAL', 'OTHER')),
  brand              varchar(50) not null check (length(trim(brand)) > 0),
  model              varchar(80) not null check (length(trim(model)) > 0),
  domestic           boolean not null,
  new_energy         boolean not null,
  displacement_ml    int check (displacement_ml between 0 and 10000),
  price_fen          bigint not null check (price_fen > 0),
  seats              int not null check (seats between 2 and 60),
  purchased_on       date not null,
  odometer_km        int not null default 0 check (odometer_km >= 0),
  parking_place      varchar(100) not null,
  parking_lat        double precision not null check (parking_lat between -90 and 90),
  parking_lon        double precision not null check (parking_lon between -180 and 180),
  status             varchar(20) not null default 'IN_SERVICE'
                     check (status in ('IN_SERVICE', 'REPAIR', 'SEALED', 'PENDING_DISPOSAL', 'DISPOSED')),
  insurance_until    date not null,
  inspection_until   date not null,
  created_at         timestamptz not null default now(),
  version            int not null default 0,
  foreign key (unit_id, region_id) references unit (id, region_id),
  -- a combustion engine has a displacement; a battery car may have none
  check (new_energy or displacement_ml is not null)
);
create index vehicle_region_idx on vehicle (region_id, status);

-- 编制: how many vehicles of a category a unit may hold (disposed vehicles do not count)
create table vehicle_quota (
  id         bigint generated always as identity primary key,
  unit_id    bigint not null references unit (id),
  category   varchar(20) not null check (category in ('CONFIDENTIAL', 'EMERGENCY', 'LAW_ENFORCEMENT', 'SPECIAL', 'OTHER')),
  quota      int not null check (quota between 0 and 500),
  updated_at timestamptz not null default now(),
  unique (unit_id, category)
);

create table vehicle_disposal (
  id            bigint generated always as identity primary key,
  vehicle_id    bigint not null unique references vehicle (id),
  disposed_on   date not null,
  method        varchar(20) not null check (method in ('AUCTION', 'SCRAP', 'TRANSFER')),
  reason        varchar(300) not null check (length(trim(reason)) > 0),
  proceeds_fen  bigint not null default 0 check (proceeds_fen >= 0),
  recorded_by   bigint not null references user_account (id),
  recorded_at   timestamptz not null default now()
);

-- 节假日封存: a vehicle sealed in its designated place for a stretch of days
create table vehicle_seal (
  id          bigint generated always as identity primary key,
  vehicle_id  bigint not null references vehicle (id),
  sealed_from date not null,
  sealed_to   date not null,
  sealed_by   bigint not null references user_account (id),
  created_at  timestamptz not null default now(),
  check (sealed_from <= sealed_to)
);

-- Reminders of an expiry go out once per vehicle, kind and expiry date.
create table vehicle_expiry_reminder (
  vehicle_id  bigint not null references vehicle (id),
  kind        varchar(12) not null check (kind in ('INSURANCE', 'INSPECTION')),
  expires_on  date not null,
  sent_at     timestamptz not null default now(),
  primary key (vehicle_id, kind, expires_on)
);

create table vehicle_driver (
  id               bigint generated always as identity primary key,
  region_id        bigint not null references region (id),
  staff_id         bigint not null unique references staff (id),
  user_id          bigint unique references user_account (id),
  licence_class    varchar(3) not null check (licence_class in ('A1', 'A2', 'B1', 'B2', 'C1', 'C2')),
  licence_expires  date not null,
  available        boolean not null default true,
  shift_start      time not null default '07:30',
  shift_end        time not null default '19:00',
  check (shift_start < shift_end)
);

create table vehicle_driver_record (
  id          bigint generated always as identity primary key,
  driver_id   bigint not null references vehicle_driver (id),
  kind        varchar(10) not null check (kind in ('TRAINING', 'ASSESSMENT')),
  held_on     date not null,
  topic       varchar(100) not null check (length(trim(topic)) > 0),
  result      varchar(50),
  recorded_by bigint not null references user_account (id)
);

-- Named places per region so nobody types coordinates
create table vehicle_place (
  id         bigint generated always as identity primary key,
  region_id  bigint not null references region (id),
  name       varchar(60) not null check (length(trim(name)) > 0),
  latitude   double precision not null check (latitude between -90 and 90),
  longitude  double precision not null check (longitude between -180 and 180),
  unique (region_id, name)
);
