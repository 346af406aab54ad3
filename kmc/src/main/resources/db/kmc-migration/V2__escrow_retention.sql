-- Archiving and destruction of escrowed keys (CPS §7.5.2.2.5: "KMC提供过期的托管私钥的存档服务；保存期为
-- 十年。当私钥过了保存期，将依据相关规定对其进行销毁。"; §7.5.2.2.10: the KMC archives a holder's
-- encryption key at the end of its life; SPEC R14). EscrowRetention sweeps daily:
--   ACTIVE or REVOKED, certificate expired (not_after passed)   -> ARCHIVED (still restorable)
--   ARCHIVED, not_after more than 10 years ago                  -> DESTROYED (ciphertext gone)
-- A revoked key keeps revoked_at / revoked_by_task when archived: that it was revoked stays known.

-- Each run of the sweep: when it ran, the cut-offs it used, and how many keys it moved, so that
-- every archived or destroyed key names the run that did it.
CREATE SEQUENCE retention_sweep_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE retention_sweep (
    id             BIGINT    NOT NULL PRIMARY KEY DEFAULT nextval('retention_sweep_seq'),
    started_at     TIMESTAMP NOT NULL,
    archive_before TIMESTAMP NOT NULL,
    destroy_before TIMESTAMP NOT NULL,
    archived       INTEGER   NOT NULL DEFAULT 0,
    destroyed      INTEGER   NOT NULL DEFAULT 0,
    finished_at    TIMESTAMP
);

-- PostgreSQL named V1's inline CHECK escrowed_key_state_check.
ALTER TABLE escrowed_key DROP CONSTRAINT escrowed_key_state_check;

ALTER TABLE escrowed_key
    ADD CONSTRAINT escrowed_key_state_check
        CHECK (state IN ('ACTIVE', 'REVOKED', 'ARCHIVED', 'DESTROYED')),
    ADD COLUMN archived_at        TIMESTAMP,
    ADD COLUMN archived_by_sweep  BIGINT REFERENCES retention_sweep (id),
    ADD COLUMN destroyed_at       TIMESTAMP,
    ADD COLUMN destroyed_by_sweep BIGINT REFERENCES retention_sweep (id),
    ALTER COLUMN escrowed_private_key DROP NOT NULL,
    -- the private key is gone exactly when the key is destroyed, never before, never half.
    -- PostgreSQL keeps the row's old versions (ciphertext included) until VACUUM: the sweep runs
    -- VACUUM escrowed_key after each destruction commits (KmcStore.vacuumEscrowedKeys).
    ADD CONSTRAINT escrowed_key_destroyed
        CHECK ((state = 'DESTROYED') = (escrowed_private_key IS NULL)
               AND (state = 'DESTROYED') = (destroyed_at IS NOT NULL)
               AND (state = 'DESTROYED') = (destroyed_by_sweep IS NOT NULL)),
    ADD CONSTRAINT escrowed_key_archived
        CHECK ((state IN ('ARCHIVED', 'DESTROYED'))
               = (archived_at IS NOT NULL AND archived_by_sweep IS NOT NULL));

-- What the sweep looks for; destroyed keys, which only grow in number, are left out.
CREATE INDEX escrowed_key_retention ON escrowed_key (state, not_after) WHERE state <> 'DESTROYED';

-- The destruction record (销毁记录): which key was destroyed, its public key (DER
-- SubjectPublicKeyInfo, which names it beyond doubt and reveals nothing), its certificate's
-- validity end, whether and when it was revoked, when it was archived and destroyed, and by which
-- sweep. One per key: the primary key makes a second record impossible.
CREATE TABLE escrow_destruction (
    ca_key_hash  BYTEA       NOT NULL,
    user_cert_no NUMERIC(49) NOT NULL,
    public_key   BYTEA       NOT NULL,
    not_after    TIMESTAMP   NOT NULL,
    revoked_at   TIMESTAMP,
    archived_at  TIMESTAMP   NOT NULL,
    destroyed_at TIMESTAMP   NOT NULL,
    sweep_id     BIGINT      NOT NULL REFERENCES retention_sweep (id),
    PRIMARY KEY (ca_key_hash, user_cert_no),
    FOREIGN KEY (ca_key_hash, user_cert_no) REFERENCES escrowed_key (ca_key_hash, user_cert_no)
);
