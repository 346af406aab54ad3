-- One name per concept (docs/GLOSSARY.md): a machine's account bound to one TLS client
-- certificate, a remote RA's or an e-gov system's, is a client account (ClientAccount); the role
-- of a remote RA is REMOTE_RA. Renaming keeps the rows, the sequence's value and every foreign key.

-- the accounts (ClientAccount)
ALTER TABLE ra_client RENAME TO client_account;
ALTER SEQUENCE ra_client_seq RENAME TO client_account_seq;
ALTER TABLE client_account RENAME CONSTRAINT uq_ra_client_name TO uq_client_account_name;
ALTER TABLE client_account RENAME CONSTRAINT uq_ra_client_certificate
    TO uq_client_account_certificate;
UPDATE client_account SET role = 'REMOTE_RA' WHERE role = 'RA_SYSTEM';
ALTER TABLE client_account ALTER COLUMN role SET DEFAULT 'REMOTE_RA';

-- the application units a remote RA may issue for
ALTER TABLE ra_client_unit RENAME TO client_account_unit;
ALTER TABLE client_account_unit RENAME COLUMN ra_client_id TO client_account_id;
ALTER TABLE client_account_unit RENAME CONSTRAINT pk_ra_client_unit TO pk_client_account_unit;

-- the remote RA a certificate was requested through
ALTER TABLE issued_certificate RENAME COLUMN ra_client_id TO client_account_id;
ALTER INDEX ix_issued_certificate_ra_client RENAME TO ix_issued_certificate_client_account;

-- the account an e-gov system calls the query service with
ALTER TABLE egov_system RENAME COLUMN ra_client_id TO client_account_id;
ALTER TABLE egov_system RENAME CONSTRAINT uq_egov_system_ra_client TO uq_egov_system_client_account;

-- The constraints the migrations left unnamed carry the names PostgreSQL derived from the old
-- table and column names (ra_client_pkey, ra_client_certificate_id_fkey,
-- ra_client_unit_ra_client_id_fkey, issued_certificate_ra_client_id_fkey,
-- egov_system_ra_client_id_fkey): name them after the client account too.
DO $$
DECLARE
    renamed RECORD;
BEGIN
    FOR renamed IN
        SELECT c.conname, t.relname AS table_name
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
        WHERE t.relname IN ('client_account', 'client_account_unit', 'issued_certificate',
                            'egov_system')
          AND c.conname LIKE '%ra\_client%'
    LOOP
        EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I',
                       renamed.table_name, renamed.conname,
                       replace(renamed.conname, 'ra_client', 'client_account'));
    END LOOP;
END
$$;

-- Dual-control requests about a remote RA, waiting or decided, name their action and target in the
-- new words: every stored action must be a SupervisedAction to be read, and a waiting request must
-- still be carried out and still stop a second request for the same change.
UPDATE pending_action SET action = 'REGISTER_REMOTE_RA' WHERE action = 'REGISTER_RA_CLIENT';
UPDATE pending_action SET action = 'CHANGE_REMOTE_RA_UNITS' WHERE action = 'CHANGE_RA_CLIENT_UNITS';
UPDATE pending_action SET target = 'remote-ra:' || substr(target, length('ra-client:') + 1)
    WHERE action IN ('REGISTER_REMOTE_RA', 'CHANGE_REMOTE_RA_UNITS') AND target LIKE 'ra-client:%';

-- What stays: the audit log is never rewritten, so events recorded before this migration keep the
-- actions RA_CLIENT_CREATED, RA_CLIENT_CHANGED and RA_CLIENT_AUTHENTICATION and the actor prefix
-- 'ra-client:' (now REMOTE_RA_REGISTERED, REMOTE_RA_CHANGED, CLIENT_AUTHENTICATION, 'remote-ra:');
-- so does issued_certificate.requested_by, the same actor recorded with each certificate.
