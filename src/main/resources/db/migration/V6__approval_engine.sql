-- The one approval engine (ADR 0004): flows per request type and region, their ordered steps, requests, one task per
-- approver per step, and deputies.

create table approval_flow (
  id            bigint generated always as identity primary key,
  request_type  varchar(50) not null check (request_type ~ '^[a-z][a-z0-9_.-]{1,49}$'),
  region_id     bigint not null references region (id),
  version       int not null check (version >= 1),
  name          varchar(100) not null check (length(trim(name)) > 0),
  active        boolean not null,
  created_by    bigint references user_account (id),
  created_at    timestamptz not null default now(),
  unique (request_type, region_id, version)
);
-- Only one version of a flow is in force per request type and region.
create unique index approval_flow_one_active on approval_flow (request_type, region_id) where active;

create table approval_step (
  id                    bigint generated always as identity primary key,
  flow_id               bigint not null references approval_flow (id),
  position              int not null check (position >= 1),
  name                  varchar(100) not null check (length(trim(name)) > 0),
  approver_kind         varchar(12) not null check (approver_kind in ('UNIT_ROLE', 'REGION_ROLE', 'USERS')),
  approver_role         varchar(30) check (approver_role in ('REGION_ADMIN', 'VEHICLE_MANAGER', 'SPACE_MANAGER',
                                        'MEETING_MANAGER', 'CANTEEN_MANAGER', 'REPAIR_MANAGER', 'ASSET_MANAGER',
                                        'UNIT_HEAD', 'UNIT_LIAISON')),
  mode                  varchar(3) not null check (mode in ('ALL', 'ANY')),
  condition_fact        varchar(50),
  condition_operator    varchar(2) check (condition_operator in ('>', '>=', '<', '<=', '=', '!=')),
  condition_value       varchar(100),
  deadline_hours        int not null check (deadline_hours between 1 and 2000),
  remind_before_hours   int check (remind_before_hours >= 1),
  unique (flow_id, position),
  -- a role step names a role; a named-people step does not (its people are in approval_step_user)
  check ((approver_kind = 'USERS') = (approver_role is null)),
  check (approver_kind <> 'UNIT_ROLE' or approver_role in ('UNIT_HEAD', 'UNIT_LIAISON')),
  check (approver_kind <> 'REGION_ROLE' or approver_role not in ('UNIT_HEAD', 'UNIT_LIAISON')),
  -- a condition is complete or absent
  check ((condition_fact is null) = (condition_operator is null) and (condition_fact is null) = (condition_value is null)),
  check (remind_before_hours is null or remind_before_hours < deadline_hours)
);

create table approval_step_user (
  step_id  bigint not null references approval_step (id),
  user_id  bigint not null references user_account (id),
  primary key (step_id, user_id)
);

create table approval_request (
  id                bigint generated always as identity primary key,
  flow_id           bigint not null references approval_flow (id),
  request_type      varchar(50) not null,
  region_id         bigint not null references region (id),
  unit_id           bigint references unit (id),
  applicant_id      bigint not null references user_account (id),
  subject           varchar(200) not null check (length(trim(subject)) > 0),
  facts             jsonb not null default '{}' check (jsonb_typeof(facts) = 'object'),
  status            varchar(10) not null check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN')),
  current_position  int,
  round             int not null default 1 check (round >= 1),
  version           int not null default 0,
  rejection_reason  varchar(500),
  submitted_at      timestamptz not null default now(),
  updated_at        timestamptz not null default now(),
  decided_at        timestamptz,
  -- a pending request stands at a step; a finished one does not
  check ((status = 'PENDING') = (current_position is not null)),
  check ((status in ('APPROVED', 'REJECTED')) = (decided_at is not null)),
  check (status <> 'REJECTED' or rejection_reason is not null)
);
create index approval_request_applicant_idx on approval_request (applicant_id);

create table approval_task (
  id             bigint generated always as identity primary key,
  request_id     bigint not null references approval_request (id),
  round          int not null check (round >= 1),
  step_position  int not null check (step_position >= 1),
  step_name      varchar(100) not null,
  mode           varchar(3) not null check (mode in ('ALL', 'ANY')),
  assignee_id    bigint not null references user_account (id),
  -- who decided: the assignee, or their deputy acting for them
  decided_by     bigint references user_account (id),
  status         varchar(10) not null check (status in ('OPEN', 'APPROVED', 'REJECTED', 'CANCELLED')),
  comment        varchar(500),
  todo_id        bigint,
  -- the reminder put into the inbox when remind_at has passed, closed with the task
  reminder_todo_id bigint,
  created_at     timestamptz not null default now(),
  due_at         timestamptz not null,
  remind_at      timestamptz,
  closed_at      timestamptz,
  unique (request_id, round, step_position, assignee_id),
  check ((status = 'OPEN') = (closed_at is null)),
  check ((status in ('APPROVED', 'REJECTED')) = (decided_by is not null)),
  check (status <> 'REJECTED' or comment is not null),
  check (due_at >= created_at)
);
create index approval_task_open_idx on approval_task (assignee_id) where status = 'OPEN';
create index approval_task_request_idx on approval_task (request_id);
create index approval_task_reminder_idx on approval_task (remind_at) where status = 'OPEN' and reminder_todo_id is null;

-- 代理人: who may decide for someone while they are away, and when.
create table approval_deputy (
  id            bigint generated always as identity primary key,
  principal_id  bigint not null references user_account (id),
  deputy_id     bigint not null references user_account (id),
  valid_from    timestamptz not null,
  valid_until   timestamptz not null,
  created_by    bigint references user_account (id),
  created_at    timestamptz not null default now(),
  check (principal_id <> deputy_id),
  check (valid_from < valid_until)
);
create index approval_deputy_principal_idx on approval_deputy (principal_id);

-- The to-do items a deputy receives for the tasks of the person they stand in for; closed with the task.
create table approval_deputy_todo (
  task_id    bigint not null references approval_task (id),
  deputy_id  bigint not null references user_account (id),
  todo_id    bigint not null,
  primary key (task_id, deputy_id)
);
