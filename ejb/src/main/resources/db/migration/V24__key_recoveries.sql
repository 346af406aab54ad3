-- Key recoveries (CPS §7.1.3.8): an escrowed encryption key enveloped anew by the KMC, for its
-- holder after an RA review (HOLDER: an entry clerk asks, a reviewer approves) or for an authority
-- that has the legal right to it (JUDICIAL: a key custodian asks, two other custodians approve).
-- The envelope (GM/T 0009 SM2EnvelopedKey) opens only with the private key of the recipient
-- certificate; no clear key is stored anywhere.
CREATE SEQUENCE key_recovery_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE key_recovery (
    id                         BIGINT         NOT NULL PRIMARY KEY,
    kind                       VARCHAR(16)    NOT NULL,
    state                      VARCHAR(16)    NOT NULL,
    encryption_certificate_id  BIGINT         NOT NULL REFERENCES issued_certificate (id),
    -- HOLDER: the holder's current signing certificate, whose key receives the envelope
    signing_certificate_id     BIGINT         REFERENCES issued_certificate (id),
    recipient_certificate      BYTEA          NOT NULL,
    recipient_subject          VARCHAR(1024)  NOT NULL,
    requesting_authority       VARCHAR(256),
    legal_basis                VARCHAR(1024),
    note                       VARCHAR(1024),
    requested_by               BIGINT         NOT NULL REFERENCES operator (id),
    requested_at               TIMESTAMP      NOT NULL,
    expires_at                 TIMESTAMP      NOT NULL,
    first_approver             BIGINT         REFERENCES operator (id),
    first_approved_at          TIMESTAMP,
    second_approver            BIGINT         REFERENCES operator (id),
    second_approved_at         TIMESTAMP,
    rejected_by                BIGINT         REFERENCES operator (id),
    rejected_at                TIMESTAMP,
    rejection_note             VARCHAR(1024),
    recovered_at               TIMESTAMP,
    enveloped_key              BYTEA,
    CONSTRAINT ck_key_recovery_kind CHECK (kind IN ('HOLDER', 'JUDICIAL')),
    CONSTRAINT ck_key_recovery_state CHECK (state IN ('PENDING', 'RECOVERED', 'REJECTED')),
    CONSTRAINT ck_key_recovery_holder CHECK (kind <> 'HOLDER' OR signing_certificate_id IS NOT NULL),
    CONSTRAINT ck_key_recovery_judicial CHECK (
        kind <> 'JUDICIAL' OR (requesting_authority IS NOT NULL AND legal_basis IS NOT NULL)),
    -- every approver is another person than the one who asked, and the two approvers differ
    CONSTRAINT ck_key_recovery_approvers CHECK (
        (first_approver IS NULL OR first_approver <> requested_by)
        AND (second_approver IS NULL
             OR (second_approver <> requested_by AND second_approver <> first_approver))),
    CONSTRAINT ck_key_recovery_recovered CHECK (
        (state = 'RECOVERED') = (enveloped_key IS NOT NULL AND recovered_at IS NOT NULL))
);
CREATE INDEX ix_key_recovery_requested_at ON key_recovery (requested_at);
CREATE INDEX ix_key_recovery_encryption ON key_recovery (encryption_certificate_id);
