-- Revocation (CPS §6.1.4.8) and the CRLs the CAs issue (§6.1.4.8.7; every CRL is kept, R9).

ALTER TABLE certificate ADD COLUMN revoked_at TIMESTAMP;
ALTER TABLE certificate ADD COLUMN revocation_reason VARCHAR(32);
ALTER TABLE certificate ADD COLUMN revocation_initiator VARCHAR(32);
-- CRL generation walks one CA's revoked certificates in revocation order.
CREATE INDEX ix_certificate_revoked ON certificate (ca_id, status, revoked_at);

CREATE SEQUENCE crl_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE crl (
    id           BIGINT      NOT NULL PRIMARY KEY,
    ca_id        BIGINT      NOT NULL REFERENCES certificate_authority (id),
    crl_number   BIGINT      NOT NULL,
    this_update  TIMESTAMP   NOT NULL,
    next_update  TIMESTAMP   NOT NULL,
    entry_count  BIGINT      NOT NULL,
    encoded      BYTEA       NOT NULL,
    issued_by    VARCHAR(256) NOT NULL,
    CONSTRAINT uq_crl_number UNIQUE (ca_id, crl_number)
);
