-- The RA console (CPS 6.1.4.1-6.1.4.3, 6.5.1.2, 6.5.2.4-6.5.2.5, 7.5.1.2): operators with their
-- roles and two-factor credentials, their sessions, application units, and the applications the
-- entry clerks enter and the reviewers decide, with their documents, history and applicant
-- notices. PostgreSQL 15, the same SQL as production.

CREATE SEQUENCE operator_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE operator_session_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE application_unit_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE ra_application_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE application_document_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE application_event_seq START WITH 1 INCREMENT BY 1;
CREATE SEQUENCE applicant_notice_seq START WITH 1 INCREMENT BY 1;

-- An application unit (应用单位, CPS 7.3.2): an e-government application whose administrator sees
-- only the certificates issued for it.
CREATE TABLE application_unit (
    id         BIGINT       NOT NULL PRIMARY KEY,
    code       VARCHAR(32)  NOT NULL,
    name       VARCHAR(128) NOT NULL,
    created_at TIMESTAMP    NOT NULL,
    CONSTRAINT uq_application_unit_code UNIQUE (code)
);

CREATE TABLE operator (
    id                   BIGINT       NOT NULL PRIMARY KEY,
    username             VARCHAR(32)  NOT NULL,
    display_name         VARCHAR(64)  NOT NULL,
    email                VARCHAR(254),
    password_hash        VARCHAR(256) NOT NULL,
    must_change_password BOOLEAN      NOT NULL,
    password_changed_at  TIMESTAMP    NOT NULL,
    certificate_id       BIGINT       REFERENCES certificate (id),
    application_unit_id  BIGINT       REFERENCES application_unit (id),
    failed_logins        INTEGER      NOT NULL,
    locked_until         TIMESTAMP,
    active               BOOLEAN      NOT NULL,
    created_at           TIMESTAMP    NOT NULL,
    created_by           VARCHAR(64)  NOT NULL,
    CONSTRAINT uq_operator_username UNIQUE (username),
    CONSTRAINT uq_operator_certificate UNIQUE (certificate_id)
);

CREATE TABLE operator_role (
    operator_id BIGINT      NOT NULL REFERENCES operator (id),
    role        VARCHAR(32) NOT NULL,
    CONSTRAINT pk_operator_role PRIMARY KEY (operator_id, role)
);

-- A console session: the token is kept only as its SHA-256, bound to the certificate the
-- operator logged in with.
CREATE TABLE operator_session (
    id                      BIGINT      NOT NULL PRIMARY KEY,
    token_sha256            VARCHAR(64) NOT NULL,
    operator_id             BIGINT      NOT NULL REFERENCES operator (id),
    certificate_fingerprint VARCHAR(64) NOT NULL,
    remote_address          VARCHAR(64),
    started_at              TIMESTAMP   NOT NULL,
    last_seen_at            TIMESTAMP   NOT NULL,
    ended_at                TIMESTAMP,
    CONSTRAINT uq_operator_session_token UNIQUE (token_sha256)
);

