-- Who may book a room, and the secret addresses of the calendar feeds.

-- A room with no rows here is open to everyone of its region; otherwise to the listed units and role holders.
create table meeting_room_permit (
  id       bigserial primary key,
  room_id  bigint not null references meeting_room (id),
  unit_id  bigint references unit (id),
  role     text check (role in ('REGION_ADMIN', 'VEHICLE_MANAGER', 'SPACE_MANAGER', 'MEETING_MANAGER',
                                'CANTEEN_MANAGER', 'REPAIR_MANAGER', 'ASSET_MANAGER', 'UNIT_HEAD', 'UNIT_LIAISON')),
  check ((unit_id is null) <> (role is null))
);
create unique index meeting_room_permit_once on meeting_room_permit (room_id, coalesce(unit_id, 0), coalesce(role, ''));

-- Calendar clients cannot sign in: the feed address itself is the credential, so it is long, random and replaceable.
alter table meeting_room add column feed_secret text not null default replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
alter table meeting_room add constraint meeting_room_feed_secret unique (feed_secret);

create table meeting_calendar_feed (
  user_id    bigint primary key references user_account (id),
  secret     text not null unique check (length(secret) >= 32),
  created_at timestamptz not null default now()
);
