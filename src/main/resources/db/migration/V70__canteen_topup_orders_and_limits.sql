-- 在线充值限额: how much a holder may top up online at once and per day, and how long an unpaid payment order stays
-- open. Region null = national default (also what a region created later follows until it sets its own); the newest
-- version in effect applies, as for the other canteen rule tables.
create table canteen_topup_rule (
  id                      bigint generated always as identity primary key,
  region_id               bigint references region (id),
  effective_from          date not null,
  max_per_top_up_fen      bigint not null check (max_per_top_up_fen > 0),
  max_per_day_fen         bigint not null check (max_per_day_fen > 0),
  order_lifetime_minutes  integer not null check (order_lifetime_minutes between 1 and 1440),
  check (max_per_day_fen >= max_per_top_up_fen),
  unique nulls not distinct (region_id, effective_from)
);
insert into canteen_topup_rule (region_id, effective_from, max_per_top_up_fen, max_per_day_fen, order_lifetime_minutes)
values (null, '2020-01-01', 100000, 200000, 15);

-- 充值订单: a holder's online top-up. It is credited only when its payment provider confirms the payment by a signed
-- notification; then it points at the one TOP_UP journal it credited (unique: an order credits at most once).
create table canteen_topup_order (
  id                       bigint generated always as identity primary key,
  order_no                 varchar(32) not null unique check (length(order_no) >= 8),
  account_id               bigint not null references canteen_account (id),
  region_id                bigint not null references region (id),
  amount_fen               bigint not null check (amount_fen > 0),
  state                    varchar(10) not null check (state in ('PENDING', 'PAID', 'EXPIRED', 'CANCELLED')),
  provider                 varchar(20) not null check (length(trim(provider)) > 0),
  provider_transaction_id  varchar(64),
  created_by               varchar(60) not null,
  created_at               timestamptz not null,
  expires_at               timestamptz not null,
  paid_at                  timestamptz,
  journal_id               bigint unique references canteen_journal (id),
  ended_at                 timestamptz,
  check (expires_at > created_at),
  check ((state = 'PAID') = (journal_id is not null)),
  check ((state = 'PAID') = (paid_at is not null and provider_transaction_id is not null)),
  check ((state in ('EXPIRED', 'CANCELLED')) = (ended_at is not null)),
  unique (provider, provider_transaction_id)
);
create index canteen_topup_order_account_idx on canteen_topup_order (account_id, id);
create index canteen_topup_order_pending_idx on canteen_topup_order (expires_at) where state = 'PENDING';
