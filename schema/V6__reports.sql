-- Outreach Desk: indexes for reports and the dashboard (issue 6).
--
-- Reports aggregate up to millions of encounters. H2 (and PostgreSQL) answer a query from an index alone when
-- the index holds every column the query needs; reading the table's rows instead costs about ten times more.
-- These indexes cover the report queries (see store.ReportRepository):
--   encounter_report_ix   the period's encounters: who (contact), HIV testing status, where (site) and what was
--                         handed out, in date order; serves reach, KP_PREV, sites, commodities and the trend
--   encounter_positive_ix "was this contact known positive before the period?" as one index seek

CREATE INDEX encounter_report_ix ON encounter (encounter_date, contact_id, hiv_status, site_id, male_condoms,
    female_condoms, lubricants, hiv_self_tests);
CREATE INDEX encounter_positive_ix ON encounter (contact_id, hiv_status, encounter_date);
