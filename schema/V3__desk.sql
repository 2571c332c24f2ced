-- Outreach Desk: the encounter desk and the contact register (issue 4, desk part).
--
-- The register can be sorted by newest first contact; keyset paging over (first_contact_date DESC, uic)
-- reads this index in order instead of sorting every contact (measured: 100,000 contacts, see docs/notes/desk.md).
CREATE INDEX contact_first_contact_ix ON contact (first_contact_date DESC, uic);
