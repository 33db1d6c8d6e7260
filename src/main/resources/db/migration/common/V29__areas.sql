-- Several local authority areas often share one CDOP (issue 17, domain-2018.md): every case has the area
-- the child normally lived in. Cases recorded before areas existed are of the first configured area
-- (cdr.areas, through spring.flyway.placeholders), which was until then the deployment's only one.
alter table case_file add column area varchar(40);
update case_file set area = '${firstarea}';
alter table case_file alter column area set not null;
create index ix_case_file_area_year on case_file (area, reporting_year);

-- As the notifier gave it: a possible duplicate that proves a different death opens its case from it.
alter table notification add column area varchar(40);
update notification set area = '${firstarea}';

-- A CDOP meeting may be held for one area's cases; none: for the whole CDOP.
alter table panel_meeting add column area varchar(40);
