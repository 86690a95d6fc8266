-- Platform tables, the same in every service database.

-- Transactional outbox: a row is written in the same transaction as the state change it
-- describes; the relay publishes rows in seq order and marks them after Kafka acknowledges.
CREATE TABLE outbox_event (
    id              UUID         PRIMARY KEY,
    seq             BIGINT       GENERATED ALWAYS AS IDENTITY UNIQUE,
    topic           VARCHAR(200) NOT NULL,
    aggregate_type  VARCHAR(100) NOT NULL,
    aggregate_id    VARCHAR(100) NOT NULL,
    event_type      VARCHAR(200) NOT NULL,
    payload         TEXT         NOT NULL,
    occurred_at     TIMESTAMPTZ  NOT NULL,
    published_at    TIMESTAMPTZ
);
CREATE INDEX outbox_event_unpublished ON outbox_event (seq) WHERE published_at IS NULL;
CREATE INDEX outbox_event_published_at ON outbox_event (published_at) WHERE published_at IS NOT NULL;

-- Inbox: ids of the events a consumer has handled, written in the handler's transaction.
CREATE TABLE inbox_event (
    event_id     VARCHAR(100) NOT NULL,
    consumer     VARCHAR(100) NOT NULL,
    event_type   VARCHAR(200) NOT NULL,
    topic        VARCHAR(200) NOT NULL,
    handled_at   TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (event_id, consumer)
);
