-- The JT/T 808 area commands (0x8600–0x8605) sent for the geofences, one row per fence and terminal: the latest
-- command, its state, and whether the terminal has confirmed holding the area. A manager's push (or a fence's
-- deletion) makes the rows PENDING; whichever instance holds the terminal's connection sends the command, records the
-- flow number it went under (SENT), and the terminal's general reply 0x0001 with that flow number and message id sets
-- the result: 0 SUCCEEDED, 1 FAILED, 2 MESSAGE_ERROR, 3 NOT_SUPPORTED. A terminal that is not connected gets the
-- command when it next authenticates. Unbinding a terminal removes its rows (the audit trail keeps the push).
create table telemetry_area_command (
  id                bigint generated always as identity primary key,
  geofence_id       bigint not null references telemetry_geofence (id),
  terminal_id       bigint not null references telemetry_terminal (id) on delete cascade,
  region_id         bigint not null,
  phone             varchar(20) not null,
  message_id        integer not null check (message_id between 34304 and 34309),
  geofence_version  integer not null,
  status            varchar(13) not null check (status in ('PENDING', 'SENT', 'SUCCEEDED', 'FAILED', 'MESSAGE_ERROR',
                      'NOT_SUPPORTED')),
  flow_number       integer check (flow_number between 0 and 65535),
  holds_area        boolean not null default false,
  requested_at      timestamptz not null,
  requested_by      bigint not null,
  sent_at           timestamptz,
  answered_at       timestamptz,
  check ((status = 'PENDING') = (sent_at is null)),
  check ((status = 'PENDING') = (flow_number is null)),
  check ((status in ('PENDING', 'SENT')) = (answered_at is null)),
  constraint telemetry_area_command_one_per_terminal unique (geofence_id, terminal_id)
);
create index telemetry_area_command_pending on telemetry_area_command (phone) where status = 'PENDING';
create index telemetry_area_command_sent on telemetry_area_command (phone, flow_number) where status = 'SENT';
