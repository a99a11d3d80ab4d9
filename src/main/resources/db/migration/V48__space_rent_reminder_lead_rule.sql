-- 租金到期提醒提前天数: how many days before an unpaid instalment falls due its region's space managers are reminded.
-- It travels with the lease-term rule versions (same region and effective date); existing versions keep the week the
-- reminder used to be hard-wired to.
alter table space_lease_term_rule
  add column reminder_lead_days int not null default 7 check (reminder_lead_days between 1 and 60);
