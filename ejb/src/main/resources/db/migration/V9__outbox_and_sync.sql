-- Issue 5: the outbox that carries certificates and CRLs to the directory and to e-gov systems.

-- What the outbox needs to know about a certificate at delivery time (the latest state): whether
-- it was a first issuance, a renewal or a re-key (the sync business type), and whether the holder
-- consented to publication in the directory (CPS 6.1.4.4.2). Earlier certificates were issued
-- with publication.
ALTER TABLE certificate ADD COLUMN issuance_kind VARCHAR(8) DEFAULT 'ISSUE' NOT NULL;
ALTER TABLE certificate ADD COLUMN directory_consent BOOLEAN DEFAULT TRUE NOT NULL;

-- An e-gov system of one application unit (R19): its sync subscription (R21, R22) and the client
-- account it uses for the query service (R23).
CREATE SEQUENCE egov_system_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE egov_system (
    id                     BIGINT       NOT NULL PRIMARY KEY,
    name                   VARCHAR(64)  NOT NULL,
    application_unit_id    BIGINT       NOT NULL REFERENCES application_unit (id),
    endpoint_url           VARCHAR(512) NOT NULL,
    delivery_mode          VARCHAR(16)  NOT NULL,
    batch_interval_minutes INTEGER      NOT NULL,
    sync_events            VARCHAR(64)  NOT NULL,
    active                 BOOLEAN      NOT NULL,
    ra_client_id           BIGINT       REFERENCES ra_client (id),
    created_at             TIMESTAMP    NOT NULL,
    created_by             VARCHAR(256) NOT NULL,
    CONSTRAINT uq_egov_system_name UNIQUE (name),
    CONSTRAINT uq_egov_system_ra_client UNIQUE (ra_client_id)
);

-- One ordered queue per target. A worker claims the row (FOR UPDATE SKIP LOCKED) before it
-- delivers the channel's items, so two workers, on one server or on two sharing the database,
-- never deliver the same item or overtake each other. next_attempt_at holds the backoff after a
-- failure, or the next batch time of a scheduled subscription.
CREATE TABLE delivery_channel (
    name            VARCHAR(64) NOT NULL PRIMARY KEY,
    next_attempt_at TIMESTAMP   NOT NULL,
    failures        INTEGER     NOT NULL
);
INSERT INTO delivery_channel (name, next_attempt_at, failures)
    VALUES ('directory', TIMESTAMP '2000-01-01 00:00:00', 0);

-- The outbox items, written in the transaction of the change they carry. The id orders a
-- channel's items: the sequence is not cached, so a later change of one certificate (its
-- revocation) always gets a higher id than the earlier one (its issuance).
CREATE SEQUENCE delivery_seq START WITH 1 INCREMENT BY 1;
CREATE TABLE delivery (
    id              BIGINT       NOT NULL PRIMARY KEY,
    channel         VARCHAR(64)  NOT NULL REFERENCES delivery_channel (name),
    message_id      VARCHAR(36)  NOT NULL,
    kind            VARCHAR(16)  NOT NULL,
    business_type   VARCHAR(16)  NOT NULL,
    ca_name         VARCHAR(64)  NOT NULL,
    certificate_id  BIGINT       REFERENCES certificate (id),
    crl_id          BIGINT       REFERENCES crl (id),
    ca_certificate  BYTEA,
    reference       VARCHAR(1024) NOT NULL,
    created_at      TIMESTAMP    NOT NULL,
    attempts        INTEGER      NOT NULL,
    last_attempt_at TIMESTAMP,
    last_error      VARCHAR(512),
    delivered_at    TIMESTAMP,
    CONSTRAINT uq_delivery_message UNIQUE (message_id)
);
CREATE INDEX ix_delivery_pending ON delivery (channel, delivered_at, id);
-- the expiry sweep asks whether a certificate's withdrawal was queued already
CREATE INDEX ix_delivery_certificate ON delivery (certificate_id, business_type);
