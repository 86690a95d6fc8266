-- webhook-service: partners' endpoints, the events they may receive, one delivery per event and
-- endpoint (the endpoint's own outbox), every attempt.

-- An endpoint belongs to the organisation that registered it; the caller's roles and CPI
-- provinces are kept so that each event is filtered with the same rule as the REST API.
CREATE TABLE webhook_endpoint (
    id              UUID          PRIMARY KEY,
    owner_org_id    VARCHAR(100)  NOT NULL,
    owner_roles     VARCHAR(500)  NOT NULL,
    owner_provinces VARCHAR(1000) NOT NULL,
    url             VARCHAR(2000) NOT NULL,
    description     VARCHAR(500),
    event_types     VARCHAR(8000) NOT NULL,
    state           VARCHAR(20)   NOT NULL CHECK (state IN ('ACTIVE', 'PAUSED', 'DISABLED')),
    disabled_reason VARCHAR(20),
    disabled_at     TIMESTAMPTZ,
    failing_since   TIMESTAMPTZ,
    lease_until     TIMESTAMPTZ,
    created_at      TIMESTAMPTZ   NOT NULL,
    version         BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX webhook_endpoint_owner ON webhook_endpoint (owner_org_id, created_at);

-- Signing secrets: the current one has no end; after a rotation the previous one ends 24 h later.
CREATE TABLE webhook_secret (
    id          UUID         PRIMARY KEY,
    endpoint_id UUID         NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    secret      VARCHAR(100) NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL,
    expires_at  TIMESTAMPTZ
);
CREATE INDEX webhook_secret_endpoint ON webhook_secret (endpoint_id);

-- Events as read from the bus (kept 30 days for replays), with the case they are about.
CREATE TABLE webhook_event (
    event_id      VARCHAR(100)  PRIMARY KEY,
    event_type    VARCHAR(200)  NOT NULL,
    topic         VARCHAR(200)  NOT NULL,
    source        VARCHAR(200),
    subject       VARCHAR(200),
    aggregate_key VARCHAR(400)  NOT NULL,
    event_time    TIMESTAMPTZ   NOT NULL,
    payload       TEXT          NOT NULL,
    scope         VARCHAR(20)   NOT NULL CHECK (scope IN ('CASE', 'PUBLIC', 'ORGANISATION', 'AGENCY')),
    owner_org_id  VARCHAR(100),
    province_code VARCHAR(3),
    received_at   TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_event_time ON webhook_event (event_time);

-- Events whose case the projections do not know yet (its first event is still on its way, on
-- another topic); retried in order per aggregate.
CREATE TABLE webhook_parked_event (
    seq           BIGINT        GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    event_id      VARCHAR(100)  NOT NULL UNIQUE,
    event_type    VARCHAR(200)  NOT NULL,
    topic         VARCHAR(200)  NOT NULL,
    source        VARCHAR(200),
    subject       VARCHAR(200),
    record_key    VARCHAR(200),
    aggregate_key VARCHAR(400)  NOT NULL,
    event_time    TIMESTAMPTZ   NOT NULL,
    payload       TEXT          NOT NULL,
    parked_at     TIMESTAMPTZ   NOT NULL
);
CREATE INDEX webhook_parked_event_aggregate ON webhook_parked_event (aggregate_key, seq);

-- One row per event and endpoint (a replay adds another): delivered in seq order per aggregate.
CREATE TABLE webhook_delivery (
    id              UUID          PRIMARY KEY,
    seq             BIGINT        GENERATED ALWAYS AS IDENTITY UNIQUE,
    endpoint_id     UUID          NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        VARCHAR(100)  NOT NULL REFERENCES webhook_event (event_id) ON DELETE CASCADE,
    aggregate_key   VARCHAR(400)  NOT NULL,
    status          VARCHAR(20)   NOT NULL CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        INT           NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMPTZ   NOT NULL,
    replay          BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at      TIMESTAMPTZ   NOT NULL,
    finished_at     TIMESTAMPTZ
);
CREATE INDEX webhook_delivery_ready ON webhook_delivery (endpoint_id, next_attempt_at)
    WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_aggregate ON webhook_delivery (endpoint_id, aggregate_key, seq)
    WHERE status = 'PENDING';
CREATE INDEX webhook_delivery_finished ON webhook_delivery (finished_at)
    WHERE status <> 'PENDING';

-- Every attempt: outcome, answer's status code, duration (kept 30 days).
CREATE TABLE webhook_attempt (
    id            UUID          PRIMARY KEY,
    delivery_id   UUID          NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    endpoint_id   UUID          NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id      VARCHAR(100)  NOT NULL,
    event_type    VARCHAR(200)  NOT NULL,
    attempt       INT           NOT NULL,
    attempted_at  TIMESTAMPTZ   NOT NULL,
    outcome       VARCHAR(20)   NOT NULL,
    response_code INT,
    duration_ms   BIGINT        NOT NULL,
    error         VARCHAR(300)
);
CREATE INDEX webhook_attempt_endpoint ON webhook_attempt (endpoint_id, attempted_at DESC);
