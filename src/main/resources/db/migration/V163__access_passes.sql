-- 行政大院通行证 (compound passes, issue 18): a staff pass for a person or a vehicle pass for a plate, applied for
-- online through the approval engine (request type access.pass), valid between two days, revocable, shown as QR.
create table access_pass (
  id                   bigint generated always as identity primary key,
  region_id            bigint not null,
  kind                 varchar(10) not null check (kind in ('STAFF', 'VEHICLE')),
  holder_staff_id      bigint not null,
  applicant_user_id    bigint not null,
  plate                varchar(10),
  valid_from           date not null,
  valid_to             date not null,
  reason               varchar(200) not null check (length(btrim(reason)) > 0),
  status               varchar(10) not null check (status in ('PENDING', 'ACTIVE', 'REJECTED', 'WITHDRAWN', 'REVOKED')),
  approval_request_id  bigint unique,
  qr_token             varchar(64) not null unique,
  revoked_at           timestamptz,
  revoked_by           bigint,
  revocation_reason    varchar(200),
  created_at           timestamptz not null default now(),
  version              integer not null default 0,
  check (valid_to >= valid_from),
  check ((kind = 'VEHICLE') = (plate is not null)),
  check ((status = 'REVOKED') = (revoked_at is not null)),
  check ((revoked_at is null) = (revocation_reason is null))
);
create index access_pass_plate on access_pass (region_id, plate) where status = 'ACTIVE';
create index access_pass_holder on access_pass (holder_staff_id, valid_to desc);

-- The security manager may approve: approval_step's CHECK lists the approver roles; widened in place, as V161 did
-- for role_assignment, so that roles other modules added stay.
do $$
declare
  definition text;
begin
  select pg_get_constraintdef(c.oid) into definition
    from pg_constraint c
   where c.conrelid = 'approval_step'::regclass and c.contype = 'c'
     and pg_get_constraintdef(c.oid) like '%approver_role%ASSET_MANAGER%';
  if definition is null then
    raise exception 'approval_step approver_role check not found';
  end if;
  if position('SECURITY_MANAGER' in definition) = 0 then
    execute 'alter table approval_step drop constraint ' || (
      select c.conname from pg_constraint c
       where c.conrelid = 'approval_step'::regclass and c.contype = 'c'
         and pg_get_constraintdef(c.oid) = definition);
    definition := replace(definition, '''ASSET_MANAGER''::character varying',
        '''ASSET_MANAGER''::character varying, ''SECURITY_MANAGER''::character varying');
    execute 'alter table approval_step add constraint approval_step_approver_role_check ' || definition;
  end if;
end $$;

-- The pass flow of every region (the unit head, then the region's security manager, each one of them deciding), and
-- of every region created later, the way V15 seeds the large-hall booking flow.
create function access_seed_pass_flow(p_region bigint) returns void language plpgsql as $$
declare
  v_flow bigint;
begin
  if exists (select 1 from approval_flow where request_type = 'access.pass' and region_id = p_region) then
    return;
  end if;
  insert into approval_flow (request_type, region_id, version, name, active)
  values ('access.pass', p_region, 1, '通行证审批', true) returning id into v_flow;
  insert into approval_step (flow_id, position, name, approver_kind, approver_role, mode, deadline_hours, remind_before_hours)
  values (v_flow, 1, '单位负责人审核', 'UNIT_ROLE', 'UNIT_HEAD', 'ANY', 16, 4),
         (v_flow, 2, '安保负责人审批', 'REGION_ROLE', 'SECURITY_MANAGER', 'ANY', 16, 4);
end $$;

select access_seed_pass_flow(id) from region;

create function access_seed_pass_flow_for_new_region() returns trigger language plpgsql as $$
begin
  perform access_seed_pass_flow(new.id);
  return new;
end $$;

create trigger region_access_pass_flow after insert on region
  for each row execute function access_seed_pass_flow_for_new_region();
