-- 访客登记 (issue 18): a visit announced by its host (or asked for by the visitor through the host's invitation link
-- and confirmed by the host), its time-limited pass (qr_token), check-in and check-out at the gate. The resident ID
-- number and the mobile number are kept SM4-encrypted (crypto's FieldCipher) with an SM3 hash of the ID number for
-- lookups at the gate and against the watch list, and a masked copy for the lists; the whole number never leaves
-- the server. host_staff_id names organisation's staff (org_person), region_id the host's region.
create table access_visit (
  id                  bigint generated always as identity primary key,
  region_id           bigint not null,
  host_staff_id       bigint not null,
  visitor_name        varchar(50) not null check (length(btrim(visitor_name)) > 0),
  id_number_cipher    text not null,
  id_number_hash      char(64) not null,
  id_number_masked    varchar(18) not null,
  mobile_cipher       text not null,
  mobile_masked       varchar(11) not null,
  plate               varchar(10),
  visit_on            date not null,
  window_from         time not null,
  window_to           time not null,
  purpose             varchar(200) not null check (length(btrim(purpose)) > 0),
  status              varchar(20) not null
                      check (status in ('REQUESTED', 'EXPECTED', 'CHECKED_IN', 'CHECKED_OUT', 'DECLINED', 'CANCELLED')),
  qr_token            varchar(64) not null unique,
  pass_expires_at     timestamptz not null,
  requested_publicly  boolean not null default false,
  checked_in_at       timestamptz,
  checked_in_by       bigint,
  checked_out_at      timestamptz,
  created_at          timestamptz not null default now(),
  created_by          bigint,
  version             integer not null default 0,
  check (window_to > window_from),
  check ((status in ('CHECKED_IN', 'CHECKED_OUT')) = (checked_in_at is not null)),
  check ((status = 'CHECKED_OUT') = (checked_out_at is not null)),
  check (checked_out_at is null or checked_out_at >= checked_in_at)
);
create index access_visit_day on access_visit (region_id, visit_on);
create index access_visit_id_hash on access_visit (id_number_hash, visit_on);
create index access_visit_host on access_visit (host_staff_id, visit_on desc);

-- A host's invitation link (访客预约链接): a visitor who opens it asks for a visit to that host, who confirms it.
create table access_invitation (
  id             bigint generated always as identity primary key,
  region_id      bigint not null,
  host_staff_id  bigint not null,
  token          varchar(64) not null unique,
  expires_at     timestamptz not null,
  created_at     timestamptz not null default now(),
  created_by     bigint
);
create index access_invitation_host on access_invitation (host_staff_id, expires_at desc);
