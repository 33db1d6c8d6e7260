-- The SPOC may send a case to the CDOP without the missing Form Bs (or because no agency knew the
-- child); the reason is kept with the case.
alter table case_file add column form_b_proceed_reason varchar(1000);
alter table case_file add column form_b_proceed_by varchar(100);
alter table case_file add column form_b_proceed_at timestamp with time zone;
