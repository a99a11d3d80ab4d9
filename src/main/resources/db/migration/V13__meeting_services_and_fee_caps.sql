-- 会务服务 ordered with a booking, the meeting class and the versioned fee-cap table (RULES.md §7).

alter table meeting_booking
  add column meeting_class smallint check (meeting_class between 1 and 4);

create table meeting_service_order (
  id           bigserial primary key,
  booking_id   bigint not null references meeting_booking (id),
  kind         text not null check (kind in ('TEA_WATER', 'AUDIO_VISUAL', 'NAME_PLATES', 'FLOWERS',
                                              'PRINTED_MATERIALS', 'SIGNAGE')),
  needed_at    timestamptz not null,
  note         text check (length(note) <= 500),
  status       text not null default 'ORDERED' check (status in ('ORDERED', 'DELIVERED', 'CANCELLED')),
  ordered_by   bigint not null references user_account (id),
  ordered_at   timestamptz not null default now(),
  delivered_at timestamptz,
  delivered_by bigint references user_account (id),
  check ((status = 'DELIVERED') = (delivered_at is not null and delivered_by is not null))
);
create index meeting_service_order_booking_idx on meeting_service_order (booking_id);
create index meeting_service_order_open_idx on meeting_service_order (needed_at) where status = 'ORDERED';

-- 会议费开支标准: yuan per person per day by meeting class, stored in fen; region null = national default.
create table meeting_fee_cap (
  id                 bigserial primary key,
  region_id          bigint references region (id),
  meeting_class      smallint not null check (meeting_class between 1 and 4),
  fen_per_person_day bigint not null check (fen_per_person_day > 0),
  effective_from     date not null,
  created_at         timestamptz not null default now()
);
create unique index meeting_fee_cap_version on meeting_fee_cap (coalesce(region_id, 0), meeting_class, effective_from);
insert into meeting_fee_cap (region_id, meeting_class, fen_per_person_day, effective_from) values
  (null, 1, 76000, date '2016-07-01'),
  (null, 2, 65000, date '2016-07-01'),
  (null, 3, 55000, date '2016-07-01'),
  (null, 4, 55000, date '2016-07-01');
