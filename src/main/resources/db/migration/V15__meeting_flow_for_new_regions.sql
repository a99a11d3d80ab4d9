-- A region created after V12 gets the large-hall booking flow too (one 或签 step of its meeting managers), the way
-- V21 seeds the vehicle-trip flow; without it a new region's halls could not be booked until an admin defined one.
create function meeting_seed_booking_flow(p_region bigint) returns void language plpgsql as $$
declare
  v_flow bigint;
begin
  if exists (select 1 from approval_flow where request_type = 'meeting.booking' and region_id = p_region) then
    return;
  end if;
  insert into approval_flow (request_type, region_id, version, name, active)
  values ('meeting.booking', p_region, 1, '大会议室预订审批', true) returning id into v_flow;
  insert into approval_step (flow_id, position, name, approver_kind, approver_role, mode, deadline_hours, remind_before_hours)
  values (v_flow, 1, '会务管理员审核', 'REGION_ROLE', 'MEETING_MANAGER', 'ANY', 8, 2);
end $$;

create function meeting_seed_booking_flow_for_new_region() returns trigger language plpgsql as $$
begin
  perform meeting_seed_booking_flow(new.id);
  return new;
end $$;

create trigger region_meeting_booking_flow after insert on region
  for each row execute function meeting_seed_booking_flow_for_new_region();
