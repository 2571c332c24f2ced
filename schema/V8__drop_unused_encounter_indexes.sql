-- Outreach Desk: two encounter indexes no query needs any more (issue 8: every index costs each encounter
-- written; a 100,000-row register import writes 100,000 encounters in one transaction).
--   encounter_positive_ix  served the report's "known positive before the period?" probe, now answered by
--                          contact.known_positive_since (V7)
--   encounter_date_ix      (encounter_date, contact_id) is the leading part of encounter_report_ix (V6), which
--                          serves every date-range query at least as well
DROP INDEX encounter_positive_ix;
DROP INDEX encounter_date_ix;
