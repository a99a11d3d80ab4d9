-- 用车申请: a trip a member of staff asks for, its stops, and the approval flow it goes through.

create table vehicle_request (
  id                  bigint generated always as identity primary key,
  region_id           bigint not null references region (id),
  unit_id             bigint references unit (id),
  requester_id        bigint not null references user_account (id),
  purpose             varchar(200) not null check (length(trim(purpose)) > 0),
  passengers          int not null check (passengers between 1 and 59),
  category            varchar(20) not null check (category in ('CONFIDENTIAL', 'EMERGENCY', 'LAW_ENFORCEMENT', 'SPECIAL', 'OTHER')),
  origin_name         varchar(60) not null,
  origin_lat          double precision not null check (origin_lat between -90 and 90),
  origin_lon          double precision not null check (origin_lon between -180 and 180),
  starts_at           timestamptz not null,
  ends_at             timestamptz not null,
  returns_to_origin   boolean not null default true,
  planned_km          numeric(8, 1) not null check (planned_km >= 0),
  status              varchar(12) not null default 'PENDING'
                      check (status in ('PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN', 'DISPATCHED', 'COMPLETED')),
  approval_request_id bigint unique references approval_request (id),
  created_at          timestamptz not null default now(),
  check (starts_at < ends_at)
);
create index vehicle_request_day_idx on vehicle_request (region_id, starts_at);

create table vehicle_request_stop (
  request_id  bigint not null references vehicle_request (id),
  position    int not null check (position >= 1),
  name        varchar(60) not null,
  latitude    double precision not null check (latitude between -90 and 90),
  longitude   double precision not null check (longitude between -180 and 180),
  primary key (request_id, position)
);

-- 互助保障: a region's vehicle manager agrees that the request may be served across regions. A trip served by
-- another region needs the consent of both the home region and the helping region.
create table vehicle_aid_consent (
  id            bigint generated always as identity primary key,
  request_id    bigint not null references vehicle_request (id),
  region_id     bigint not null references region (id),
  consented_by  bigint not null references user_account (id),
  consented_at  timestamptz not null default now(),
  unique (request_id, region_id)
);

-- Every region gets the vehicle-trip approval flow (单位负责人 then 公务用车管理员), now and when it is created.
create function vehicle_seed_trip_flow(p_region bigint) returns void language plpgsql as $$
declare
  v_flow bigint;
begin
  if exists (select 1 from approval_flow where request_type = 'vehicle.trip' and region_id = p_region) then
    return;
  end if;
  insert into approval_flow (request_type, region_id, version, name, active)
  values ('vehicle.trip', p_region, 1, '公务用车申请', true) returning id into v_flow;
  insert into approval_step (flow_id, position, name, approver_kind, approver_role, mode, deadline_hours, remind_before_hours)
  values (v_flow, 1, '单位负责人审批', 'UNIT_ROLE', 'UNIT_HEAD', 'ANY', 8, 2),
         (v_flow, 2, '公务用车管理员审核', 'REGION_ROLE', 'VEHICLE_MANAGER', 'ANY', 8, 2);
end $$;

select vehicle_seed_trip_flow(id) from region;

create function vehicle_seed_trip_flow_for_new_region() returns trigger language plpgsql as $$
begin
  perform vehicle_seed_trip_flow(new.id);
  return new;
end $$;

create trigger region_vehicle_trip_flow after insert on region
  for each row execute function vehicle_seed_trip_flow_for_new_region();
