-- The W3C trace context of the transaction that wrote the event, so the trace continues through Kafka to consumers
-- even though the relay publishes later, on another thread.
ALTER TABLE outbox_event ADD COLUMN traceparent TEXT;
