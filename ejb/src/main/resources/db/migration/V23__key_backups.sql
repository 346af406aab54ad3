-- Backups of CA keys made in key ceremonies (CPS §6.5.2.2): where each backup token is, which key
-- it holds, and its PIN sealed under the secret of the custodians' share distribution, so that
-- only three custodians together can restore from it. A re-sharing seals each PIN anew.
CREATE SEQUENCE key_backup_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE key_backup (
    id               BIGINT         NOT NULL PRIMARY KEY,
    ceremony_id      BIGINT         NOT NULL REFERENCES key_ceremony (id),
    key_alias        VARCHAR(64)    NOT NULL,
    key_algorithm    VARCHAR(16)    NOT NULL,
    public_key       BYTEA          NOT NULL,
    location         VARCHAR(1024)  NOT NULL,
    distribution_id  BIGINT         NOT NULL REFERENCES share_distribution (id),
    sealed_pin       BYTEA          NOT NULL,
    created_at       TIMESTAMP      NOT NULL
);
CREATE INDEX ix_key_backup_alias ON key_backup (key_alias, created_at);
CREATE INDEX ix_key_backup_distribution ON key_backup (distribution_id);
