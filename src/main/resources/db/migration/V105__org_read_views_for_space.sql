-- The office-space checks read two more facts through organisation's read views (issue 13): the day a person's
-- status last changed (the recovery deadline of an office runs from a transfer or retirement) and a unit's
-- government level and approved head count (the 2014 standards go by them). Columns are only added at the end, so
-- every reader of the views keeps working; the views stay plain, so PostgreSQL still inlines them.
create or replace view org_person as
  select s.id, s.region_id, s.unit_id, s.department_id, s.name, s.rank_code, s.within_establishment, s.status,
         s.status_changed_on
    from staff s;

create or replace view org_unit as
  select u.id, u.region_id, u.code, u.name, u.sort_order, u.government_level, u.approved_headcount
    from unit u;
