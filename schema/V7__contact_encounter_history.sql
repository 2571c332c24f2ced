-- Outreach Desk: two facts about each contact's encounters, kept on the contact for reports (issues 6 and 8).
--
-- A report asks of every person reached: "met before the period?" (new or returning) and "known HIV positive
-- before the period?" (KP_PREV). Asked of the encounter table, that is two index probes per person; a year's
-- report over 1,000,000 encounters then needs more decrypted index pages than the page cache holds, and took
-- 4-5 s. Kept here, the answers come with the contact row the report reads anyway.
--
-- Both are derived from the encounters and nothing else: EncounterRepository keeps them up to date in the
-- same transaction as every encounter it writes (encounters are only ever added). They are not user data and
-- not a change to the contact: updated_at and row_version are left alone.
ALTER TABLE contact ADD COLUMN first_encounter_date DATE;
ALTER TABLE contact ADD COLUMN known_positive_since DATE;

UPDATE contact SET
    first_encounter_date = (SELECT MIN(e.encounter_date) FROM encounter e WHERE e.contact_id = contact.id),
    known_positive_since = (SELECT MIN(e.encounter_date) FROM encounter e
                            WHERE e.contact_id = contact.id AND e.hiv_status = 'KNOWN_POSITIVE');
