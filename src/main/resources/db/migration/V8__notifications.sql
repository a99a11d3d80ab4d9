-- An e-mail address per account, for the e-mail notification channel; optional.
alter table user_account add column email varchar(254)
  check (email ~ '^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$');

-- 消息通知: the in-app inbox. Every notification lands here whatever channels also carry it.
create table notification (
  id          bigint generated always as identity primary key,
  user_id     bigint not null references user_account (id) on delete cascade,
  title       varchar(200) not null,
  body        varchar(2000) not null,
  link        varchar(300),
  created_at  timestamptz not null default now(),
  read_at     timestamptz
);
create index notification_user_idx on notification (user_id, id desc);
create index notification_unread_idx on notification (user_id) where read_at is null;

-- What each channel (e-mail, ...) did with a notification: a failure is kept here instead of breaking the business.
create table notification_delivery (
  id               bigint generated always as identity primary key,
  notification_id  bigint not null references notification (id) on delete cascade,
  channel          varchar(30) not null,
  status           varchar(10) not null check (status in ('SENT', 'FAILED')),
  detail           varchar(500),
  attempted_at     timestamptz not null default now()
);
create index notification_delivery_notification_idx on notification_delivery (notification_id);
