-- Issue 15: changes that alter only their own year's figures (the Designated Doctor's
-- classification, counted in the reporting year of the death) are counted apart, so that they drop
-- the kept reports of that year and the next (which shows it beside) and no others.
alter table statistics_generation add column this_year_only bigint default 0 not null;
