-- Signing keys made on request (issue 13 item 6; CPS 6.1.4.10.1): when the applicant asks in
-- writing, the CA generates the holder's signing key pair in a token of its own, hands it over once
-- as a password-protected PKCS#12 and keeps no copy. The database never holds the private key: it
-- records which key waits in that token for which certificate, and what became of it (handed over
-- to whom, by whom; or destroyed unclaimed).

CREATE SEQUENCE generated_key_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE generated_key (
    id               BIGINT       NOT NULL PRIMARY KEY,
    key_alias        VARCHAR(64)  NOT NULL,
    key_algorithm    VARCHAR(16)  NOT NULL,
    public_key       BYTEA        NOT NULL,
    certificate_id   BIGINT       REFERENCES issued_certificate (id),
    state            VARCHAR(16)  NOT NULL,
    generated_at     TIMESTAMP    NOT NULL,
    handover_due_at  TIMESTAMP    NOT NULL,
    handed_over_at   TIMESTAMP,
    handed_over_by   VARCHAR(32),
    received_by      VARCHAR(512),
    destroyed_at     TIMESTAMP,
    CONSTRAINT ux_generated_key_alias UNIQUE (key_alias),
    CONSTRAINT ck_generated_key_state CHECK (state IN ('WAITING', 'HANDED_OVER', 'DESTROYED')),
    CONSTRAINT ck_generated_key_handover CHECK (
        (state = 'HANDED_OVER') = (handed_over_at IS NOT NULL AND received_by IS NOT NULL))
);
CREATE INDEX ix_generated_key_certificate ON generated_key (certificate_id);
CREATE INDEX ix_generated_key_waiting ON generated_key (handover_due_at) WHERE state = 'WAITING';

-- The applicant's written request itself is a scanned document of the kind KEY_GENERATION_REQUEST;
-- an application that carries one has no PKCS#10.
ALTER TABLE application ADD COLUMN key_generation_requested BOOLEAN NOT NULL DEFAULT FALSE;
ALTER TABLE application ADD COLUMN generated_key_algorithm VARCHAR(16);
ALTER TABLE application ADD COLUMN generated_key_id BIGINT REFERENCES generated_key (id);
ALTER TABLE application ADD CONSTRAINT ck_application_key_generation CHECK (
    NOT key_generation_requested OR (generated_key_algorithm IS NOT NULL AND pkcs10 IS NULL));
