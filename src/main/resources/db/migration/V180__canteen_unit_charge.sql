-- 单位挂账: a unit's charges in the canteen (working meals of an official reception and the like), settled by the unit
-- monthly from its statement. A ledger of its own beside the personal accounts' journals: a unit has no balance to
-- draw down, no card, no wallet and no daily limit, so a charge is one row, never a posting on an account.
-- The caller's reference makes a charge idempotent within its region; the charge number is what the unit's statement
-- and the caller's documents (a reception's 消费清单) quote.
create table canteen_unit_charge (
  id           bigint generated always as identity primary key,
  region_id    bigint not null references region (id),
  unit_id      bigint not null references unit (id),
  charge_no    varchar(30) not null unique,
  amount_fen   bigint not null check (amount_fen > 0),
  description  varchar(200) not null check (length(trim(description)) > 0),
  reference    varchar(100) not null check (length(trim(reference)) > 0),
  charged_by   varchar(100) not null,
  charged_at   timestamptz not null,
  unique (region_id, reference)
);
create index canteen_unit_charge_unit_idx on canteen_unit_charge (unit_id, charged_at);
create index canteen_unit_charge_region_idx on canteen_unit_charge (region_id, charged_at);

-- the running number of the charge numbers (GZ + month + number)
create sequence canteen_unit_charge_no_seq;
