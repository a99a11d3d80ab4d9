-- When the thing a request approves begins (a trip's departure, a meeting's start), as its module hands it over at
-- submission: no task of the request is due after it. Requests without a start (e.g. purchases) leave it empty.
alter table approval_request add column subject_starts_at timestamptz;
