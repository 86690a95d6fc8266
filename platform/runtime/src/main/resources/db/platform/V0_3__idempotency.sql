-- Idempotency keys of creating POSTs, the same in every service database.
-- The row is inserted in the transaction that creates the resource and completed with the
-- response before it commits: a concurrent request with the same key waits on the primary key
-- and then reads the stored response; a failed request leaves no row, so a retry runs again.
CREATE TABLE idempotency_key (
    scope              VARCHAR(200)  NOT NULL,
    idempotency_key    VARCHAR(255)  NOT NULL,
    request_hash       CHAR(64)      NOT NULL,
    response_status    INTEGER,
    response_body      TEXT,
    response_location  TEXT,
    response_etag      VARCHAR(200),
    resource_id        VARCHAR(100),
    created_at         TIMESTAMPTZ   NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_key_created_at ON idempotency_key (created_at);
CREATE INDEX idempotency_key_resource ON idempotency_key (resource_id) WHERE resource_id IS NOT NULL;
