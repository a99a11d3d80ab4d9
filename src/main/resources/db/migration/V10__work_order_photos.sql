-- Photos of a reported problem (and of the repair): kept in the database, in the same transaction as the order,
-- so that nothing is half-written and backups hold everything.
create table work_order_photo (
  id             bigint generated always as identity primary key,
  work_order_id  bigint not null references work_order (id),
  content_type   varchar(20) not null check (content_type in ('image/jpeg', 'image/png', 'image/webp')),
  file_name      varchar(200) not null,
  size_bytes     int not null check (size_bytes > 0 and size_bytes <= 10485760),
  data           bytea not null,
  uploaded_by    varchar(60) not null,
  uploaded_at    timestamptz not null
);
create index work_order_photo_order_idx on work_order_photo (work_order_id);
