-- One name per concept (docs/GLOSSARY.md): each table is named after the record its entity holds,
-- and so are its id sequence, its indexes and its constraints. Renaming keeps the rows, the
-- sequences' values and every foreign key (a key refers to the table, not to its name).

-- the certificates the CAs issued (IssuedCertificate)
ALTER TABLE certificate RENAME TO issued_certificate;
ALTER SEQUENCE certificate_seq RENAME TO issued_certificate_seq;
ALTER INDEX ix_certificate_subject_dn RENAME TO ix_issued_certificate_subject_dn;
ALTER INDEX ix_certificate_issued_at RENAME TO ix_issued_certificate_issued_at;
ALTER INDEX ix_certificate_revoked RENAME TO ix_issued_certificate_revoked;
ALTER INDEX ix_certificate_application_unit RENAME TO ix_issued_certificate_application_unit;
ALTER INDEX ix_certificate_ra_client RENAME TO ix_issued_certificate_ra_client;
ALTER TABLE issued_certificate RENAME CONSTRAINT uq_certificate_serial TO uq_issued_certificate_serial;
ALTER TABLE issued_certificate RENAME CONSTRAINT uq_certificate_fingerprint
    TO uq_issued_certificate_fingerprint;

-- the CRLs the CAs issued (IssuedCrl)
ALTER TABLE crl RENAME TO issued_crl;
ALTER SEQUENCE crl_seq RENAME TO issued_crl_seq;
ALTER TABLE issued_crl RENAME CONSTRAINT uq_crl_number TO uq_issued_crl_number;
ALTER TABLE issued_crl RENAME CONSTRAINT ck_crl_base_before_number
    TO ck_issued_crl_base_before_number;

-- one version of a certificate profile per row (CertificateProfileVersion)
ALTER TABLE certificate_profile RENAME TO certificate_profile_version;
ALTER SEQUENCE certificate_profile_seq RENAME TO certificate_profile_version_seq;

-- the delegated OCSP signers of each CA key (OcspSigner)
ALTER TABLE ocsp_responder RENAME TO ocsp_signer;
ALTER SEQUENCE ocsp_responder_seq RENAME TO ocsp_signer_seq;
ALTER INDEX ix_ocsp_responder_ca RENAME TO ix_ocsp_signer_ca;
ALTER TABLE ocsp_signer RENAME CONSTRAINT uq_ocsp_responder_certificate
    TO uq_ocsp_signer_certificate;

-- applications: for a new certificate, a renewal, a re-key or a revocation (Application)
ALTER TABLE ra_application RENAME TO application;
ALTER SEQUENCE ra_application_seq RENAME TO application_seq;
ALTER INDEX ix_ra_application_state RENAME TO ix_application_state;
ALTER INDEX ix_ra_application_id_number RENAME TO ix_application_id_number;
ALTER INDEX ix_ra_application_organisation_code RENAME TO ix_application_organisation_code;
ALTER TABLE application RENAME COLUMN publish_consent TO directory_consent;

-- a delivery carries a change of the CA's records, not only one of the sync interface's
-- business types (ChangeType)
ALTER TABLE delivery RENAME COLUMN business_type TO change_type;

-- The primary and foreign keys the migrations left unnamed carry the names PostgreSQL derived from
-- the old table names (certificate_pkey, crl_ca_id_fkey, ra_application_certificate_id_fkey): give
-- them the new table's prefix too. Only constraints of the renamed tables are touched.
DO $$
DECLARE
    renamed RECORD;
BEGIN
    FOR renamed IN
        SELECT c.conname, t.relname AS table_name, old_prefix, new_prefix
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
        JOIN (VALUES ('issued_certificate', 'certificate_', 'issued_certificate_'),
                     ('issued_crl', 'crl_', 'issued_crl_'),
                     ('certificate_profile_version', 'certificate_profile_',
                      'certificate_profile_version_'),
                     ('ocsp_signer', 'ocsp_responder_', 'ocsp_signer_'),
                     ('application', 'ra_application_', 'application_'))
             AS r (new_table, old_prefix, new_prefix) ON r.new_table = t.relname
        WHERE c.conname LIKE replace(old_prefix, '_', '\_') || '%'
    LOOP
        EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I',
                       renamed.table_name, renamed.conname,
                       renamed.new_prefix || substr(renamed.conname, length(renamed.old_prefix) + 1));
    END LOOP;
END
$$;
