-- An idempotency key belongs to whoever sent it: a terminal, a holder's account, a signed-in person, a payment provider or the
-- platform itself. Until now keys were one namespace across operations, so a holder's top-up key could stand in for a
-- terminal's later meal payment (answered 200, nothing charged). The journal already records the operation (kind),
-- the account and the amount; it now also records the key's scope, and a key is unique within its scope only.
alter table canteen_journal add column idempotency_scope varchar(80);

-- the journal is append-only; this one backfill of the new column is the only update it ever sees
alter table canteen_journal disable trigger canteen_journal_no_update;
update canteen_journal j
   set idempotency_scope = case
         when j.channel in ('TERMINAL', 'OFFLINE')
           then 'terminal:' || coalesce((select t.terminal_code from canteen_terminal t where t.id = j.terminal_id), '')
         when j.channel = 'SYSTEM' then 'platform'
         when j.channel in ('PRE_ORDER', 'ONLINE') then 'account:' || j.account_id
         else 'user:' || j.recorded_by
       end
 where j.idempotency_key is not null;
alter table canteen_journal enable trigger canteen_journal_no_update;

alter table canteen_journal drop constraint canteen_journal_idempotency_key_key;
alter table canteen_journal add constraint canteen_journal_key_has_scope
  check ((idempotency_key is null) = (idempotency_scope is null));
create unique index canteen_journal_scoped_key on canteen_journal (idempotency_scope, idempotency_key)
  where idempotency_key is not null;
