-- 单车核算: every cost of a vehicle in fen, by kind; trips add their tolls, parking and fuel or charging.
create table vehicle_cost (
  id           bigint generated always as identity primary key,
  vehicle_id   bigint not null references vehicle (id),
  kind         varchar(12) not null check (kind in ('FUEL', 'CHARGING', 'MAINTENANCE', 'INSURANCE', 'TOLL', 'PARKING', 'OTHER')),
  amount_fen   bigint not null check (amount_fen >= 0),
  incurred_on  date not null,
  quantity     numeric(10, 2) check (quantity >= 0),
  supplier     varchar(100),
  card_no      varchar(40),
  trip_id      bigint references vehicle_trip (id),
  note         varchar(200),
  recorded_by  bigint not null references user_account (id),
  recorded_at  timestamptz not null default now(),
  -- litres of fuel or kWh of charging: the energy per 100 km needs them
  check (kind not in ('FUEL', 'CHARGING') or quantity is not null)
);
create index vehicle_cost_vehicle_idx on vehicle_cost (vehicle_id, incurred_on);
