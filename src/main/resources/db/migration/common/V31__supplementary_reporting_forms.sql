-- The supplementary reporting forms a 2018 case's agencies are asked for beside the core reporting form
-- (domain-2018.md): codes of uk.cdr.review2018.SupplementaryForm separated by commas; null until decided.
alter table case_review_2018 add column supplementary_forms varchar(400);
