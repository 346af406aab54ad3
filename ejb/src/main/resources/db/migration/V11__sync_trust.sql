-- Issue 11: the information services' trust.

-- The CA's sync signers: for each CA key generation, the certificates it issued with the sync
-- signing extended key usage (kept in the certificate table) and the token alias of their keys.
-- The CA signs its sync messages with these, never with its certificate-signing key.
CREATE SEQUENCE sync_signer_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE sync_signer (
    id                BIGINT      NOT NULL PRIMARY KEY,
    ca_id             BIGINT      NOT NULL REFERENCES certificate_authority (id),
    ca_key_generation INTEGER     NOT NULL,
    certificate_id    BIGINT      NOT NULL REFERENCES certificate (id),
    key_alias         VARCHAR(64) NOT NULL,
    created_at        TIMESTAMP   NOT NULL,
    CONSTRAINT uq_sync_signer_certificate UNIQUE (certificate_id)
);
CREATE INDEX ix_sync_signer_ca ON sync_signer (ca_id, ca_key_generation);

-- An e-gov system's endpoint is https:// with the certificates the CA trusts for its server
-- (PEM); plain http:// only where an administrator explicitly allowed it for a test system.
-- Systems registered before this version have neither: their deliveries wait (nothing is lost)
-- until an administrator gives their server trust anchors or allows plain HTTP.
ALTER TABLE egov_system ADD COLUMN plain_http_allowed BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE egov_system ADD COLUMN server_trust_anchors VARCHAR(65536);
