-- 机关食堂 accounts and their ledger. Money moves only as journals of postings (integer fen) that sum to zero; the
-- journal and posting tables are append-only, and each posting on a holder's wallet carries an SM3 hash chained per
-- account (ADR 0006), so the ledger is tamper-evident without the platform's single audit chain on the hot path.

create table canteen (
  id         bigint generated always as identity primary key,
  region_id  bigint not null references region (id),
  name       varchar(60) not null check (length(trim(name)) > 0),
  address    varchar(200),
  unique (region_id, name),
  unique (id, region_id)
);

-- A payment terminal (POS, face or QR reader) of one canteen; it calls the API with an API key of its region.
create table canteen_terminal (
  id             bigint generated always as identity primary key,
  terminal_code  varchar(40) not null unique check (length(trim(terminal_code)) > 0),
  canteen_id     bigint not null,
  region_id      bigint not null,
  name           varchar(60) not null,
  active         boolean not null default true,
  registered_at  timestamptz not null,
  foreign key (canteen_id, region_id) references canteen (id, region_id)
);

-- One account per staff member (and visitor accounts). cash_fen and subsidy_fen are caches of the sums of the
-- account's postings per wallet; the ledger check proves they are. last_hash/entry_count are the head of the
-- account's hash chain. spent_on/spent_today_fen keep the daily limit check free of an extra query.
create table canteen_account (
  id                  bigint generated always as identity primary key,
  region_id           bigint not null references region (id),
  staff_id            bigint references staff (id),
  holder_name         varchar(50) not null check (length(trim(holder_name)) > 0),
  kind                varchar(10) not null check (kind in ('STAFF', 'VISITOR')),
  category            varchar(20) not null check (category in ('ESTABLISHED', 'NON_ESTABLISHED', 'VISITOR')),
  status              varchar(10) not null check (status in ('ACTIVE', 'FROZEN', 'CLOSED')),
  cash_fen            bigint not null default 0,
  subsidy_fen         bigint not null default 0 check (subsidy_fen >= 0),
  subsidy_expires_on  date,
  spent_on            date,
  spent_today_fen     bigint not null default 0 check (spent_today_fen >= 0),
  entry_count         bigint not null default 0,
  last_hash           char(64) not null default repeat('0', 64),
  opened_at           timestamptz not null,
  closed_at           timestamptz,
  check ((kind = 'STAFF') = (staff_id is not null)),
  check ((kind = 'VISITOR') = (category = 'VISITOR')),
  check ((status = 'CLOSED') = (closed_at is not null))
);
create unique index canteen_account_one_open_per_staff on canteen_account (staff_id) where status <> 'CLOSED';
create index canteen_account_region_idx on canteen_account (region_id, id);

-- Cards, QR tokens and face identities are ways to reach an account. A number is never reused; an account has at
-- most one active credential of each kind.
create table canteen_credential (
  id          bigint generated always as identity primary key,
  account_id  bigint not null references canteen_account (id),
  kind        varchar(6) not null check (kind in ('CARD', 'QR', 'FACE')),
  credential  varchar(80) not null unique check (length(trim(credential)) > 0),
  status      varchar(10) not null check (status in ('ACTIVE', 'LOST', 'REVOKED')),
  issued_at   timestamptz not null,
  ended_at    timestamptz,
  check ((status = 'ACTIVE') = (ended_at is null))
);
create unique index canteen_credential_one_active on canteen_credential (account_id, kind) where status = 'ACTIVE';

-- A journal is one business event concerning one holder account; its postings move the money.
create table canteen_journal (
  id                  bigint generated always as identity primary key,
  kind                varchar(20) not null check (kind in ('OPENING', 'TOP_UP', 'SUBSIDY_GRANT', 'SUBSIDY_EXPIRY',
                                                           'MEAL_PAYMENT', 'REFUND', 'CORRECTION', 'SETTLEMENT')),
  account_id          bigint not null references canteen_account (id),
  amount_fen          bigint not null check (amount_fen > 0),
  -- the holder's total balance (cash + subsidy) after this journal, so that a replayed request answers at once
  balance_after_fen   bigint not null,
  idempotency_key     varchar(100) unique,
  channel             varchar(10) not null check (channel in ('TERMINAL', 'OFFLINE', 'PRE_ORDER', 'ONLINE',
                                                              'COUNTER', 'SYSTEM', 'MANAGER')),
  terminal_id         bigint references canteen_terminal (id),
  refunds_journal_id  bigint unique references canteen_journal (id),
  description         varchar(200),
  occurred_at         timestamptz not null,
  recorded_at         timestamptz not null,
  recorded_by         varchar(60) not null,
  check ((kind = 'REFUND') = (refunds_journal_id is not null))
);
create index canteen_journal_account_idx on canteen_journal (account_id, id);

