-- 终端参数 (issue 14): the latest answer of each terminal to the platform's query of all its parameters (0x8104 →
-- 0x0104), by its binding (telemetry_terminal.id; unbinding removes it). Each answer replaces the one before; the
-- values are kept as the terminal sent them (bytes) and read as words by the program (TerminalParameter), so a better
-- reading never needs the terminal to answer again. A parameter id is the standard's DWORD.
create table telemetry_terminal_answer (
  binding_id    bigint primary key references telemetry_terminal (id) on delete cascade,
  answered_at   timestamptz not null,
  parameters    integer not null check (parameters between 0 and 255)
);

create table telemetry_terminal_parameter (
  binding_id    bigint not null references telemetry_terminal_answer (binding_id) on delete cascade,
  parameter_id  bigint not null check (parameter_id between 0 and 4294967295),
  value         bytea not null check (length(value) <= 255),
  primary key (binding_id, parameter_id)
);
