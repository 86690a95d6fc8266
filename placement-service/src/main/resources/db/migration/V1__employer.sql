-- Host organisations (one per tax code) and their company tutors. The audit trail of every
-- placement record is the platform's audit_trail.

CREATE TABLE employer (
    id                    UUID         PRIMARY KEY,
    tax_code              VARCHAR(16)  NOT NULL,
    name                  VARCHAR(200) NOT NULL,
    legal_form            VARCHAR(30)  NOT NULL,
    non_profit            BOOLEAN      NOT NULL,
    ateco_code            VARCHAR(8)   NOT NULL,
    site_municipality     CHAR(6)      NOT NULL,
    site_province         CHAR(3)      NOT NULL,
    employees             INTEGER      NOT NULL CHECK (employees >= 0),
    host_org_id           VARCHAR(100),
    registered_by_org_id  VARCHAR(100) NOT NULL,
    registered_at         TIMESTAMPTZ  NOT NULL,
    updated_at            TIMESTAMPTZ  NOT NULL,
    version               BIGINT       NOT NULL
);
CREATE UNIQUE INDEX employer_tax_code ON employer (tax_code);
CREATE INDEX employer_host_org ON employer (host_org_id);
CREATE INDEX employer_site_province ON employer (site_province);
CREATE INDEX employer_registered ON employer (registered_at, id);

CREATE TABLE employer_tutor (
    employer_id  UUID         NOT NULL REFERENCES employer (id),
    position     INTEGER      NOT NULL,
    full_name    VARCHAR(200) NOT NULL,
    email        VARCHAR(200),
    PRIMARY KEY (employer_id, position)
);
