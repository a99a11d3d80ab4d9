-- The GPS audit's flags (module telemetry, ADR 0013) join 合规预警 and are marked handled like the others.
alter table vehicle_flag_handled drop constraint vehicle_flag_handled_kind_check;
alter table vehicle_flag_handled add constraint vehicle_flag_handled_kind_check check (kind in ('OUTSIDE_WINDOW',
  'NON_WORKING_DAY_UNAPPROVED', 'MILEAGE_EXCESS', 'NO_DISPATCH_SHEET', 'NOT_SEALED_ON_HOLIDAY', 'INSURANCE_OVERDUE',
  'INSPECTION_OVERDUE', 'GPS_NO_SHEET', 'GPS_OUTSIDE_WINDOW', 'GPS_ROUTE_DEVIATION', 'GPS_ODOMETER_MISMATCH',
  'GPS_NIGHT_AWAY', 'GPS_SEALED_HOLIDAY_MOVE', 'GPS_SPEEDING'));
