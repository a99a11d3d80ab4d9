-- Positions that arrive for a time the GPS audit has already read past: a terminal's blind-area batch (0x0704), sent
-- once it is back in coverage. The position writer notes the earliest of them per vehicle, in the positions' own
-- transaction, with the moment it noted them; the audit's next round reads the vehicle again from there and forgets
-- the note only if nothing newer was noted meanwhile.
create table telemetry_trip_late (
  vehicle_id   bigint primary key,
  earliest_at  timestamptz not null,
  noted_at     timestamptz not null
);
