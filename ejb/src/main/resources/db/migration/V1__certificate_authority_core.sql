-- Core records of the CA: its CAs, the certificates they issued, the RA client accounts and the
-- audit trail. PostgreSQL 15, the same SQL as production.
-- EclipseLink preallocates ids: a sequence whose INCREMENT matches the entity's allocationSize
-- must START WITH that size, since EclipseLink reads NEXT VALUE as the top of its block.

CREATE SEQUENCE certificate_authority_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE certificate_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE audit_event_seq START WITH 50 INCREMENT BY 50;
CREATE SEQUENCE ra_client_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE certificate_authority (
    id             BIGINT        NOT NULL PRIMARY KEY,
    name           VARCHAR(64)   NOT NULL,
    subject_dn     VARCHAR(1024) NOT NULL,
    parent_id      BIGINT        REFERENCES certificate_authority (id),
    key_alias      VARCHAR(64)   NOT NULL,
    key_algorithm  VARCHAR(16)   NOT NULL,
    serial_number  VARCHAR(40)   NOT NULL,
    not_before     TIMESTAMP     NOT NULL,
    not_after      TIMESTAMP     NOT NULL,
    encoded        BYTEA         NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    CONSTRAINT uq_certificate_authority_name UNIQUE (name)
);

CREATE TABLE certificate (
    id                 BIGINT        NOT NULL PRIMARY KEY,
    ca_id              BIGINT        NOT NULL REFERENCES certificate_authority (id),
    serial_number      VARCHAR(40)   NOT NULL,
    subject_dn         VARCHAR(1024) NOT NULL,
    profile            VARCHAR(64)   NOT NULL,
    key_algorithm      VARCHAR(16)   NOT NULL,
    status             VARCHAR(16)   NOT NULL,
    not_before         TIMESTAMP     NOT NULL,
    not_after          TIMESTAMP     NOT NULL,
    fingerprint_sha256 VARCHAR(64)   NOT NULL,
    encoded            BYTEA         NOT NULL,
    requested_by       VARCHAR(256)  NOT NULL,
    issued_at          TIMESTAMP     NOT NULL,
    CONSTRAINT uq_certificate_serial UNIQUE (ca_id, serial_number),
    CONSTRAINT uq_certificate_fingerprint UNIQUE (fingerprint_sha256)
);
CREATE INDEX ix_certificate_subject_dn ON certificate (subject_dn);
CREATE INDEX ix_certificate_issued_at ON certificate (issued_at);

CREATE TABLE ra_client (
    id             BIGINT       NOT NULL PRIMARY KEY,
    name           VARCHAR(128) NOT NULL,
    certificate_id BIGINT       NOT NULL REFERENCES certificate (id),
    active         BOOLEAN      NOT NULL,
    created_at     TIMESTAMP    NOT NULL,
    CONSTRAINT uq_ra_client_name UNIQUE (name),
    CONSTRAINT uq_ra_client_certificate UNIQUE (certificate_id)
);

CREATE TABLE audit_event (
    id          BIGINT        NOT NULL PRIMARY KEY,
    occurred_at TIMESTAMP     NOT NULL,
    actor       VARCHAR(256)  NOT NULL,
    action      VARCHAR(64)   NOT NULL,
    target      VARCHAR(1024),
    outcome     VARCHAR(16)   NOT NULL,
    detail      VARCHAR(2048)
);
CREATE INDEX ix_audit_event_occurred_at ON audit_event (occurred_at);
