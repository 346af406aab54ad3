-- Certificate profiles are data: every version the CA has used is kept, and each certificate
-- records the version it was issued under. The definition is the properties text of
-- profiles/*.properties; type, purpose and the RA flag are copied out to list profiles cheaply.

CREATE SEQUENCE certificate_profile_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE certificate_profile (
    id               BIGINT        NOT NULL PRIMARY KEY,
    name             VARCHAR(64)   NOT NULL,
    version          INTEGER       NOT NULL,
    certificate_type VARCHAR(32)   NOT NULL,
    key_purpose      VARCHAR(16)   NOT NULL,
    remote_ra        BOOLEAN       NOT NULL,
    definition       VARCHAR(8000) NOT NULL,
    created_at       TIMESTAMP     NOT NULL,
    created_by       VARCHAR(256)  NOT NULL,
    CONSTRAINT uq_certificate_profile_version UNIQUE (name, version)
);

ALTER TABLE certificate ADD COLUMN profile_version INTEGER;
UPDATE certificate SET profile_version = 1;
ALTER TABLE certificate ALTER COLUMN profile_version SET NOT NULL;
