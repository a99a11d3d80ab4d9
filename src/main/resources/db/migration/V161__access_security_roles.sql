-- The roles of module access: SECURITY_MANAGER (安保负责人) and SECURITY_GUARD (门岗保安), held in a region.
-- role_assignment's CHECK lists the roles; other modules may have widened it already, so the roles are added to
-- whatever list the constraint holds now rather than written out anew.
do $$
declare
  definition text;
begin
  select pg_get_constraintdef(c.oid) into definition
    from pg_constraint c
   where c.conrelid = 'role_assignment'::regclass and c.conname = 'role_assignment_role_check';
  if definition is null then
    raise exception 'role_assignment_role_check not found';
  end if;
  if position('SECURITY_GUARD' in definition) = 0 then
    definition := replace(definition, '''REPAIR_WORKER''::character varying',
        '''REPAIR_WORKER''::character varying, ''SECURITY_MANAGER''::character varying, '
        || '''SECURITY_GUARD''::character varying');
    if position('SECURITY_GUARD' in definition) = 0 then
      raise exception 'unexpected role_assignment_role_check: %', definition;
    end if;
    execute 'alter table role_assignment drop constraint role_assignment_role_check';
    execute 'alter table role_assignment add constraint role_assignment_role_check ' || definition;
  end if;
end $$;
