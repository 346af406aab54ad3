-- CA key rollover (CPS 6.5.1.6, R12). The CA row holds the current key generation; each retired
-- generation keeps its key alias and certificate, because the old key goes on signing CRLs for
-- the certificates it issued, with the link certificates made when it was replaced. Every
-- certificate and CRL records the key generation that signed it.

ALTER TABLE certificate_authority ADD COLUMN key_generation INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE certificate ADD COLUMN ca_key_generation INTEGER DEFAULT 1 NOT NULL;
ALTER TABLE crl ADD COLUMN ca_key_generation INTEGER DEFAULT 1 NOT NULL;

CREATE SEQUENCE retired_ca_key_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE retired_ca_key (
    id             BIGINT       NOT NULL PRIMARY KEY,
    ca_id          BIGINT       NOT NULL REFERENCES certificate_authority (id),
    key_generation INTEGER      NOT NULL,
    key_alias      VARCHAR(64)  NOT NULL,
    key_algorithm  VARCHAR(16)  NOT NULL,
    certificate    BYTEA        NOT NULL,
    new_with_old   BYTEA        NOT NULL,
    old_with_new   BYTEA        NOT NULL,
    retired_at     TIMESTAMP    NOT NULL,
    CONSTRAINT uq_retired_ca_key UNIQUE (ca_id, key_generation)
);

-- Who may act: remote RA systems, and the security administrator who rolls CA keys over.
ALTER TABLE ra_client ADD COLUMN role VARCHAR(32) DEFAULT 'RA_SYSTEM' NOT NULL;
