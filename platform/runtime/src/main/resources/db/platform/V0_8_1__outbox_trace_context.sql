-- The W3C trace context (traceparent) of the request that wrote the event: the relay puts it in
-- the record's headers so the consumers' spans join the request's trace. Null when not traced.
ALTER TABLE outbox_event ADD COLUMN traceparent VARCHAR(55);
