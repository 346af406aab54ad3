-- Delegated OCSP responders (RFC 6960 4.2.2.2): for each CA key generation, the responder
-- certificates the CA issued (kept in the certificate table) and the token alias of their keys.

CREATE SEQUENCE ocsp_responder_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE ocsp_responder (
    id                BIGINT      NOT NULL PRIMARY KEY,
    ca_id             BIGINT      NOT NULL REFERENCES certificate_authority (id),
    ca_key_generation INTEGER     NOT NULL,
    certificate_id    BIGINT      NOT NULL REFERENCES certificate (id),
    key_alias         VARCHAR(64) NOT NULL,
    created_at        TIMESTAMP   NOT NULL,
    CONSTRAINT uq_ocsp_responder_certificate UNIQUE (certificate_id)
);
CREATE INDEX ix_ocsp_responder_ca ON ocsp_responder (ca_id, ca_key_generation);
