-- 房产出租: letting state-owned property. Money is integer fen. The lease-term limit is a rule with a region and an
-- effective date (a null region is the national default), seeded from RULES.md §5: at most 5 years by default, and
-- no rule may allow more than 10 years, whoever edits it.
create extension if not exists btree_gist;

create table space_lease_term_rule (
  id                bigint generated always as identity primary key,
  region_id         bigint references region (id),
  name              varchar(100) not null,
  max_term_months   int not null check (max_term_months between 1 and 120),
  effective_from    date not null,
  created_at        timestamptz not null default now(),
  unique nulls not distinct (region_id, effective_from)
);

insert into space_lease_term_rule (region_id, name, max_term_months, effective_from)
values (null, '行政事业性国有资产出租期限（全国默认）', 60, '2021-04-01');

-- 承租方: a company or organisation renting property; its 统一社会信用代码 is unique within a region.
create table space_tenant (
  id             bigint generated always as identity primary key,
  region_id      bigint not null references region (id),
  name           varchar(100) not null check (length(trim(name)) > 0),
  credit_code    char(18) not null check (credit_code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'),
  contact_name   varchar(40) not null,
  contact_phone  varchar(30) not null,
  created_at     timestamptz not null,
  unique (region_id, credit_code)
);

-- 可出租房产: a registered room, or a part of a registered building (then its area is given here). Composite keys
-- keep the space in the lettable's own region.
create table space_lettable (
  id           bigint generated always as identity primary key,
  region_id    bigint not null references region (id),
  name         varchar(100) not null check (length(trim(name)) > 0),
  building_id  bigint not null,
  room_id      bigint,
  area_m2      numeric(10, 2) not null check (area_m2 > 0),
  purpose      varchar(100),
  created_at   timestamptz not null,
  foreign key (building_id, region_id) references space_building (id, region_id),
  foreign key (room_id, region_id) references space_room (id, region_id),
  unique (region_id, name)
);
create unique index space_lettable_room_once on space_lettable (room_id) where room_id is not null;

-- 租赁合同. Two active leases of one space never overlap: the exclusion constraint refuses it.
create table space_lease (
  id                       bigint generated always as identity primary key,
  region_id                bigint not null references region (id),
  lettable_id              bigint not null references space_lettable (id),
  tenant_id                bigint not null references space_tenant (id),
  contract_no              varchar(40) not null unique,
  start_date               date not null,
  term_months              int not null check (term_months between 1 and 120),
  end_date                 date not null check (end_date >= start_date),
  frequency                varchar(10) not null check (frequency in ('MONTHLY', 'QUARTERLY', 'YEARLY')),
  annual_rent_fen          bigint not null check (annual_rent_fen > 0),
  yearly_increase_percent  numeric(5, 2) check (yearly_increase_percent >= 0 and yearly_increase_percent <= 100),
  term_rule_id             bigint not null references space_lease_term_rule (id),
  status                   varchar(12) not null default 'ACTIVE' check (status in ('ACTIVE', 'TERMINATED')),
  created_by               varchar(60) not null,
  created_at               timestamptz not null,
  version                  int not null default 0,
  constraint space_lease_one_active_per_space
    exclude using gist (lettable_id with =, daterange(start_date, end_date, '[]') with &&) where (status = 'ACTIVE')
);
create index space_lease_tenant_idx on space_lease (tenant_id);

-- 租金计划: one row per instalment; the invoice (发票) issued for it, if any.
create table space_rent_instalment (
  id             bigint generated always as identity primary key,
  lease_id       bigint not null references space_lease (id),
  sequence       int not null check (sequence > 0),
  period_start   date not null,
  period_end     date not null check (period_end >= period_start),
  due_date       date not null,
  amount_fen     bigint not null check (amount_fen >= 0),
  paid_fen       bigint not null default 0 check (paid_fen >= 0 and paid_fen <= amount_fen),
  invoice_no     varchar(40),
  invoiced_on    date,
  unique (lease_id, sequence),
  check ((invoice_no is null) = (invoiced_on is null))
);
create index space_rent_instalment_due_idx on space_rent_instalment (due_date) where paid_fen < amount_fen;

create sequence space_rent_receipt_no_seq;

-- 收款: a payment against one instalment; several partial payments may settle it. The receipt number is ours.
create table space_rent_payment (
  id              bigint generated always as identity primary key,
  instalment_id   bigint not null references space_rent_instalment (id),
  amount_fen      bigint not null check (amount_fen > 0),
  paid_on         date not null,
  method          varchar(12) not null check (method in ('TRANSFER', 'CHEQUE', 'CASH', 'OTHER')),
  receipt_no      varchar(30) not null unique,
  note            varchar(200),
  recorded_by     varchar(60) not null,
  recorded_at     timestamptz not null
);
create index space_rent_payment_paid_on_idx on space_rent_payment (paid_on);

-- 催缴: each reminder fires once per instalment and kind, however often the job runs.
create table space_rent_reminder (
  instalment_id  bigint not null references space_rent_instalment (id),
  kind           varchar(10) not null check (kind in ('DUE_SOON', 'OVERDUE')),
  fired_at       timestamptz not null,
  primary key (instalment_id, kind)
);

-- 出租房产安全检查: periodic safety checks of let property.
create table space_rental_safety_check (
  id            bigint generated always as identity primary key,
  lettable_id   bigint not null references space_lettable (id),
  checked_on    date not null,
  inspector     varchar(40) not null,
  result        varchar(10) not null check (result in ('PASSED', 'ISSUES')),
  notes         varchar(1000),
  recorded_by   varchar(60) not null,
  recorded_at   timestamptz not null,
  check (result = 'PASSED' or length(trim(coalesce(notes, ''))) > 0)
);
