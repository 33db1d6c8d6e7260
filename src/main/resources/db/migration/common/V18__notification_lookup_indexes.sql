-- A notification's agencies are read by notification (the Form B request suggests them, the case
-- page lists them); without this every read scanned the agencies of every notification ever made.
create index ix_notification_agency_notification on notification_agency (notification_id, position);
-- The case page lists the notifications of the case and those flagged as possible duplicates of it.
create index ix_notification_possible_duplicate_of on notification (possible_duplicate_of);
