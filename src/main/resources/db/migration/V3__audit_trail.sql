-- Append-only audit trail, chained by SM3 hash: each event's hash covers its content and the previous hash.
create table audit_event (
  id              bigint generated always as identity primary key,
  occurred_at     timestamptz not null,
  actor           varchar(60) not null,
  client_address  varchar(64),
  action          varchar(40) not null,
  entity_type     varchar(40) not null,
  entity_id       varchar(64),
  region_id       bigint,
  before_state    jsonb,
  after_state     jsonb,
  previous_hash   char(64) not null,
  hash            char(64) not null unique
);
create index audit_event_entity_idx on audit_event (entity_type, entity_id);
create index audit_event_occurred_idx on audit_event (occurred_at);

-- The chain's head; writers lock it so that events are chained one after another.
create table audit_chain_head (
  singleton      boolean primary key default true check (singleton),
  event_count    bigint not null,
  last_hash      char(64) not null
);
insert into audit_chain_head (singleton, event_count, last_hash) values (true, 0, repeat('0', 64));

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'audit_event is append-only: % refused', tg_op;
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
  for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
  for each statement execute function audit_event_is_append_only();
