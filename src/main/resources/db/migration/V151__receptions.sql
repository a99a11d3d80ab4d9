-- 公务接待: a reception begins with the sending unit's 公函 (letter number, guests, purpose, dates) and the host unit;
-- its 接待审批单 goes through the approval engine; after the visit the 消费清单 and the generated 接待清单 close it.
create table reception (
  id                    bigint generated always as identity primary key,
  region_id             bigint not null references region (id),
  host_unit_id          bigint not null references unit (id),
  letter_no             varchar(60) not null check (length(trim(letter_no)) > 0),
  guest_unit            varchar(100) not null check (length(trim(guest_unit)) > 0),
  purpose               varchar(500) not null check (length(trim(purpose)) > 0),
  arrival               date not null,
  departure             date not null,
  status                varchar(20) not null check (status in ('REGISTERED', 'PENDING_APPROVAL', 'APPROVED',
                          'REJECTED', 'CLOSED', 'CANCELLED')),
  approval_request_id   bigint references approval_request (id),
  estimated_cost_fen    bigint not null default 0 check (estimated_cost_fen >= 0),
  vehicle_request_id    bigint,
  meeting_booking_id    bigint,
  list_activity         varchar(500),
  list_place            varchar(200),
  list_signed_by        varchar(50),
  list_generated_at     timestamptz,
  list_guest_count      int,
  list_total_fen        bigint,
  list_arrival          date,
  list_departure        date,
  closed_at             timestamptz,
  created_by            bigint not null references user_account (id),
  created_at            timestamptz not null,
  version               int not null default 0,
  unique (region_id, guest_unit, letter_no),
  check (departure >= arrival),
  check ((status = 'CLOSED') = (closed_at is not null)),
  check ((list_generated_at is null) = (list_signed_by is null)),
  check (status not in ('PENDING_APPROVAL', 'APPROVED', 'CLOSED') or approval_request_id is not null)
);
create index reception_region_arrival on reception (region_id, arrival);
create index reception_host_unit on reception (host_unit_id);

-- The guests the letter names; the rank grade (optional) decides their room standard.
create table reception_guest (
  id            bigint generated always as identity primary key,
  reception_id  bigint not null references reception (id) on delete cascade,
  position      int not null check (position >= 1),
  name          varchar(50) not null check (length(trim(name)) > 0),
  unit          varchar(100) not null check (length(trim(unit)) > 0),
  post          varchar(100) not null check (length(trim(post)) > 0),
  grade         varchar(30) check (grade in ('PROVINCIAL_HEAD', 'PROVINCIAL_DEPUTY', 'BUREAU_HEAD', 'BUREAU_DEPUTY',
                  'DIVISION_HEAD', 'DIVISION_DEPUTY', 'SECTION_HEAD', 'SECTION_DEPUTY', 'STAFF')),
  unique (reception_id, position)
);

-- The plan's meals: the working meal(s) the rules allow, with accompanying diners and the price per person.
create table reception_meal (
  id                      bigint generated always as identity primary key,
  reception_id            bigint not null references reception (id) on delete cascade,
  meal_date               date not null,
  kind                    varchar(10) not null check (kind in ('BREAKFAST', 'LUNCH', 'DINNER')),
  accompanying            int not null check (accompanying >= 0),
  price_per_person_fen    bigint not null check (price_per_person_fen >= 0),
  in_canteen              boolean not null default false
);
create index reception_meal_reception on reception_meal (reception_id);

-- The plan's accommodation: one guest's room at a designated hotel.
create table reception_stay (
  id                  bigint generated always as identity primary key,
  reception_id        bigint not null references reception (id) on delete cascade,
  guest_id            bigint not null references reception_guest (id) on delete cascade,
  hotel_id            bigint not null references reception_hotel (id),
  room_kind           varchar(10) not null check (room_kind in ('STANDARD', 'SUITE')),
  nights              int not null check (nights >= 1),
  price_per_night_fen bigint not null check (price_per_night_fen >= 0),
  unique (guest_id)
);

-- 消费清单: the itemised bill from the invoices, in fen.
create table reception_consumption (
  id            bigint generated always as identity primary key,
  reception_id  bigint not null references reception (id) on delete cascade,
  spent_on      date not null,
  category      varchar(12) not null check (category in ('MEAL', 'ROOM', 'TRANSPORT', 'VENUE', 'OTHER')),
  item          varchar(200) not null check (length(trim(item)) > 0),
  amount_fen    bigint not null check (amount_fen > 0),
  invoice_no    varchar(60),
  created_at    timestamptz not null
);
create index reception_consumption_reception on reception_consumption (reception_id);

-- The host unit's 接待审批单 goes to its unit head, then to the 机关事务管理局 (region admin), in every region.
create function reception_seed_flow(p_region bigint) returns void language plpgsql as $$
declare
  v_flow bigint;
begin
  if exists (select 1 from approval_flow where request_type = 'reception.approval' and region_id = p_region) then
    return;
  end if;
  insert into approval_flow (request_type, region_id, version, name, active)
  values ('reception.approval', p_region, 1, '公务接待审批', true) returning id into v_flow;
  insert into approval_step (flow_id, position, name, approver_kind, approver_role, mode, deadline_hours, remind_before_hours)
  values (v_flow, 1, '接待单位负责人审批', 'UNIT_ROLE', 'UNIT_HEAD', 'ANY', 8, 2),
         (v_flow, 2, '机关事务管理局审核', 'REGION_ROLE', 'REGION_ADMIN', 'ANY', 8, 2);
end $$;

select reception_seed_flow(id) from region;

create function reception_seed_flow_for_new_region() returns trigger language plpgsql as $$
begin
  perform reception_seed_flow(new.id);
  return new;
end $$;

create trigger region_reception_flow after insert on region
  for each row execute function reception_seed_flow_for_new_region();