CREATE TABLE ra_application (
    id                       BIGINT        NOT NULL PRIMARY KEY,
    kind                     VARCHAR(16)   NOT NULL,
    certificate_type         VARCHAR(16)   NOT NULL,
    profile                  VARCHAR(64),
    dual_certificate         BOOLEAN       NOT NULL,
    state                    VARCHAR(16)   NOT NULL,
    subject_dn               VARCHAR(1024),
    subject_alt_names        VARCHAR(1024),
    pkcs10                   VARCHAR(8192),
    current_key_signature    VARCHAR(1024),
    applicant_name           VARCHAR(128)  NOT NULL,
    id_document_type         VARCHAR(32),
    id_document_number       VARCHAR(32),
    organisation_name        VARCHAR(128),
    organisation_code        VARCHAR(32),
    business_licence_number  VARCHAR(32),
    agent_name               VARCHAR(128),
    agent_id_document_type   VARCHAR(32),
    agent_id_document_number VARCHAR(32),
    email                    VARCHAR(254)  NOT NULL,
    phone                    VARCHAR(32),
    publish_consent          BOOLEAN       NOT NULL,
    agreement_accepted       BOOLEAN       NOT NULL,
    fee_status               VARCHAR(16)   NOT NULL,
    application_unit_id      BIGINT        REFERENCES application_unit (id),
    target_certificate_id    BIGINT        REFERENCES certificate (id),
    revocation_reason        VARCHAR(32),
    revocation_initiator     VARCHAR(32),
    entered_by               VARCHAR(32)   NOT NULL,
    entered_at               TIMESTAMP     NOT NULL,
    decision_due_at          TIMESTAMP     NOT NULL,
    decided_by               VARCHAR(32),
    decided_at               TIMESTAMP,
    rejection_reason         VARCHAR(32),
    rejection_note           VARCHAR(1024),
    notice_due_at            TIMESTAMP,
    notice_sent_at           TIMESTAMP,
    certificate_id           BIGINT        REFERENCES certificate (id),
    encryption_certificate_id BIGINT       REFERENCES certificate (id),
    enveloped_key            BYTEA
);
CREATE INDEX ix_ra_application_state ON ra_application (state, decision_due_at);
CREATE INDEX ix_ra_application_id_number ON ra_application (id_document_number);
CREATE INDEX ix_ra_application_organisation_code ON ra_application (organisation_code);

-- Scanned documents are kept with their SHA-256, so their integrity can be checked (CPS 7.5.1.5).
CREATE TABLE application_document (
    id             BIGINT       NOT NULL PRIMARY KEY,
    application_id BIGINT       NOT NULL REFERENCES ra_application (id),
    kind           VARCHAR(32)  NOT NULL,
    file_name      VARCHAR(255) NOT NULL,
    content_type   VARCHAR(64)  NOT NULL,
    size_bytes     INTEGER      NOT NULL,
    sha256         VARCHAR(64)  NOT NULL,
    content        BYTEA        NOT NULL,
    uploaded_by    VARCHAR(32)  NOT NULL,
    uploaded_at    TIMESTAMP    NOT NULL
);
CREATE INDEX ix_application_document_application ON application_document (application_id);

CREATE TABLE application_event (
    id             BIGINT        NOT NULL PRIMARY KEY,
    application_id BIGINT        NOT NULL REFERENCES ra_application (id),
    occurred_at    TIMESTAMP     NOT NULL,
    actor          VARCHAR(32)   NOT NULL,
    action         VARCHAR(32)   NOT NULL,
    state          VARCHAR(16)   NOT NULL,
    note           VARCHAR(1024)
);
CREATE INDEX ix_application_event_application ON application_event (application_id);

-- Notices to applicants (approval, rejection, revocation): written with the decision, sent by
-- e-mail after the commit and retried until the mail server takes them.
CREATE TABLE applicant_notice (
    id             BIGINT        NOT NULL PRIMARY KEY,
    application_id BIGINT        NOT NULL REFERENCES ra_application (id),
    kind           VARCHAR(16)   NOT NULL,
    recipient      VARCHAR(254)  NOT NULL,
    subject        VARCHAR(256)  NOT NULL,
    body           VARCHAR(4096) NOT NULL,
    created_at     TIMESTAMP     NOT NULL,
    sent_at        TIMESTAMP,
    attempts       INTEGER       NOT NULL,
    last_error     VARCHAR(512)
);
CREATE INDEX ix_applicant_notice_pending ON applicant_notice (sent_at);

-- Certificates issued through a console application belong to its application unit (R19).
ALTER TABLE certificate ADD COLUMN application_unit_id BIGINT REFERENCES application_unit (id);
CREATE INDEX ix_certificate_application_unit ON certificate (application_unit_id);
