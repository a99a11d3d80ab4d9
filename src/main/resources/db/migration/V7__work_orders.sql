-- 工单: repairs (维修), the service hotline (一号通) and problems raised in visits (三服务), one closed loop.
create table work_order_category (
  id          bigint generated always as identity primary key,
  code        varchar(30) not null unique,
  name        varchar(60) not null,
  kind        varchar(12) not null check (kind in ('REPAIR', 'HOTLINE', 'VISIT')),
  sort_order  int not null default 0
);
insert into work_order_category (code, name, kind, sort_order) values
  ('REPAIR_PLUMBING', '给排水维修', 'REPAIR', 10),
  ('REPAIR_ELECTRIC', '电路维修', 'REPAIR', 20),
  ('REPAIR_AIRCON', '空调维修', 'REPAIR', 30),
  ('REPAIR_BUILDING', '房屋修缮', 'REPAIR', 40),
  ('REPAIR_NETWORK', '网络与电话', 'REPAIR', 50),
  ('HOTLINE_CONSULT', '咨询', 'HOTLINE', 60),
  ('HOTLINE_REQUEST', '求助与诉求', 'HOTLINE', 70),
  ('HOTLINE_COMPLAINT', '投诉', 'HOTLINE', 80),
  ('VISIT_PROBLEM', '三服务问题', 'VISIT', 90);

-- 办理时限 per category and priority, versioned by effective date; a null region is the default for all regions.
-- respond_minutes counts office time; resolve_working_days counts working days (0 = the same working day).
create table work_order_deadline_rule (
  id                    bigint generated always as identity primary key,
  region_id             bigint references region (id),
  category_id           bigint not null references work_order_category (id),
  priority              varchar(10) not null check (priority in ('URGENT', 'NORMAL')),
  respond_minutes       int not null check (respond_minutes > 0),
  resolve_working_days  int not null check (resolve_working_days >= 0),
  effective_from        date not null,
  unique nulls not distinct (region_id, category_id, priority, effective_from)
);
-- RULES.md §7: urgent repairs 不过夜 (same working day), minor repairs within 3 working days; hotline emergencies
-- the same day, requests 3 working days, complaints 13 working days.
insert into work_order_deadline_rule (category_id, priority, respond_minutes, resolve_working_days, effective_from)
select c.id, p.priority,
       case when p.priority = 'URGENT' then 30 else 120 end,
       case when p.priority = 'URGENT' then 0
            when c.code = 'HOTLINE_COMPLAINT' then 13
            when c.code = 'HOTLINE_CONSULT' then 1
            else 3 end,
       date '2025-01-01'
  from work_order_category c cross join (values ('URGENT'), ('NORMAL')) as p (priority);

create table work_order (
  id                  bigint generated always as identity primary key,
  region_id           bigint not null references region (id),
  order_no            varchar(20) not null unique,
  category_id         bigint not null references work_order_category (id),
  priority            varchar(10) not null check (priority in ('URGENT', 'NORMAL')),
  channel             varchar(10) not null check (channel in ('WEB', 'PHONE', 'HOTLINE', 'API', 'VISIT')),
  description         varchar(2000) not null check (length(trim(description)) > 0),
  building            varchar(100),
  floor               varchar(20),
  room                varchar(40),
  requester_staff_id  bigint references staff (id),
  requester_name      varchar(50) not null,
  created_by          bigint references user_account (id),
  status              varchar(12) not null check (status in ('RECEIVED', 'DISPATCHED', 'ACCEPTED', 'ON_SITE', 'RESOLVED',
                                                           'CONFIRMED', 'VISITED', 'CLOSED')),
  assignee_user_id    bigint references user_account (id),
  received_at         timestamptz not null,
  respond_due_at      timestamptz not null,
  resolve_due_at      timestamptz not null,
  dispatched_at       timestamptz,
  accepted_at         timestamptz,
  arrived_at          timestamptz,
  resolved_at         timestamptz,
  confirmed_at        timestamptz,
  visited_at          timestamptz,
  closed_at           timestamptz,
  satisfaction        varchar(12) check (satisfaction in ('SATISFIED', 'FAIRLY', 'NEUTRAL', 'UNSATISFIED')),
  visit_comment       varchar(500),
  reopen_count        int not null default 0 check (reopen_count >= 0),
  version             int not null default 0,
  check (respond_due_at >= received_at and resolve_due_at >= received_at),
  check (status in ('RECEIVED') or assignee_user_id is not null),
  check (status <> 'CLOSED' or closed_at is not null)
);
create index work_order_region_status_idx on work_order (region_id, status);
create index work_order_assignee_idx on work_order (assignee_user_id) where status not in ('CLOSED');

-- Every step of an order, timed: its history and the basis of the on-time and satisfaction reports.
create table work_order_event (
  id             bigint generated always as identity primary key,
  work_order_id  bigint not null references work_order (id),
  action         varchar(12) not null,
  from_status    varchar(12),
  to_status      varchar(12) not null,
  actor          varchar(60) not null,
  occurred_at    timestamptz not null,
  note           varchar(500)
);
create index work_order_event_order_idx on work_order_event (work_order_id, id);

-- Order numbers read WO + date + a running number, e.g. WO20261124-000123.
create sequence work_order_no_seq;
