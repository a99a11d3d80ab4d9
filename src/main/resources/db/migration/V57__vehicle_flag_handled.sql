-- 合规预警 stay computed (ADR 0007); what is stored is that a person looked at one and handled it. A flag is known by
-- its identity: the vehicle, its kind, its day (the trip's day, the holiday, the expiry date) and its subject (the
-- trip id for a trip's flag, empty otherwise). A renewed insurance that lapses again is a new day, so a new flag.
create table vehicle_flag_handled (
  id          bigint generated always as identity primary key,
  vehicle_id  bigint not null references vehicle (id),
  kind        varchar(40) not null check (kind in ('OUTSIDE_WINDOW', 'NON_WORKING_DAY_UNAPPROVED', 'MILEAGE_EXCESS',
                'NO_DISPATCH_SHEET', 'NOT_SEALED_ON_HOLIDAY', 'INSURANCE_OVERDUE', 'INSPECTION_OVERDUE')),
  flag_day    date not null,
  subject     varchar(40) not null default '',
  note        varchar(500) not null default '',
  handled_by  bigint not null references user_account (id),
  handled_at  timestamptz not null default now(),
  unique (vehicle_id, kind, flag_day, subject)
);
