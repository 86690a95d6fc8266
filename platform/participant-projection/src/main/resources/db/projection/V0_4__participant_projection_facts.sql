-- More non-identifying facts from percorsi.participants.v1 (updated, consent-withdrawn,
-- ownership-transferred, erased).
ALTER TABLE participant_projection ADD COLUMN employment_status VARCHAR(30);
ALTER TABLE participant_projection ADD COLUMN consent_given BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE participant_projection ADD COLUMN erased BOOLEAN NOT NULL DEFAULT FALSE;
