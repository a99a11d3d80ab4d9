-- A journal's postings are written in one statement, so their balance is checked once per statement over the rows it
-- inserted (a transition table) instead of once per posting at commit: one check per payment instead of three, on
-- the lunch-peak hot path. A posting added later to an existing journal is still refused, since the check sums all of
-- the journal's postings. The deferred per-journal trigger stays: a journal without postings is refused at commit.
drop trigger canteen_posting_balanced on canteen_posting;
drop function canteen_posting_keeps_journal_balanced();

create function canteen_inserted_postings_balance() returns trigger language plpgsql as $$
declare
  unbalanced bigint;
begin
  select i.journal_id into unbalanced
    from (select distinct journal_id from inserted) i
   where (select sum(p.amount_fen) from canteen_posting p where p.journal_id = i.journal_id) <> 0
   limit 1;
  if unbalanced is not null then
    raise exception 'canteen journal % is unbalanced: its postings do not sum to zero', unbalanced
      using errcode = '23514';
  end if;
  return null;
end;
$$;
create trigger canteen_posting_balanced after insert on canteen_posting
  referencing new table as inserted for each statement execute function canteen_inserted_postings_balance();
