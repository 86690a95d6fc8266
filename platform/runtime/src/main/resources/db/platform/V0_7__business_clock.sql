-- The sandbox business clock of this service: how many days it runs ahead of the wall clock and
-- the last business date its daily jobs ran for. One row; absent means the wall clock.
CREATE TABLE business_clock (
    id           SMALLINT    PRIMARY KEY DEFAULT 1 CHECK (id = 1),
    offset_days  BIGINT      NOT NULL CHECK (offset_days >= 0),
    today        DATE        NOT NULL,
    updated_at   TIMESTAMPTZ NOT NULL
);
