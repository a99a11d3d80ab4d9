-- Page sessions in PostgreSQL (Spring Session JDBC), so that every instance behind the load balancer knows every
-- session and ending an account's sessions reaches all of them. The tables, columns and indexes are the ones Spring
-- Session's JdbcIndexedSessionRepository reads and writes (its schema for PostgreSQL); the application does not create
-- them itself (spring.session.jdbc.initialize-schema=never).
create table spring_session (
  primary_id            char(36)     not null,
  session_id            char(36)     not null,
  creation_time         bigint       not null,
  last_access_time      bigint       not null,
  max_inactive_interval int          not null,
  expiry_time           bigint       not null,
  -- the signed-in user name: the index by which an account's sessions are found and ended
  principal_name        varchar(100),
  constraint spring_session_pk primary key (primary_id)
);

create unique index spring_session_ix1 on spring_session (session_id);
create index spring_session_ix2 on spring_session (expiry_time);
create index spring_session_ix3 on spring_session (principal_name);

create table spring_session_attributes (
  session_primary_id char(36)     not null,
  attribute_name     varchar(200) not null,
  -- a Java-serialised attribute value (security context, CSRF token, flash messages)
  attribute_bytes    bytea        not null,
  constraint spring_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint spring_session_attributes_fk foreign key (session_primary_id)
    references spring_session (primary_id) on delete cascade
);
