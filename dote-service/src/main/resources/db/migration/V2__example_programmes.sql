-- Two EXAMPLE programmes built from the public facts of the real editions (see DESIGN.md).
-- They are marked example = true and are not the real calls: amounts and quotas are
-- illustrative. A real edition is created and published by the agency through the API.

INSERT INTO programme (code, title, state, example, application_opens, application_closes,
    min_age, max_age_exclusive, requires_unaccompanied_minor, requires_unemployed,
    requires_valid_permit, requires_did_and_agreement, requires_consent,
    internship_months, max_extension_months, monthly_allowance_cents,
    attendance_threshold_percent, host_contribution_cents, promoter_services_cents,
    total_dotes, promoter_cap, clearance_to_start_days, published_at, version)
VALUES
  ('EXAMPLE-PERCORSI-III', 'Percorsi III — example national edition (ex-minors under 23, 5-month internship)',
    'PUBLISHED', TRUE, DATE '2026-01-01', DATE '2027-12-31',
    16, 23, TRUE, TRUE, TRUE, TRUE, TRUE,
    5, 0, 50000, 70, 50000, 200000,
    960, NULL, 60, TIMESTAMPTZ '2026-01-01 00:00:00+01', 0),
  ('EXAMPLE-PERCORSI-4-SUD', 'Percorsi 4 — example southern-regions edition (under 24, 6 months plus extension)',
    'PUBLISHED', TRUE, DATE '2026-01-01', DATE '2027-12-31',
    16, 24, TRUE, TRUE, TRUE, TRUE, TRUE,
    6, 6, 50000, 70, 60000, 284000,
    1000, NULL, 90, TIMESTAMPTZ '2026-01-01 00:00:00+01', 0);

INSERT INTO regional_quota (programme_code, region_code, total) VALUES
  ('EXAMPLE-PERCORSI-III', '01', 100),
  ('EXAMPLE-PERCORSI-III', '03', 200),
  ('EXAMPLE-PERCORSI-III', '08', 100),
  ('EXAMPLE-PERCORSI-III', '09', 100),
  ('EXAMPLE-PERCORSI-III', '12', 160),
  ('EXAMPLE-PERCORSI-III', '15', 100),
  ('EXAMPLE-PERCORSI-III', '19', 200),
  ('EXAMPLE-PERCORSI-4-SUD', '15', 300),
  ('EXAMPLE-PERCORSI-4-SUD', '16', 250),
  ('EXAMPLE-PERCORSI-4-SUD', '17', 50),
  ('EXAMPLE-PERCORSI-4-SUD', '18', 150),
  ('EXAMPLE-PERCORSI-4-SUD', '19', 250);
