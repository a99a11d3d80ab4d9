-- 出入口车辆识别记录: each plate a gate camera read (POST /api/v1/gate-events), with the platform's decision and its
-- reason: a valid vehicle pass, an official vehicle of the region (module vehicle), a visitor expected with that plate,
-- a lot's off-hours public opening (V165), or none (refused). The row names what allowed it.
create table access_gate_event (
  id           bigint generated always as identity primary key,
  region_id    bigint not null,
  gate         varchar(50) not null check (length(btrim(gate)) > 0),
  plate        varchar(10) not null,
  at           timestamptz not null,
  direction    varchar(3) not null check (direction in ('IN', 'OUT')),
  allowed      boolean not null,
  reason       varchar(20) not null
               check (reason in ('VALID_PASS', 'OFFICIAL_VEHICLE', 'EXPECTED_VISITOR', 'PUBLIC_OPENING', 'NONE')),
  pass_id      bigint references access_pass (id),
  visit_id     bigint references access_visit (id) on delete set null,
  vehicle_id   bigint,
  recorded_at  timestamptz not null default now(),
  recorded_by  bigint,
  check (allowed = (reason <> 'NONE')),
  check ((reason = 'VALID_PASS') = (pass_id is not null)),
  check (reason <> 'OFFICIAL_VEHICLE' or vehicle_id is not null)
);
create index access_gate_event_day on access_gate_event (region_id, at desc);
create index access_gate_event_plate on access_gate_event (region_id, plate, at desc);
