-- Stored scores keep shadow figures only for the parts whose shadow can differ from their real figures, at their
-- rank among those (packages/db/src/scores/score-layout.ts), instead of at every part's slot. Rows of the old
-- layout would be misread: they are removed, and the next results read of each edition scores its contacts
-- again (scoreStaleContacts), as after a definition change.
DELETE FROM "ContactScore";
