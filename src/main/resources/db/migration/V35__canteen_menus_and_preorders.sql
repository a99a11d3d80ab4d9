-- 机关食堂 (kitchen side): the dishes of each canteen (table canteen, V30), daily menus per meal, 报餐 (pre-orders) with the
-- region's cut-off rule, dish ratings, and weighed waste against food prepared.
create table canteen_dish (
  id        bigserial primary key,
  site_id   bigint not null references canteen (id),
  name      text not null check (length(name) between 1 and 100),
  category  text not null default 'MAIN' check (category in ('STAPLE', 'MAIN', 'SIDE', 'SOUP', 'SNACK', 'DRINK')),
  price_fen bigint not null check (price_fen >= 0),
  active    boolean not null default true,
  unique (site_id, name)
);

-- One dish on one day's meal: the unit the kitchen cooks, the diner orders, the sample is kept for and a batch is used in.
create table canteen_menu_item (
  id        bigserial primary key,
  site_id   bigint not null references canteen (id),
  serve_date date not null,
  meal      text not null check (meal in ('BREAKFAST', 'LUNCH', 'DINNER')),
  dish_id   bigint not null references canteen_dish (id),
  price_fen bigint not null check (price_fen >= 0),
  unique (site_id, serve_date, meal, dish_id)
);
create index canteen_menu_item_day_idx on canteen_menu_item (site_id, serve_date);

-- 报餐截止: a meal of day D may be ordered or cancelled until (D - days_before) at cutoff_time. Region null = national
-- default; the newest version in effect on D applies.
create table canteen_cutoff_rule (
  id             bigserial primary key,
  region_id      bigint references region (id),
  meal           text not null check (meal in ('BREAKFAST', 'LUNCH', 'DINNER')),
  days_before    integer not null check (days_before between 0 and 7),
  cutoff_time    time not null,
  effective_from date not null,
  unique nulls not distinct (region_id, meal, effective_from)
);
insert into canteen_cutoff_rule (region_id, meal, days_before, cutoff_time, effective_from) values
  (null, 'BREAKFAST', 1, '16:00', '2020-01-01'),
  (null, 'LUNCH', 0, '09:30', '2020-01-01'),
  (null, 'DINNER', 0, '14:00', '2020-01-01');

create table canteen_preorder (
  id                bigserial primary key,
  site_id           bigint not null references canteen (id),
  serve_date        date not null,
  meal              text not null check (meal in ('BREAKFAST', 'LUNCH', 'DINNER')),
  staff_id          bigint not null references staff (id),
  user_id           bigint not null references user_account (id),
  amount_fen        bigint not null check (amount_fen >= 0),
  status            text not null default 'ACTIVE' check (status in ('ACTIVE', 'CANCELLED')),
  payment_id        bigint,
  balance_after_fen bigint,
  subsidy_fen       bigint check (subsidy_fen >= 0),
  refund_payment_id bigint,
  created_at        timestamptz not null,
  cancelled_at      timestamptz,
  check ((status = 'CANCELLED') = (cancelled_at is not null))
);
-- One active pre-order per person, canteen, day and meal.
create unique index canteen_preorder_one_active on canteen_preorder (staff_id, site_id, serve_date, meal)
  where status = 'ACTIVE';
create index canteen_preorder_day_idx on canteen_preorder (site_id, serve_date, meal);

create table canteen_preorder_line (
  preorder_id  bigint not null references canteen_preorder (id),
  menu_item_id bigint not null references canteen_menu_item (id),
  quantity     integer not null check (quantity between 1 and 20),
  price_fen    bigint not null check (price_fen >= 0),
  primary key (preorder_id, menu_item_id)
);

create table canteen_dish_rating (
  id           bigserial primary key,
  menu_item_id bigint not null references canteen_menu_item (id),
  staff_id     bigint not null references staff (id),
  score        smallint not null check (score between 1 and 5),
  comment      text check (length(comment) <= 500),
  created_at   timestamptz not null,
  unique (menu_item_id, staff_id)
);

-- 称重: food prepared per meal, and waste by kind (备餐损耗 preparation scraps, 剩余 unsold, 餐盘剩余 plate waste).
create table canteen_food_prepared (
  site_id     bigint not null references canteen (id),
  serve_date  date not null,
  meal        text not null check (meal in ('BREAKFAST', 'LUNCH', 'DINNER')),
  prepared_kg numeric(10, 2) not null check (prepared_kg > 0),
  primary key (site_id, serve_date, meal)
);

create table canteen_waste_record (
  id          bigserial primary key,
  site_id     bigint not null references canteen (id),
  serve_date  date not null,
  meal        text not null check (meal in ('BREAKFAST', 'LUNCH', 'DINNER')),
  kind        text not null check (kind in ('PREPARATION', 'UNSOLD', 'PLATE')),
  weight_kg   numeric(10, 2) not null check (weight_kg > 0),
  recorded_by bigint not null references user_account (id),
  recorded_at timestamptz not null
);
create index canteen_waste_day_idx on canteen_waste_record (site_id, serve_date);
