-- Whether the participant is a minor today (participant.registered / updated carry it; came-of-age
-- clears it). Never the birth date. Rows projected before the field existed stay false.
ALTER TABLE participant_projection ADD COLUMN minor BOOLEAN NOT NULL DEFAULT FALSE;
