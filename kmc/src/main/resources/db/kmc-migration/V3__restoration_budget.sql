-- The KMC's restoration budget (RestorationBudget): each RestoreKeyReq counts a CA's restorations
-- of the last 24 hours from key_restoration itself, so that no separate counter can drift from
-- what was done. This index keeps that count a range scan as the table grows.
CREATE INDEX key_restoration_budget ON key_restoration (ca_key_hash, restored_at);

-- Which recipient keys an escrowed key was restored to before (a new one is logged at WARNING);
-- it also serves the foreign key to escrowed_key.
CREATE INDEX key_restoration_certificate ON key_restoration (ca_key_hash, user_cert_no);
