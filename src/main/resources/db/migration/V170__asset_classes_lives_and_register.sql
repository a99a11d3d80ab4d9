-- 资产 (issue 15), module asset: the classification code table after GB/T 14885-2022, the useful lives by class as a
-- versioned regional rule table, and the register of assets. Rooms belong to module space and vehicles to module
-- vehicle: their ids are stored here and checked through those modules' public APIs (SpaceRegister, Fleet), never
-- referenced by a foreign key into their tables (ADR 0015).

-- 资产分类与代码: one version of a class from a day on. A class is in force on a day through its newest version that
-- began on or before it; a version with active = false retires the code from that day. Codes are a capital letter and
-- six digits (门类 A01, 大类, 中类 two digits each: A010000 房屋和构筑物), optionally two more for a 小类. A class
-- that is not depreciated (land, heritage and exhibits, books and archives, plants and animals, stores) says so here;
-- the asset keeps what its class said when it was registered.
create table asset_class (
  id              bigint generated always as identity primary key,
  code            varchar(9) not null check (code ~ '^[A-Z][0-9]{6}([0-9]{2})?$'),
  name            varchar(100) not null check (length(trim(name)) > 0),
  parent_code     varchar(9) check (parent_code ~ '^[A-Z][0-9]{6}([0-9]{2})?$' and parent_code <> code),
  depreciated     boolean not null,
  active          boolean not null default true,
  effective_from  date not null,
  created_at      timestamptz not null default now(),
  unique (code, effective_from)
);

insert into asset_class (code, name, parent_code, depreciated, effective_from) values
  ('A010000', '房屋和构筑物', null, true, '2022-12-30'),
  ('A010100', '房屋', 'A010000', true, '2022-12-30'),
  ('A010101', '办公用房', 'A010100', true, '2022-12-30'),
  ('A010102', '业务用房', 'A010100', true, '2022-12-30'),
  ('A010103', '简易房', 'A010100', true, '2022-12-30'),
  ('A010200', '构筑物', 'A010000', true, '2022-12-30'),
  ('A010300', '土地', 'A010000', false, '2022-12-30'),
  ('A020000', '设备', null, true, '2022-12-30'),
  ('A020100', '信息化设备', 'A020000', true, '2022-12-30'),
  ('A020101', '计算机', 'A020100', true, '2022-12-30'),
  ('A02010101', '台式计算机', 'A020101', true, '2022-12-30'),
  ('A02010102', '便携式计算机', 'A020101', true, '2022-12-30'),
  ('A02010103', '平板式计算机', 'A020101', true, '2022-12-30'),
  ('A020102', '网络设备', 'A020100', true, '2022-12-30'),
  ('A020103', '输入输出设备', 'A020100', true, '2022-12-30'),
  ('A02010301', '打印机', 'A020103', true, '2022-12-30'),
  ('A02010302', '扫描仪', 'A020103', true, '2022-12-30'),
  ('A02010303', '显示设备', 'A020103', true, '2022-12-30'),
  ('A020104', '存储设备', 'A020100', true, '2022-12-30'),
  ('A020200', '办公设备', 'A020000', true, '2022-12-30'),
  ('A020201', '复印机', 'A020200', true, '2022-12-30'),
  ('A020202', '投影仪', 'A020200', true, '2022-12-30'),
  ('A020203', '多功能一体机', 'A020200', true, '2022-12-30'),
  ('A020204', '碎纸机', 'A020200', true, '2022-12-30'),
  ('A020205', '速印机', 'A020200', true, '2022-12-30'),
  ('A020300', '车辆', 'A020000', true, '2022-12-30'),
  ('A020301', '乘用车', 'A020300', true, '2022-12-30'),
  ('A02030101', '轿车', 'A020301', true, '2022-12-30'),
  ('A02030102', '越野车', 'A020301', true, '2022-12-30'),
  ('A02030103', '商务车', 'A020301', true, '2022-12-30'),
  ('A020302', '客车', 'A020300', true, '2022-12-30'),
  ('A020303', '专用车辆', 'A020300', true, '2022-12-30'),
  ('A020304', '摩托车', 'A020300', true, '2022-12-30'),
  ('A020400', '电气设备', 'A020000', true, '2022-12-30'),
  ('A020401', '空调机', 'A020400', true, '2022-12-30'),
  ('A020402', '电冰箱', 'A020400', true, '2022-12-30'),
  ('A020500', '通信设备', 'A020000', true, '2022-12-30'),
  ('A020600', '广播、电视、电影设备', 'A020000', true, '2022-12-30'),
  ('A020700', '仪器仪表', 'A020000', true, '2022-12-30'),
  ('A020800', '机械设备', 'A020000', true, '2022-12-30'),
  ('A030000', '文物和陈列品', null, false, '2022-12-30'),
  ('A040000', '图书和档案', null, false, '2022-12-30'),
  ('A050000', '家具和用具', null, true, '2022-12-30'),
  ('A050100', '家具', 'A050000', true, '2022-12-30'),
  ('A050101', '床类', 'A050100', true, '2022-12-30'),
  ('A050102', '台、桌类', 'A050100', true, '2022-12-30'),
  ('A050103', '椅凳类', 'A050100', true, '2022-12-30'),
  ('A050104', '沙发类', 'A050100', true, '2022-12-30'),
  ('A050105', '柜类', 'A050100', true, '2022-12-30'),
  ('A050106', '架类', 'A050100', true, '2022-12-30'),
  ('A050200', '用具、装具', 'A050000', true, '2022-12-30'),
  ('A060000', '特种动植物', null, false, '2022-12-30'),
  ('A070000', '物资', null, false, '2022-12-30');

