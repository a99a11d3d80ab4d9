-- The public read model of organisation and security (issue 13, docs/architecture.md "Read views").
-- Each module owns its tables: another module reads people, units, ranks and accounts through these views (or the
-- owners' Java API), never from staff, unit, staff_rank or user_account. The columns listed here are a contract:
-- the owner may change its tables freely as long as these views keep answering them. Other modules only read them
-- (TableOwnershipTest refuses insert into / update of a view by another module).
-- Plain views: PostgreSQL inlines them into the caller's query, so joins stay set-based and use the tables' indexes.

-- organisation: a person (no staff number, mobile or personal details).
create view org_person as
  select s.id, s.region_id, s.unit_id, s.department_id, s.name, s.rank_code, s.within_establishment, s.status
    from staff s;

-- organisation: a unit, with its region and its place in the region's order.
create view org_unit as
  select u.id, u.region_id, u.code, u.name, u.sort_order
    from unit u;

-- organisation: a rank (职务/职级) and the grade the 2014 office standards go by.
create view org_rank as
  select r.code, r.name, r.kind, r.grade, r.sort_order
    from staff_rank r;

-- security: an account's name and the person, region and unit it belongs to (no user name, password or lock state).
create view security_account as
  select a.id, a.display_name, a.staff_id, a.region_id, a.unit_id, a.enabled
    from user_account a;
