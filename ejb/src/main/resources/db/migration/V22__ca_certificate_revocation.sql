-- The root revokes a subordinate CA's certificate (issue 13 item 7; CPS 6.5.1.8.3 item 3, 7.5.1.9;
-- SPEC R26), in a key ceremony. CA certificates are not issued_certificate rows (the CA rows and
-- retired_ca_key hold them), so the revoked ones are kept here: each is an entry of the CRL that
-- the issuing key of the parent CA signs (the root's ARL) and has its status in OCSP. The CA row
-- says the CA is revoked, so that nothing is issued from it any more.

ALTER TABLE certificate_authority ADD COLUMN revoked_at TIMESTAMP;
ALTER TABLE certificate_authority ADD COLUMN revocation_reason VARCHAR(32);
ALTER TABLE certificate_authority ADD CONSTRAINT ck_certificate_authority_revocation CHECK (
    (revoked_at IS NULL) = (revocation_reason IS NULL));

CREATE SEQUENCE revoked_ca_certificate_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE revoked_ca_certificate (
    id                BIGINT       NOT NULL PRIMARY KEY,
    issuer_id         BIGINT       NOT NULL REFERENCES certificate_authority (id),
    issuer_key_index  INTEGER      NOT NULL,
    ca_id             BIGINT       NOT NULL REFERENCES certificate_authority (id),
    ca_key_index      INTEGER      NOT NULL,
    serial_number     VARCHAR(40)  NOT NULL,
    not_after         TIMESTAMP    NOT NULL,
    revoked_at        TIMESTAMP    NOT NULL,
    revocation_reason VARCHAR(32)  NOT NULL,
    -- the key_ceremony that authorised it (custody's table: no foreign key across contexts)
    ceremony_id       BIGINT       NOT NULL,
    CONSTRAINT uq_revoked_ca_certificate UNIQUE (issuer_id, serial_number),
    CONSTRAINT uq_revoked_ca_certificate_key UNIQUE (ca_id, ca_key_index),
    CONSTRAINT ck_revoked_ca_certificate_reason CHECK (
        revocation_reason IN ('CA_COMPROMISE', 'CESSATION_OF_OPERATION'))
);
CREATE INDEX ix_revoked_ca_certificate_issuer ON revoked_ca_certificate (issuer_id, issuer_key_index);
