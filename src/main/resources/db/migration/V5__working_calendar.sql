-- The working-day calendar: weekends are days off unless the State Council's yearly notice makes them adjusted
-- working days (调休上班); public holidays are days off. Maintained as data per year by an administrator;
-- a null region is the national calendar, a region's own rows (local holidays) take precedence.
create table calendar_day (
  id          bigint generated always as identity primary key,
  region_id   bigint references region (id),
  day         date not null,
  kind        varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
  name        varchar(40) not null,
  unique nulls not distinct (region_id, day)
);

-- Office hours per region; deadlines in working hours count only these.
create table working_hours (
  id                bigint generated always as identity primary key,
  region_id         bigint unique references region (id),
  morning_start     time not null,
  morning_end       time not null,
  afternoon_start   time not null,
  afternoon_end     time not null,
  check (morning_start < morning_end and morning_end <= afternoon_start and afternoon_start < afternoon_end)
);
insert into working_hours (region_id, morning_start, morning_end, afternoon_start, afternoon_end)
values (null, '08:30', '12:00', '14:00', '17:30');

-- 国务院办公厅关于2025年部分节假日安排的通知 (国办发明电〔2024〕12号)
insert into calendar_day (day, kind, name) values
  ('2025-01-01', 'HOLIDAY', '元旦'),
  ('2025-01-26', 'WORKDAY', '春节调休上班'),
  ('2025-01-28', 'HOLIDAY', '春节'), ('2025-01-29', 'HOLIDAY', '春节'), ('2025-01-30', 'HOLIDAY', '春节'),
  ('2025-01-31', 'HOLIDAY', '春节'), ('2025-02-01', 'HOLIDAY', '春节'), ('2025-02-02', 'HOLIDAY', '春节'),
  ('2025-02-03', 'HOLIDAY', '春节'), ('2025-02-04', 'HOLIDAY', '春节'),
  ('2025-02-08', 'WORKDAY', '春节调休上班'),
  ('2025-04-04', 'HOLIDAY', '清明节'), ('2025-04-05', 'HOLIDAY', '清明节'), ('2025-04-06', 'HOLIDAY', '清明节'),
  ('2025-04-27', 'WORKDAY', '劳动节调休上班'),
  ('2025-05-01', 'HOLIDAY', '劳动节'), ('2025-05-02', 'HOLIDAY', '劳动节'), ('2025-05-03', 'HOLIDAY', '劳动节'),
  ('2025-05-04', 'HOLIDAY', '劳动节'), ('2025-05-05', 'HOLIDAY', '劳动节'),
  ('2025-05-31', 'HOLIDAY', '端午节'), ('2025-06-01', 'HOLIDAY', '端午节'), ('2025-06-02', 'HOLIDAY', '端午节'),
  ('2025-09-28', 'WORKDAY', '国庆节调休上班'),
  ('2025-10-01', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-02', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-03', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-04', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-05', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-06', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-07', 'HOLIDAY', '国庆节、中秋节'), ('2025-10-08', 'HOLIDAY', '国庆节、中秋节'),
  ('2025-10-11', 'WORKDAY', '国庆节调休上班');

-- 国务院办公厅关于2026年部分节假日安排的通知 (2025年11月4日)
insert into calendar_day (day, kind, name) values
  ('2026-01-01', 'HOLIDAY', '元旦'), ('2026-01-02', 'HOLIDAY', '元旦'), ('2026-01-03', 'HOLIDAY', '元旦'),
  ('2026-01-04', 'WORKDAY', '元旦调休上班'),
  ('2026-02-14', 'WORKDAY', '春节调休上班'),
  ('2026-02-15', 'HOLIDAY', '春节'), ('2026-02-16', 'HOLIDAY', '春节'), ('2026-02-17', 'HOLIDAY', '春节'),
  ('2026-02-18', 'HOLIDAY', '春节'), ('2026-02-19', 'HOLIDAY', '春节'), ('2026-02-20', 'HOLIDAY', '春节'),
  ('2026-02-21', 'HOLIDAY', '春节'), ('2026-02-22', 'HOLIDAY', '春节'), ('2026-02-23', 'HOLIDAY', '春节'),
  ('2026-02-28', 'WORKDAY', '春节调休上班'),
  ('2026-04-04', 'HOLIDAY', '清明节'), ('2026-04-05', 'HOLIDAY', '清明节'), ('2026-04-06', 'HOLIDAY', '清明节'),
  ('2026-05-01', 'HOLIDAY', '劳动节'), ('2026-05-02', 'HOLIDAY', '劳动节'), ('2026-05-03', 'HOLIDAY', '劳动节'),
  ('2026-05-04', 'HOLIDAY', '劳动节'), ('2026-05-05', 'HOLIDAY', '劳动节'),
  ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
  ('2026-06-19', 'HOLIDAY', '端午节'), ('2026-06-20', 'HOLIDAY', '端午节'), ('2026-06-21', 'HOLIDAY', '端午节'),
  ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
  ('2026-09-25', 'HOLIDAY', '中秋节'), ('2026-09-26', 'HOLIDAY', '中秋节'), ('2026-09-27', 'HOLIDAY', '中秋节'),
  ('2026-10-01', 'HOLIDAY', '国庆节'), ('2026-10-02', 'HOLIDAY', '国庆节'), ('2026-10-03', 'HOLIDAY', '国庆节'),
  ('2026-10-04', 'HOLIDAY', '国庆节'), ('2026-10-05', 'HOLIDAY', '国庆节'), ('2026-10-06', 'HOLIDAY', '国庆节'),
  ('2026-10-07', 'HOLIDAY', '国庆节'),
  ('2026-10-10', 'WORKDAY', '国庆节调休上班');
