-- 会议室与会议预订: rooms of a region and their bookings. Two active bookings of one room never overlap:
-- the exclusion constraint refuses it, whoever writes the row.
create extension if not exists btree_gist;

create table meeting_room (
  id             bigserial primary key,
  region_id      bigint not null references region (id),
  name           text not null,
  building       text not null,
  floor          text,
  capacity       integer not null check (capacity > 0),
  equipment      text[] not null default '{}'
                 check (equipment <@ array['PROJECTOR', 'VIDEO_CONFERENCE', 'MICROPHONE', 'WHITEBOARD', 'SCREEN']),
  needs_approval boolean not null default false,
  opens_at       time not null default '08:00',
  closes_at      time not null default '21:00',
  check (opens_at < closes_at),
  unique (region_id, name)
);

create table meeting_booking (
  id           bigserial primary key,
  room_id      bigint not null references meeting_room (id),
  subject      text not null check (length(subject) between 1 and 200),
  attendees    integer not null check (attendees > 0),
  during       tstzrange not null check (not isempty(during) and lower_inc(during) and not upper_inc(during)
                                         and not lower_inf(during) and not upper_inf(during)),
  booked_by    bigint not null references user_account (id),
  status       text not null default 'ACTIVE' check (status in ('ACTIVE', 'CANCELLED')),
  created_at   timestamptz not null default now(),
  cancelled_at timestamptz,
  cancelled_by bigint references user_account (id),
  constraint meeting_booking_no_overlap exclude using gist (room_id with =, during with &&) where (status = 'ACTIVE')
);
