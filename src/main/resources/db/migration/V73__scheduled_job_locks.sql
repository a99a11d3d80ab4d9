-- One row per scheduled job (ShedLock): the instance that takes a job's lock runs it, the others skip that run, so a
-- reminder or an expiry runs once however many instances are up. Times are the database's (UTC), not the instances'.
create table shedlock (
  name       varchar(64)  not null primary key,
  lock_until timestamp    not null,
  locked_at  timestamp    not null,
  locked_by  varchar(255) not null
);
