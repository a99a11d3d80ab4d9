-- 资产领用、退还与调拨 (issue 15): each move of an asset between people and units, dated and kept. An issue (领用)
-- gives the asset to a person of its unit, a return (退还) takes it back; both are done at once. A transfer to another
-- unit (调拨) goes through the approval engine (request type asset.transfer) and is done when it is approved. At most
-- one transfer of an asset waits at a time.
create table asset_movement (
  id                   bigint generated always as identity primary key,
  asset_id             bigint not null references asset (id),
  region_id            bigint not null references region (id),
  kind                 varchar(10) not null check (kind in ('ISSUE', 'RETURN', 'TRANSFER')),
  status               varchar(10) not null check (status in ('PENDING', 'DONE', 'REJECTED', 'WITHDRAWN')),
  on_date              date not null,
  from_unit_id         bigint not null references unit (id),
  to_unit_id           bigint not null references unit (id),
  from_keeper_id       bigint references staff (id),
  to_keeper_id         bigint references staff (id),
  to_room_id           bigint,
  note                 varchar(200),
  approval_request_id  bigint,
  created_by           bigint not null,
  created_at           timestamptz not null default now(),
  decided_at           timestamptz,
  check ((kind = 'TRANSFER') = (approval_request_id is not null)),
  check (kind <> 'TRANSFER' or from_unit_id <> to_unit_id),
  check (kind = 'TRANSFER' or status = 'DONE'),
  check (kind <> 'ISSUE' or to_keeper_id is not null)
);
create index asset_movement_asset on asset_movement (asset_id, id);
create unique index asset_movement_one_pending on asset_movement (asset_id) where status = 'PENDING';
create index asset_movement_approval on asset_movement (approval_request_id);

-- The transfer flow of every region: one step, any of the region's administrators (机关事务管理员) approves.
create function asset_seed_transfer_flow(p_region bigint) returns void language plpgsql as $$
declare
  v_flow bigint;
begin
  if exists (select 1 from approval_flow where request_type = 'asset.transfer' and region_id = p_region) then
    return;
  end if;
  insert into approval_flow (request_type, region_id, version, name, active)
  values ('asset.transfer', p_region, 1, '资产调拨审批', true) returning id into v_flow;
  insert into approval_step (flow_id, position, name, approver_kind, approver_role, mode, deadline_hours, remind_before_hours)
  values (v_flow, 1, '机关事务管理员审批', 'REGION_ROLE', 'REGION_ADMIN', 'ANY', 16, 4);
end $$;

select asset_seed_transfer_flow(id) from region;

create function asset_seed_transfer_flow_for_new_region() returns trigger language plpgsql as $$
begin
  perform asset_seed_transfer_flow(new.id);
  return new;
end $$;

create trigger region_asset_transfer_flow after insert on region
  for each row execute function asset_seed_transfer_flow_for_new_region();
