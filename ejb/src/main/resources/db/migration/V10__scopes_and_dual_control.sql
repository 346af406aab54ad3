-- No single caller or person can take the CA over (issue 11; CPS 6.5.1.2, 7.5.1.2).

-- A remote RA acts only on the certificates requested through its own account, and places
-- certificates only into the application units it is authorised for.
ALTER TABLE certificate ADD COLUMN ra_client_id BIGINT REFERENCES ra_client (id);
UPDATE certificate SET ra_client_id =
    (SELECT r.id FROM ra_client r WHERE certificate.requested_by = 'ra-client:' || r.name);
CREATE INDEX ix_certificate_ra_client ON certificate (ra_client_id);

CREATE TABLE ra_client_unit (
    ra_client_id        BIGINT NOT NULL REFERENCES ra_client (id),
    application_unit_id BIGINT NOT NULL REFERENCES application_unit (id),
    CONSTRAINT pk_ra_client_unit PRIMARY KEY (ra_client_id, application_unit_id)
);

-- Security administrators are operators: they call the admin SOAP service with their own login
-- certificate, so that dual control knows the person behind every call. The machine credential
-- that stood for them is retired.
DELETE FROM ra_client WHERE role = 'SECURITY_ADMIN';

-- Dual control (7.5.1.2 item 2, "one operates, one supervises"): what one security administrator
-- asks for waits here until a second one approves or rejects it.
CREATE SEQUENCE pending_action_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE pending_action (
    id                 BIGINT         NOT NULL PRIMARY KEY,
    action             VARCHAR(32)    NOT NULL,
    target             VARCHAR(160)   NOT NULL,
    target_operator_id BIGINT         REFERENCES operator (id),
    summary            VARCHAR(4096)  NOT NULL,
    parameters         VARCHAR(16384) NOT NULL,
    requested_by       BIGINT         NOT NULL REFERENCES operator (id),
    requested_at       TIMESTAMP      NOT NULL,
    expires_at         TIMESTAMP      NOT NULL,
    state              VARCHAR(16)    NOT NULL,
    decided_by         BIGINT         REFERENCES operator (id),
    decided_at         TIMESTAMP,
    decision_note      VARCHAR(1024),
    result             VARCHAR(16384)
);
CREATE INDEX ix_pending_action_open ON pending_action (state, expires_at);

-- Renewal and re-key are proven with a fresh statement signed with the current key, bound to
-- the certificate and the request (6.1.4.6-6.1.4.7); each statement serves once.
ALTER TABLE ra_application ADD COLUMN renewal_proof VARCHAR(1024);
ALTER TABLE ra_application ADD COLUMN renewal_proof_signature VARCHAR(1024);
ALTER TABLE ra_application DROP COLUMN current_key_signature;

CREATE TABLE used_renewal_proof (
    digest  VARCHAR(64) NOT NULL PRIMARY KEY,
    used_at TIMESTAMP   NOT NULL
);
CREATE INDEX ix_used_renewal_proof_used_at ON used_renewal_proof (used_at);

-- A revoked login certificate ends its sessions at once.
CREATE INDEX ix_operator_session_certificate ON operator_session (certificate_fingerprint);
