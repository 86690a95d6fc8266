CREATE TABLE participant (
    id                               UUID         PRIMARY KEY,
    tax_code                         VARCHAR(16)  NOT NULL,
    given_name                       VARCHAR(100) NOT NULL,
    family_name                      VARCHAR(100) NOT NULL,
    birth_date                       DATE         NOT NULL,
    sex                              CHAR(1)      NOT NULL CHECK (sex IN ('F', 'M', 'X')),
    nationality                      CHAR(3)      NOT NULL,
    arrival_date                     DATE         NOT NULL,
    entered_as_unaccompanied_minor   BOOLEAN      NOT NULL,
    region_code                      CHAR(2)      NOT NULL,
    province_code                    CHAR(3)      NOT NULL,
    owner_org_id                     VARCHAR(100) NOT NULL,
    registered_at                    TIMESTAMPTZ  NOT NULL,
    version                          BIGINT       NOT NULL
);
CREATE UNIQUE INDEX participant_tax_code ON participant (tax_code);
CREATE INDEX participant_owner ON participant (owner_org_id);
CREATE INDEX participant_province ON participant (province_code);
