-- The key management centre's own database (GM/T 0014; CPS §6.1.4.10.3, §7.1.3.8, §7.5.2.2.3-5).
-- The CA's database role has no access to it, and the KMC's role none to the CA's.

-- An encryption key pair the KMC generated for a CA, escrowed: the private key only as a GM/T 0009
-- SM2EnvelopedKey under the KMC's escrow key (the private half of which stays in the KMC's token).
-- holder_public_key is the signing public key the CA asserted for the holder in its ApplyKeyReq
-- (AppUserInfo.userPubKey): the key the first envelope was made for.
CREATE TABLE escrowed_key (
    ca_key_hash          BYTEA         NOT NULL,
    user_cert_no         NUMERIC(49)   NOT NULL,
    public_key           BYTEA         NOT NULL,
    escrowed_private_key BYTEA         NOT NULL,
    escrow_key_alias     VARCHAR(64)   NOT NULL,
    holder_public_key    BYTEA         NOT NULL,
    user_name            BYTEA         NOT NULL,
    not_before           TIMESTAMP     NOT NULL,
    not_after            TIMESTAMP     NOT NULL,
    state                VARCHAR(16)   NOT NULL CHECK (state IN ('ACTIVE', 'REVOKED')),
    created_at           TIMESTAMP     NOT NULL,
    created_by_task      NUMERIC(49)   NOT NULL,
    revoked_at           TIMESTAMP,
    revoked_by_task      NUMERIC(49),
    PRIMARY KEY (ca_key_hash, user_cert_no)
);

-- Every envelope the KMC made of an escrowed key after its issue (RestoreKeyReq): for whom (the
-- recipient public key the CA asserted in its signed request), when, and in which task.
CREATE SEQUENCE key_restoration_seq START WITH 1 INCREMENT BY 1;

CREATE TABLE key_restoration (
    id                   BIGINT        NOT NULL PRIMARY KEY DEFAULT nextval('key_restoration_seq'),
    ca_key_hash          BYTEA         NOT NULL,
    user_cert_no         NUMERIC(49)   NOT NULL,
    recipient_public_key BYTEA         NOT NULL,
    task_no              NUMERIC(49)   NOT NULL,
    restored_at          TIMESTAMP     NOT NULL,
    FOREIGN KEY (ca_key_hash, user_cert_no) REFERENCES escrowed_key (ca_key_hash, user_cert_no)
);

-- The replay window (review finding K1): the task numbers accepted from each CA, kept for as long
-- as a request with them could still pass the freshness check, so that a restart forgets nothing.
CREATE TABLE accepted_task (
    ca_key_hash BYTEA       NOT NULL,
    task_no     NUMERIC(49) NOT NULL,
    expires_at  TIMESTAMP   NOT NULL,
    PRIMARY KEY (ca_key_hash, task_no)
);

CREATE INDEX accepted_task_expiry ON accepted_task (expires_at);
