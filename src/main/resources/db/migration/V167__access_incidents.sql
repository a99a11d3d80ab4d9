-- 安保事件 (issue 18): an incident at a region's premises and its handling: OPEN until security records how it was
-- handled (HANDLED, with the text, who and when).
create table access_incident (
  id            bigint generated always as identity primary key,
  region_id     bigint not null,
  occurred_at   timestamptz not null,
  place         varchar(100) not null check (length(btrim(place)) > 0),
  description   varchar(1000) not null check (length(btrim(description)) > 0),
  status        varchar(10) not null check (status in ('OPEN', 'HANDLED')),
  handling      varchar(1000),
  handled_at    timestamptz,
  handled_by    bigint,
  reported_by   bigint,
  created_at    timestamptz not null default now(),
  check ((status = 'HANDLED') = (handling is not null)),
  check ((status = 'HANDLED') = (handled_at is not null))
);
create index access_incident_region on access_incident (region_id, occurred_at desc);
