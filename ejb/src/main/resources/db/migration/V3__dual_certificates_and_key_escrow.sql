-- Dual certificates (CPS §6.1.4.10, R3): a holder's signing and encryption certificates are a
-- pair; the encryption key pair comes from the KMC, which escrows the private key encrypted.

ALTER TABLE certificate ADD COLUMN paired_certificate_id BIGINT REFERENCES certificate (id);

CREATE SEQUENCE escrowed_key_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE escrowed_key (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    key_algorithm        VARCHAR(16)   NOT NULL,
    public_key           BYTEA         NOT NULL,
    escrowed_private_key BYTEA         NOT NULL,
    escrow_key_alias     VARCHAR(64)   NOT NULL,
    holder               VARCHAR(1024) NOT NULL,
    certificate_id       BIGINT        REFERENCES certificate (id),
    created_at           TIMESTAMP     NOT NULL
);
