-- Delta CRLs (RFC 5280 §5.2.4, GM/T 0015 §5.3) are kept with the complete CRLs: they draw their
-- numbers from the same per-CA sequence, which uq_crl_number already guards. A delta CRL names
-- the complete CRL it updates; complete CRLs leave the column empty.
-- (V5, not V4: the main line adds its own V4.)

ALTER TABLE crl ADD COLUMN base_crl_number BIGINT;
ALTER TABLE crl ADD CONSTRAINT ck_crl_base_before_number
    CHECK (base_crl_number IS NULL OR base_crl_number < crl_number);
