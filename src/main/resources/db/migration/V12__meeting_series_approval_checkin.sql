-- 会议室预订 grows: recurring series, approval for large halls, check-in and release of no-shows.

-- 周期预订: a weekly or daily rule; its occurrences are ordinary bookings (each guarded by the exclusion constraint),
-- the dates skipped on purpose are kept as exceptions.
create table meeting_series (
  id             bigserial primary key,
  room_id        bigint not null references meeting_room (id),
  subject        text not null check (length(subject) between 1 and 200),
  attendees      integer not null check (attendees > 0),
  frequency      text not null check (frequency in ('DAILY', 'WEEKLY')),
  interval_count integer not null default 1 check (interval_count between 1 and 52),
  first_date     date not null,
  until_date     date not null,
  starts_at      time not null,
  ends_at        time not null,
  exceptions     date[] not null default '{}',
  booked_by      bigint not null references user_account (id),
  status         text not null default 'ACTIVE' check (status in ('ACTIVE', 'CANCELLED')),
  created_at     timestamptz not null default now(),
  check (starts_at < ends_at),
  check (first_date <= until_date and until_date <= first_date + 366)
);

-- PENDING holds the slot while the approval runs (tentative); RELEASED is a no-show freed by the watch.
alter table meeting_booking drop constraint meeting_booking_no_overlap;
alter table meeting_booking drop constraint meeting_booking_status_check;
alter table meeting_booking add constraint meeting_booking_status_check
  check (status in ('PENDING', 'ACTIVE', 'CANCELLED', 'RELEASED'));
alter table meeting_booking add constraint meeting_booking_no_overlap
  exclude using gist (room_id with =, during with &&) where (status in ('PENDING', 'ACTIVE'));

alter table meeting_booking
  add column series_id           bigint references meeting_series (id),
  -- the start the series rule gave this occurrence, kept when it is moved (the feed's RECURRENCE-ID)
  add column occurrence_start    timestamptz,
  add column approval_request_id bigint references approval_request (id),
  add column checked_in_at       timestamptz,
  add column checked_in_by       bigint references user_account (id),
  add column released_at         timestamptz,
  -- raised on every change a calendar client must notice (iCalendar SEQUENCE)
  add column sequence            integer not null default 0,
  add column updated_at          timestamptz not null default now(),
  add constraint meeting_booking_occurrence check ((series_id is null) = (occurrence_start is null)),
  add constraint meeting_booking_checked_in check ((checked_in_at is null) = (checked_in_by is null)),
  add constraint meeting_booking_released check ((status = 'RELEASED') = (released_at is not null));
create unique index meeting_booking_one_per_occurrence on meeting_booking (series_id, occurrence_start);
create index meeting_booking_approval_idx on meeting_booking (approval_request_id) where approval_request_id is not null;
create index meeting_booking_start_idx on meeting_booking (lower(during)) where status = 'ACTIVE' and checked_in_at is null;

-- 签到时限: minutes after the start by which a booking must be checked in, or the room is released. Versioned per
-- region (null = national default) by effective date, kept by administrators.
create table meeting_no_show_rule (
  id             bigserial primary key,
  region_id      bigint references region (id),
  grace_minutes  integer not null check (grace_minutes between 1 and 240),
  effective_from date not null,
  created_at     timestamptz not null default now()
);
create unique index meeting_no_show_rule_version on meeting_no_show_rule (coalesce(region_id, 0), effective_from);
insert into meeting_no_show_rule (region_id, grace_minutes, effective_from) values (null, 15, date '2020-01-01');

-- The approval flow of large-hall bookings for regions that already exist; the demo data seeds fresh regions.
insert into approval_flow (request_type, region_id, version, name, active)
select 'meeting.booking', r.id, 1, '大会议室预订审批', true from region r
 where not exists (select 1 from approval_flow f where f.request_type = 'meeting.booking' and f.region_id = r.id);
insert into approval_step (flow_id, position, name, approver_kind, approver_role, mode, deadline_hours, remind_before_hours)
select f.id, 1, '会务管理员审核', 'REGION_ROLE', 'MEETING_MANAGER', 'ANY', 8, 2 from approval_flow f
 where f.request_type = 'meeting.booking' and f.version = 1
   and not exists (select 1 from approval_step s where s.flow_id = f.id);
