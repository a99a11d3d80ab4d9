-- 职级变动: a rank change that takes effect on a date. The organisation register holds only the current rank;
-- this history says which rank applied on any day, so that the area check of a past or future day is right.
create table space_rank_change (
  id                  bigint generated always as identity primary key,
  staff_id            bigint not null references staff (id),
  effective_from      date not null,
  previous_rank_code  varchar(30) not null references staff_rank (code),
  rank_code           varchar(30) not null references staff_rank (code),
  recorded_by         varchar(60) not null,
  recorded_at         timestamptz not null,
  unique (staff_id, effective_from)
);

-- 腾退任务: an office to recover after a transfer or retirement, or a second office to vacate after the
-- concurrent post ended; raised once per assignment and reason, flagged once when its deadline has passed.
create table space_recovery_task (
  id              bigint generated always as identity primary key,
  region_id       bigint not null references region (id),
  assignment_id   bigint not null references space_office_assignment (id),
  staff_id        bigint not null references staff (id),
  reason          varchar(30) not null check (reason in ('LEFT', 'CONCURRENT_POST_ENDED')),
  since           date not null,
  due_on          date not null check (due_on > since),
  raised_at       timestamptz not null,
  overdue_at      timestamptz,
  done_at         timestamptz,
  unique (assignment_id, reason)
);
create index space_recovery_task_open_idx on space_recovery_task (region_id) where done_at is null;
