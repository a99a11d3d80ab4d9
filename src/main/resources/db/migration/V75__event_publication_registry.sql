-- Spring Modulith's event publication registry (ADR 0012): one row per event and registry-backed listener, written
-- in the publisher's transaction and completed when the listener has run. The columns and indexes are those of
-- spring-modulith-events-jdbc 1.4's schema-postgresql.sql (its own schema initialisation is switched off, so that
-- Flyway owns every table).
create table event_publication (
  id               uuid not null primary key,
  listener_id      text not null,
  event_type       text not null,
  serialized_event text not null,
  publication_date timestamptz not null,
  completion_date  timestamptz
);
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- Our own bookkeeping of resubmissions (Modulith 1.4 keeps no attempt count): how often an incomplete publication
-- was resubmitted and when last, for the exponential backoff and the attempt limit. Goes with its publication.
create table event_publication_retry (
  publication_id  uuid primary key references event_publication (id) on delete cascade,
  attempts        int not null check (attempts > 0),
  last_attempt_at timestamptz not null
);

-- A delivery is retried now: one row per notification and channel, with its latest outcome and how many attempts
-- it took (attempted_at is the latest attempt).
alter table notification_delivery add column attempts int not null default 1 check (attempts > 0);
alter table notification_delivery add constraint notification_delivery_once_per_channel unique (notification_id, channel);
drop index notification_delivery_notification_idx;
