-- 食堂采购与追溯: suppliers and their licences, purchase requests with quotes and a second bidding round
-- (二次竞价), receiving inspections (进货查验记录, 食品安全法 art.50/53) and the dishes and days each batch went into.
create table canteen_supplier (
  id        bigserial primary key,
  region_id bigint not null references region (id),
  name      text not null check (length(name) between 1 and 200),
  address   text not null check (length(address) between 1 and 300),
  contact   text not null check (length(contact) between 1 and 100),
  unique (region_id, name)
);

create table canteen_supplier_licence (
  id          bigserial primary key,
  supplier_id bigint not null references canteen_supplier (id),
  kind        text not null check (kind in ('FOOD_BUSINESS', 'FOOD_PRODUCTION', 'BUSINESS_LICENCE', 'ANIMAL_QUARANTINE')),
  number      text not null check (length(number) between 1 and 100),
  expires_on  date not null,
  reminded_at timestamptz,
  unique (supplier_id, kind, number)
);

create table canteen_purchase_request (
  id               bigserial primary key,
  site_id          bigint not null references canteen (id),
  item_name        text not null check (length(item_name) between 1 and 200),
  spec             text,
  quantity         numeric(12, 2) not null check (quantity > 0),
  unit             text not null check (length(unit) between 1 and 20),
  needed_by        date,
  status           text not null default 'QUOTING' check (status in ('QUOTING', 'SECOND_ROUND', 'AWARDED')),
  awarded_quote_id bigint,
  awarded_at       timestamptz,
  created_by       bigint not null references user_account (id),
  created_at       timestamptz not null,
  check ((status = 'AWARDED') = (awarded_quote_id is not null and awarded_at is not null))
);

-- Round 1 is the open quote; round 2 the 二次竞价 among round-1 bidders only (the composite FK says so).
create table canteen_quote (
  id             bigserial primary key,
  request_id     bigint not null references canteen_purchase_request (id),
  supplier_id    bigint not null references canteen_supplier (id),
  round          smallint not null check (round in (1, 2)),
  unit_price_fen bigint not null check (unit_price_fen > 0),
  quoted_at      timestamptz not null,
  first_round    smallint generated always as (1) stored,
  unique (request_id, supplier_id, round)
);
alter table canteen_quote add constraint canteen_quote_second_round_bidder
  foreign key (request_id, supplier_id, first_round) references canteen_quote (request_id, supplier_id, round);
alter table canteen_purchase_request add constraint canteen_purchase_request_awarded_quote
  foreign key (awarded_quote_id) references canteen_quote (id);

-- 进货查验记录 = one received batch. A failed rapid pesticide-residue test rejects the batch, whoever writes the row.
create table canteen_batch (
  id                  bigserial primary key,
  site_id             bigint not null references canteen (id),
  request_id          bigint references canteen_purchase_request (id),
  supplier_id         bigint not null references canteen_supplier (id),
  item_name           text not null check (length(item_name) between 1 and 200),
  spec                text not null check (length(spec) between 1 and 200),
  quantity            numeric(12, 2) not null check (quantity > 0),
  unit                text not null check (length(unit) between 1 and 20),
  unit_price_fen      bigint not null check (unit_price_fen >= 0),
  batch_no            text,
  production_date     date not null,
  shelf_life_days     integer not null check (shelf_life_days > 0),
  received_on         date not null check (received_on >= production_date),
  supplier_name       text not null,
  supplier_address    text not null,
  supplier_contact    text not null,
  inspector           text not null check (length(inspector) between 1 and 100),
  pesticide_test      text not null check (pesticide_test in ('PASS', 'FAIL', 'NOT_APPLICABLE')),
  result              text not null check (result in ('ACCEPTED', 'REJECTED')),
  note                text,
  recorded_by         bigint not null references user_account (id),
  recorded_at         timestamptz not null,
  -- kept ≥ 6 months past the end of shelf life and at least 2 years (食品安全法 art.50)
  keep_until          date generated always as (greatest(production_date + shelf_life_days + interval '6 months',
                                                         received_on + interval '2 years')::date) stored,
  check (pesticide_test <> 'FAIL' or result = 'REJECTED')
);
create index canteen_batch_site_idx on canteen_batch (site_id, received_on);

-- Which batch went into which dish of which day's meal (the traceability chain).
create table canteen_batch_usage (
  id           bigserial primary key,
  batch_id     bigint not null references canteen_batch (id),
  menu_item_id bigint not null references canteen_menu_item (id),
  quantity     numeric(12, 2) not null check (quantity > 0),
  recorded_by  bigint not null references user_account (id),
  recorded_at  timestamptz not null,
  unique (batch_id, menu_item_id)
);
create index canteen_batch_usage_item_idx on canteen_batch_usage (menu_item_id);

-- Food-safety rule values (留样 and licence reminders), versioned per region; null region = national default.
create table canteen_food_safety_rule (
  id                    bigserial primary key,
  region_id             bigint references region (id),
  effective_from        date not null,
  sample_min_grams      integer not null check (sample_min_grams > 0),
  sample_keep_hours     integer not null check (sample_keep_hours > 0),
  licence_reminder_days integer not null check (licence_reminder_days >= 0),
  unique nulls not distinct (region_id, effective_from)
);
insert into canteen_food_safety_rule (region_id, effective_from, sample_min_grams, sample_keep_hours, licence_reminder_days)
values (null, '2020-01-01', 125, 48, 30);
