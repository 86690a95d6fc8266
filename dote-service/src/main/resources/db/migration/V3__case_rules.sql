-- The rules that hold across the whole case (issue 8).

-- One dote per person per programme: a revoked or completed dote bars another in the same
-- programme; an expired reservation (the place returned) does not.
DROP INDEX dote_one_per_programme;
CREATE UNIQUE INDEX dote_one_per_programme ON dote (programme_code, participant_id)
    WHERE state IN ('ASSIGNED', 'ACTIVE', 'EXTENDED', 'COMPLETED', 'REVOKED');

-- What the host receives after an interrupted internship: a rule of the programme.
ALTER TABLE programme ADD COLUMN host_contribution_on_interruption VARCHAR(20) NOT NULL
    DEFAULT 'NONE' CHECK (host_contribution_on_interruption IN ('NONE', 'PRO_RATA'));

-- The extension requested by the promoter, waiting for the agency; the internship as
-- placement-service tells it (the months that may be paid); the revocation's reason code.
ALTER TABLE dote ADD COLUMN extension_requested_months INT CHECK (extension_requested_months > 0);
ALTER TABLE dote ADD COLUMN extension_requested_on DATE;
ALTER TABLE dote ADD COLUMN internship_id UUID;
ALTER TABLE dote ADD COLUMN internship_start DATE;
ALTER TABLE dote ADD COLUMN internship_planned_end DATE;
ALTER TABLE dote ADD COLUMN internship_ended_on DATE;
ALTER TABLE dote ADD COLUMN internship_outcome VARCHAR(20)
    CHECK (internship_outcome IN ('COMPLETED', 'INTERRUPTED'));
ALTER TABLE dote ADD COLUMN close_reason_code VARCHAR(40);
CREATE INDEX dote_created ON dote (created_at, id);

-- Who may read a disbursement is a query on the ledger alone: the dote's organisation and
-- province are kept on each row. A refused month may be settled again by a corrected report
-- (a higher revision), once.
ALTER TABLE disbursement ADD COLUMN promoter_org_id VARCHAR(100);
ALTER TABLE disbursement ADD COLUMN province_code CHAR(3);
UPDATE disbursement x SET promoter_org_id = d.promoter_org_id, province_code = d.province_code
    FROM dote d WHERE d.id = x.dote_id;
ALTER TABLE disbursement ALTER COLUMN promoter_org_id SET NOT NULL;
ALTER TABLE disbursement ALTER COLUMN province_code SET NOT NULL;
ALTER TABLE disbursement ADD COLUMN revision INT NOT NULL DEFAULT 1 CHECK (revision > 0);
CREATE INDEX disbursement_promoter ON disbursement (promoter_org_id);

-- Events that would pay from a dote not yet running, kept until they can be applied.
CREATE TABLE parked_event (
    event_id    VARCHAR(100) PRIMARY KEY,
    dote_id     UUID         NOT NULL REFERENCES dote (id),
    type        VARCHAR(120) NOT NULL,
    event_time  TIMESTAMPTZ  NOT NULL,
    payload     TEXT         NOT NULL,
    parked_at   TIMESTAMPTZ  NOT NULL,
    why         VARCHAR(200) NOT NULL
);
CREATE INDEX parked_event_dote ON parked_event (dote_id, parked_at);
