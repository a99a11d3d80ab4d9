-- 留样: a sealed, refrigerated sample of each dish of a meal, labelled with dish, quantity, time and person, kept at
-- least the rule's hours (canteen_food_safety_rule). The minimum weight is a region rule checked by the service.
create table canteen_food_sample (
  id               bigserial primary key,
  menu_item_id     bigint not null unique references canteen_menu_item (id),
  weight_grams     integer not null check (weight_grams > 0),
  taken_at         timestamptz not null,
  taken_by         text not null check (length(taken_by) between 1 and 100),
  keep_until       timestamptz not null check (keep_until > taken_at),
  storage          text,
  recorded_by      bigint not null references user_account (id),
  discarded_at     timestamptz,
  discarded_by     bigint references user_account (id),
  discard_reminded boolean not null default false,
  check (discarded_at is null or discarded_at >= keep_until)
);
create index canteen_food_sample_keep_idx on canteen_food_sample (keep_until) where discarded_at is null;

-- Meals whose dishes lacked a sample and for which the managers were already reminded (so once per meal).
create table canteen_sample_missing_reminder (
  site_id     bigint not null references canteen (id),
  serve_date  date not null,
  meal        text not null check (meal in ('BREAKFAST', 'LUNCH', 'DINNER')),
  reminded_at timestamptz not null,
  primary key (site_id, serve_date, meal)
);
