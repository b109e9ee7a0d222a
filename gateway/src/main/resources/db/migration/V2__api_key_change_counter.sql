-- A counter that every change to api_key moves, in the change's own transaction, whoever makes it (any gateway
-- instance, or an operator in SQL). Gateways poll this one row and reload the keys only when it moved: reloading every
-- key every 2 s cost each gateway about 3.5 ms of CPU per reload (a JTA transaction, a Hibernate session and query).
CREATE TABLE api_key_change (
    id      BOOLEAN PRIMARY KEY DEFAULT TRUE CHECK (id),
    version BIGINT  NOT NULL
);
INSERT INTO api_key_change (version) VALUES (0);

CREATE FUNCTION api_key_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE api_key_change SET version = version + 1;
    RETURN NULL;
END
$$;

CREATE TRIGGER api_key_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON api_key
    FOR EACH STATEMENT EXECUTE FUNCTION api_key_changed();
