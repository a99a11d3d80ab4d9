-- 我的待办: one inbox that every module feeds.
create table todo_item (
  id             bigint generated always as identity primary key,
  user_id        bigint not null references user_account (id) on delete cascade,
  source_module  varchar(30) not null,
  title          varchar(200) not null,
  link           varchar(300) not null,
  created_at     timestamptz not null default now(),
  due_at         timestamptz,
  done_at        timestamptz
);
create index todo_item_open_idx on todo_item (user_id) where done_at is null;
