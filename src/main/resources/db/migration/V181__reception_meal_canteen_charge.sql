-- A working meal in the staff canteen is charged to the host unit through the canteen's unit charges (单位挂账), once:
-- the charge number is kept on the meal (and is the invoice number of its 消费清单 line).
alter table reception_meal add column canteen_charge_no varchar(30);
alter table reception_meal add constraint reception_meal_charged_only_in_canteen
  check (canteen_charge_no is null or in_canteen);
