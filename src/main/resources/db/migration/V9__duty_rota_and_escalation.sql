-- 值班: who is on call, for which work-order kinds, from when to when (evenings, weekends, holidays).
create table duty_shift (
  id          bigint generated always as identity primary key,
  region_id   bigint not null references region (id),
  user_id     bigint not null references user_account (id),
  kind        varchar(12) check (kind in ('REPAIR', 'HOTLINE', 'VISIT')),
  starts_at   timestamptz not null,
  ends_at     timestamptz not null,
  check (ends_at > starts_at)
);
create index duty_shift_region_time_idx on duty_shift (region_id, starts_at, ends_at);

-- Automatic dispatch during office hours: a category (optionally in one building) goes to one handler.
create table dispatch_rule (
  id           bigint generated always as identity primary key,
  region_id    bigint not null references region (id),
  category_id  bigint not null references work_order_category (id),
  building     varchar(100),
  user_id      bigint not null references user_account (id),
  unique nulls not distinct (region_id, category_id, building)
);

-- The overdue ladder per region (null = default): remind before the deadline, 催办 when overdue,
-- 督办 (escalation to the supervisor) a number of working days after that (RULES.md §7: 通报 after 5).
create table escalation_rule (
  id                         bigint generated always as identity primary key,
  region_id                  bigint unique references region (id),
  remind_before_minutes      int not null check (remind_before_minutes > 0),
  supervise_after_work_days  int not null check (supervise_after_work_days >= 0)
);
insert into escalation_rule (region_id, remind_before_minutes, supervise_after_work_days) values (null, 120, 5);

-- Each rung fires once per order (and again after a reopen, which starts a new round).
create table work_order_escalation (
  id             bigint generated always as identity primary key,
  work_order_id  bigint not null references work_order (id),
  kind           varchar(10) not null check (kind in ('REMINDER', 'URGE', 'SUPERVISE')),
  round          int not null,
  fired_at       timestamptz not null,
  unique (work_order_id, kind, round)
);
