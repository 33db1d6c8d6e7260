-- A special neonatal panel does not complete a review: it records its findings (the specialists who attended, and a
-- draft Form C with its learning points, kept in form_c) and the case goes on to a routine CDOP meeting, which
-- completes the review as for every case (issue 16).
alter table cdop_review drop constraint ck_cdop_review_outcome;
alter table cdop_review alter column outcome set data type varchar(20);
alter table cdop_review add constraint ck_cdop_review_outcome check (outcome in ('REVIEWED', 'DEFERRED', 'NEONATAL_REVIEWED'));
alter table cdop_review add column specialists_attending varchar(2000);
