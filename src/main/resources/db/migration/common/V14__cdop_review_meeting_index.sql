-- The meeting page lists every case put to a meeting.
create index ix_cdop_review_meeting on cdop_review (meeting_id);
