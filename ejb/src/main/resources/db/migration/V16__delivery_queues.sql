-- One name per concept (docs/GLOSSARY.md): each target (the directory, each e-gov system) has a
-- delivery queue (DeliveryQueue), and each delivery names the queue it waits in. Renaming keeps the
-- rows, the queue names ('directory', 'egov-system-<id>') and the foreign key from delivery to its
-- queue (a key refers to the table, not to its name).
ALTER TABLE delivery_channel RENAME TO delivery_queue;
ALTER TABLE delivery RENAME COLUMN channel TO queue;

-- The constraints the migrations left unnamed carry the names PostgreSQL derived from the old
-- names: the queue table's primary key (delivery_channel_pkey, and its index) and the delivery's
-- foreign key to its queue (delivery_channel_fkey). Give them the new prefix; only constraints of
-- these two tables are touched.
DO $$
DECLARE
    renamed RECORD;
BEGIN
    FOR renamed IN
        SELECT c.conname, t.relname AS table_name
        FROM pg_constraint c
        JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace n ON n.oid = t.relnamespace AND n.nspname = current_schema()
        WHERE t.relname IN ('delivery_queue', 'delivery')
          AND c.conname LIKE 'delivery\_channel\_%'
    LOOP
        EXECUTE format('ALTER TABLE %I RENAME CONSTRAINT %I TO %I',
                       renamed.table_name, renamed.conname,
                       'delivery_queue_' || substr(renamed.conname, length('delivery_channel_') + 1));
    END LOOP;
END
$$;
