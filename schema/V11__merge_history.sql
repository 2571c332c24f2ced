-- Outreach Desk: a merge moves a contact's safeguarding screens too, and each move is a history row (issue 14,
-- ADR 13). record_change could name every other record a merge moves (encounter, referral, incident) but not a
-- safeguarding screen: the check is widened. Nothing else changes.
ALTER TABLE record_change DROP CONSTRAINT record_change_type_ck;
ALTER TABLE record_change ADD CONSTRAINT record_change_type_ck
    CHECK (record_type IN ('CONTACT', 'ENCOUNTER', 'REFERRAL', 'INCIDENT', 'MOVEMENT', 'SAFEGUARDING'));
