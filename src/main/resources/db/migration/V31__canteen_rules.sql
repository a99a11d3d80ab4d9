-- Rule tables of the canteen, region-specific (region null = national default) and versioned by effective date.
-- The seeded values are defaults for a new region; each region's canteen manager or admin edits them on a page.

-- Per staff category: the monthly subsidy (补贴) credited to the subsidy wallet and expiring at the month's end,
-- how much of a meal the subsidy may pay, and a daily spending limit.
create table canteen_category_rule (
  id                        bigint generated always as identity primary key,
  region_id                 bigint references region (id),
  category                  varchar(20) not null check (category in ('ESTABLISHED', 'NON_ESTABLISHED', 'VISITOR')),
  effective_from            date not null,
  monthly_subsidy_fen       bigint not null check (monthly_subsidy_fen >= 0),
  subsidy_per_meal_cap_fen  bigint check (subsidy_per_meal_cap_fen > 0),
  daily_limit_fen           bigint check (daily_limit_fen > 0),
  unique nulls not distinct (region_id, category, effective_from)
);

insert into canteen_category_rule (region_id, category, effective_from, monthly_subsidy_fen, subsidy_per_meal_cap_fen,
                                   daily_limit_fen) values
  (null, 'ESTABLISHED',     date '2020-01-01', 30000, 1000, 20000),
  (null, 'NON_ESTABLISHED', date '2020-01-01', 15000,  800, 20000),
  (null, 'VISITOR',         date '2020-01-01',     0, null, 10000);

-- The price of a meal by period and category, used when a terminal sends no amount (a fixed-price meal).
create table canteen_price_rule (
  id              bigint generated always as identity primary key,
  region_id       bigint references region (id),
  meal_period     varchar(10) not null check (meal_period in ('BREAKFAST', 'LUNCH', 'DINNER')),
  category        varchar(20) not null check (category in ('ESTABLISHED', 'NON_ESTABLISHED', 'VISITOR')),
  starts_at       time not null,
  ends_at         time not null,
  price_fen       bigint not null check (price_fen > 0),
  effective_from  date not null,
  check (starts_at < ends_at),
  unique nulls not distinct (region_id, meal_period, category, effective_from)
);

insert into canteen_price_rule (region_id, meal_period, category, starts_at, ends_at, price_fen, effective_from) values
  (null, 'BREAKFAST', 'ESTABLISHED',     '06:30', '09:30',  300, date '2020-01-01'),
  (null, 'BREAKFAST', 'NON_ESTABLISHED', '06:30', '09:30',  300, date '2020-01-01'),
  (null, 'BREAKFAST', 'VISITOR',         '06:30', '09:30',  800, date '2020-01-01'),
  (null, 'LUNCH',     'ESTABLISHED',     '11:00', '13:30', 1200, date '2020-01-01'),
  (null, 'LUNCH',     'NON_ESTABLISHED', '11:00', '13:30', 1200, date '2020-01-01'),
  (null, 'LUNCH',     'VISITOR',         '11:00', '13:30', 2000, date '2020-01-01'),
  (null, 'DINNER',    'ESTABLISHED',     '17:00', '19:30', 1000, date '2020-01-01'),
  (null, 'DINNER',    'NON_ESTABLISHED', '17:00', '19:30', 1000, date '2020-01-01'),
  (null, 'DINNER',    'VISITOR',         '17:00', '19:30', 1800, date '2020-01-01');
