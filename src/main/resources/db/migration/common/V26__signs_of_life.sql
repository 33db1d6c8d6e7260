-- Form A asks, for a baby who died on the day of birth, whether there were signs of life: a stillbirth is not
-- reviewed, so "no" is refused and only "yes" (or nothing, for an older child) is ever kept.
alter table notification add column signs_of_life varchar(3);
