-- Sign-in failures counted per source (account + client address), per account and per client address (issue 12,
-- section 9). A stranger's failures no longer lock the account itself: only the source that failed is locked out,
-- and the account and the address are only slowed down. Unknown user names are counted exactly like real ones, so
-- the answers never tell whether an account exists.
create table sign_in_throttle (
    kind            text        not null check (kind in ('SOURCE', 'ACCOUNT', 'ADDRESS')),
    username        text        not null default '',
    address         text        not null default '',
    failures        integer     not null check (failures >= 0),
    last_failure_at timestamptz not null,
    blocked_until   timestamptz,
    primary key (kind, username, address)
);

create index sign_in_throttle_username on sign_in_throttle (username) where username <> '';

-- The account-wide lock that anyone could trigger is gone with its counter.
alter table user_account drop column failed_sign_ins, drop column locked_until;
