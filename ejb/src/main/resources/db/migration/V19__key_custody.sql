-- CA keys no single person can use (issue 13; CPS 6.5.2.1-6.5.2.4, 7.5.1.2 item 2): a token's
-- activation secret is split into shares, one per key custodian (an operator with the
-- KEY_CUSTODIAN role), and any three of the five together activate the token. What the database
-- keeps is useless without the custodians: each share sealed under its custodian's own PIN
-- (Argon2id, AES-GCM), and the PIN of each of the CA's tokens (the software token; a PKCS#11
-- module where one is configured) sealed under the secret the shares make.

CREATE SEQUENCE key_ceremony_seq START WITH 1 INCREMENT BY 1;

-- Every ceremony, whatever its outcome, for the auditor: when, which token (and key), which
-- custodians were present, what came of it and why not.
CREATE TABLE key_ceremony (
    id           BIGINT        NOT NULL PRIMARY KEY,
    kind         VARCHAR(16)   NOT NULL,
    token_name   VARCHAR(64)   NOT NULL,
    key_alias    VARCHAR(64),
    source       VARCHAR(16)   NOT NULL,
    started_at   TIMESTAMP     NOT NULL,
    ended_at     TIMESTAMP,
    outcome      VARCHAR(16)   NOT NULL,
    custodians   VARCHAR(1024) NOT NULL,
    failure      VARCHAR(1024)
);
CREATE INDEX ix_key_ceremony_token ON key_ceremony (token_name, started_at);

CREATE SEQUENCE share_distribution_seq START WITH 1 INCREMENT BY 1;

-- One split of the activation secret of the CA's tokens (token_name names the set, "ca"). The
-- current one is the only one whose shares open the tokens; re-sharing supersedes it.
CREATE TABLE share_distribution (
    id                BIGINT       NOT NULL PRIMARY KEY,
    token_name        VARCHAR(64)  NOT NULL,
    threshold         INTEGER      NOT NULL,
    share_count       INTEGER      NOT NULL,
    ceremony_id       BIGINT       NOT NULL REFERENCES key_ceremony (id),
    created_at        TIMESTAMP    NOT NULL,
    superseded_at     TIMESTAMP,
    CONSTRAINT ck_share_distribution_threshold CHECK (threshold >= 2 AND threshold <= share_count)
);
CREATE UNIQUE INDEX ux_share_distribution_current ON share_distribution (token_name)
    WHERE superseded_at IS NULL;

CREATE SEQUENCE custodian_share_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE custodian_share (
    id               BIGINT   NOT NULL PRIMARY KEY,
    distribution_id  BIGINT   NOT NULL REFERENCES share_distribution (id),
    custodian_id     BIGINT   NOT NULL REFERENCES operator (id),
    share_index      INTEGER  NOT NULL,
    sealed_share     BYTEA    NOT NULL,
    CONSTRAINT ux_custodian_share_index UNIQUE (distribution_id, share_index),
    CONSTRAINT ux_custodian_share_custodian UNIQUE (distribution_id, custodian_id)
);

-- The PIN of each token of the set, sealed under the distribution's secret.
CREATE TABLE sealed_token_pin (
    distribution_id  BIGINT       NOT NULL REFERENCES share_distribution (id),
    token_name       VARCHAR(64)  NOT NULL,
    sealed_pin       BYTEA        NOT NULL,
    CONSTRAINT pk_sealed_token_pin PRIMARY KEY (distribution_id, token_name)
);