-- 折旧年限: the shortest useful life (months) of a class and its sub-classes, from a day on; a region's own version
-- before the national one (region_id null). Seeded with the lives of 政府会计准则第3号 应用指南's table [S].
create table asset_life_rule (
  id              bigint generated always as identity primary key,
  region_id       bigint references region (id),
  class_code      varchar(9) not null check (class_code ~ '^[A-Z][0-9]{6}([0-9]{2})?$'),
  life_months     int not null check (life_months between 1 and 1200),
  effective_from  date not null,
  created_at      timestamptz not null default now(),
  unique nulls not distinct (region_id, class_code, effective_from)
);

insert into asset_life_rule (region_id, class_code, life_months, effective_from) values
  (null, 'A010100', 600, '2017-01-01'),
  (null, 'A010103', 96, '2017-01-01'),
  (null, 'A010200', 96, '2017-01-01'),
  (null, 'A020100', 72, '2017-01-01'),
  (null, 'A020200', 72, '2017-01-01'),
  (null, 'A020300', 96, '2017-01-01'),
  (null, 'A020400', 60, '2017-01-01'),
  (null, 'A020500', 60, '2017-01-01'),
  (null, 'A020600', 60, '2017-01-01'),
  (null, 'A020700', 60, '2017-01-01'),
  (null, 'A020800', 120, '2017-01-01'),
  (null, 'A050100', 180, '2017-01-01'),
  (null, 'A050200', 60, '2017-01-01');

-- 资产卡片: one asset of a unit. The number is unique in the region; original value in fen; the life in months and
-- whether it is depreciated are fixed at registration (from the class and the life rule in force on the purchase
-- date). location_room_id is a room of module space; vehicle_id a vehicle of module vehicle (one asset per vehicle:
-- the two registers share the vehicle's identity, ADR 0015).
create table asset (
  id                  bigint generated always as identity primary key,
  region_id           bigint not null references region (id),
  number              varchar(40) not null check (number ~ '^[0-9A-Za-z-]{1,40}$'),
  name                varchar(100) not null check (length(trim(name)) > 0),
  class_code          varchar(9) not null,
  spec_model          varchar(100),
  serial_no           varchar(60),
  purchased_on        date not null,
  original_value_fen  bigint not null check (original_value_fen >= 0),
  funding_source      varchar(12) not null check (funding_source in ('FISCAL', 'SELF_RAISED', 'OTHER')),
  depreciated         boolean not null,
  life_months         int check (life_months between 1 and 1200),
  unit_id             bigint not null references unit (id),
  keeper_staff_id     bigint references staff (id),
  location_room_id    bigint,
  vehicle_id          bigint,
  status              varchar(16) not null check (status in ('IN_USE', 'IDLE', 'IN_WAREHOUSE', 'ON_LOAN',
                                                             'PENDING_DISPOSAL', 'DISPOSED')),
  status_since        date not null,
  created_at          timestamptz not null default now(),
  created_by          bigint not null,
  version             int not null default 0,
  constraint asset_number_unique unique (region_id, number),
  constraint asset_vehicle_unique unique (vehicle_id),
  constraint asset_life_when_depreciated check (not depreciated or life_months is not null)
);
create index asset_region_unit on asset (region_id, unit_id);
create index asset_class_code on asset (class_code);
create index asset_location on asset (location_room_id);
create index asset_keeper on asset (keeper_staff_id);
create index asset_status on asset (region_id, status);

-- The last number given per region and year for assets registered without one (ZC-2026-000001).
create table asset_number_counter (
  region_id  bigint not null references region (id),
  year       int not null check (year between 1900 and 9999),
  last       int not null check (last > 0),
  primary key (region_id, year)
);