-- A posting either moves a holder's wallet (CASH or SUBSIDY; chained by hash, with the wallet's balance after it)
-- or one of the canteen's own books (where top-ups come from, where meal revenue goes, ...).
create table canteen_posting (
  id                 bigint generated always as identity primary key,
  journal_id         bigint not null references canteen_journal (id),
  account_id         bigint references canteen_account (id),
  wallet             varchar(8) check (wallet in ('CASH', 'SUBSIDY')),
  book               varchar(20) check (book in ('TOP_UP_CLEARING', 'MEAL_REVENUE', 'SUBSIDY_FUND', 'SUBSIDY_EXPIRED',
                                                 'CORRECTION', 'SETTLEMENT_PAYOUT', 'OPENING_BALANCE')),
  amount_fen         bigint not null check (amount_fen <> 0),
  balance_after_fen  bigint,
  sequence_no        bigint,
  previous_hash      char(64),
  hash               char(64),
  check ((account_id is not null and wallet is not null and book is null and balance_after_fen is not null
          and sequence_no is not null and previous_hash is not null and hash is not null)
      or (account_id is null and wallet is null and book is not null and balance_after_fen is null
          and sequence_no is null and previous_hash is null and hash is null))
);
create unique index canteen_posting_chain on canteen_posting (account_id, sequence_no) where account_id is not null;
create index canteen_posting_journal_idx on canteen_posting (journal_id);

create function canteen_ledger_is_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'canteen ledger is append-only: % on % refused', tg_op, tg_table_name;
end;
$$;
create trigger canteen_journal_no_update before update or delete on canteen_journal
  for each row execute function canteen_ledger_is_append_only();
create trigger canteen_journal_no_truncate before truncate on canteen_journal
  for each statement execute function canteen_ledger_is_append_only();
create trigger canteen_posting_no_update before update or delete on canteen_posting
  for each row execute function canteen_ledger_is_append_only();
create trigger canteen_posting_no_truncate before truncate on canteen_posting
  for each statement execute function canteen_ledger_is_append_only();

-- Checked at commit, when all of a journal's postings are written: they sum to zero and there are at least two.
create function canteen_check_journal(journal bigint) returns void language plpgsql as $$
declare
  total bigint;
  postings bigint;
begin
  select coalesce(sum(amount_fen), 0), count(*) into total, postings from canteen_posting where journal_id = journal;
  if total <> 0 or postings < 2 then
    raise exception 'canteen journal % is unbalanced: % postings summing to %', journal, postings, total
      using errcode = '23514';
  end if;
end;
$$;
create function canteen_journal_is_balanced() returns trigger language plpgsql as $$
begin
  perform canteen_check_journal(new.id);
  return null;
end;
$$;
create function canteen_posting_keeps_journal_balanced() returns trigger language plpgsql as $$
begin
  perform canteen_check_journal(new.journal_id);
  return null;
end;
$$;
create constraint trigger canteen_journal_balanced after insert on canteen_journal
  deferrable initially deferred for each row execute function canteen_journal_is_balanced();
create constraint trigger canteen_posting_balanced after insert on canteen_posting
  deferrable initially deferred for each row execute function canteen_posting_keeps_journal_balanced();

-- Offline payments that overdrew an account or used a frozen card: accepted (the meal was eaten) but flagged for
-- a manager. The flag, unlike the ledger, is resolved in place.
create table canteen_overdraft_flag (
  journal_id       bigint primary key references canteen_journal (id),
  account_id       bigint not null references canteen_account (id),
  region_id        bigint not null references region (id),
  reason           varchar(30) not null,
  flagged_at       timestamptz not null,
  resolved_at      timestamptz,
  resolved_by      varchar(60),
  resolution_note  varchar(200),
  check ((resolved_at is null) = (resolved_by is null))
);
create index canteen_overdraft_flag_open_idx on canteen_overdraft_flag (region_id) where resolved_at is null;
