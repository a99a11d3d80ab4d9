create table user_account (
  id               bigint generated always as identity primary key,
  username         varchar(50)  not null unique check (username ~ '^[A-Za-z0-9._-]{3,50}$'),
  password_hash    varchar(255) not null,
  display_name     varchar(50)  not null,
  staff_id         bigint unique references staff (id),
  region_id        bigint not null references region (id),
  unit_id          bigint references unit (id),
  enabled          boolean not null default true,
  failed_sign_ins  int not null default 0 check (failed_sign_ins >= 0),
  locked_until     timestamptz,
  created_at       timestamptz not null default now()
);

-- A role is held in a region (and for unit roles, in one unit of it).
create table role_assignment (
  id         bigint generated always as identity primary key,
  user_id    bigint not null references user_account (id) on delete cascade,
  role       varchar(30) not null check (role in ('PLATFORM_ADMIN', 'REGION_ADMIN', 'VEHICLE_MANAGER', 'SPACE_MANAGER',
                                                 'MEETING_MANAGER', 'CANTEEN_MANAGER', 'REPAIR_MANAGER', 'ASSET_MANAGER',
                                                 'UNIT_HEAD', 'UNIT_LIAISON', 'STAFF', 'DRIVER', 'REPAIR_WORKER')),
  region_id  bigint references region (id),
  unit_id    bigint references unit (id),
  unique nulls not distinct (user_id, role, region_id, unit_id),
  check (role = 'PLATFORM_ADMIN' or region_id is not null),
  check (role not in ('UNIT_HEAD', 'UNIT_LIAISON') or unit_id is not null)
);

-- Bearer tokens for people and API keys for integrations; only a hash of the secret is kept.
create table api_credential (
  id            bigint generated always as identity primary key,
  kind          varchar(10) not null check (kind in ('TOKEN', 'API_KEY')),
  secret_hash   char(64) not null unique,
  key_prefix    varchar(12) not null,
  user_id       bigint references user_account (id) on delete cascade,
  name          varchar(100),
  region_id     bigint references region (id),
  scopes        text[] not null default '{}',
  created_by    bigint references user_account (id),
  created_at    timestamptz not null default now(),
  expires_at    timestamptz,
  revoked_at    timestamptz,
  last_used_at  timestamptz,
  check ((kind = 'TOKEN') = (user_id is not null)),
  check (kind = 'TOKEN' or (name is not null and region_id is not null))
);
