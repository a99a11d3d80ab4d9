-- The live map (issue 14) reads two more rule values of module telemetry: above which speed a fresh position counts as
-- 行驶 (below it, as 停驶: a standing vehicle's GPS drifts a few km/h), and after how many minutes without a position a
-- vehicle counts as 离线. National defaults below; a region adds its own version (terminals that sleep with a long
-- reporting interval need a longer offline time).
alter table telemetry_rule drop constraint telemetry_rule_rule_key_check;
alter table telemetry_rule add constraint telemetry_rule_rule_key_check
  check (rule_key in ('POSITION_RETENTION_MONTHS', 'MOVING_ABOVE_KMH', 'OFFLINE_AFTER_MINUTES'));

insert into telemetry_rule (rule_key, region_id, value, effective_from, source)
values ('MOVING_ABOVE_KMH', null, 5, date '2020-01-01',
        '平台默认值：速度高于 5 公里/小时视为行驶，以下视为停驶（静止时定位漂移约数公里/小时）'),
       ('OFFLINE_AFTER_MINUTES', null, 10, date '2020-01-01',
        '平台默认值：10 分钟内没有新定位视为离线（终端休眠时汇报间隔较长的地区可调大）');
