-- Fuzzy name matching on PostgreSQL: trigram indexes (pg_trgm) on the folded keys of labels and aliases, so that a
-- misspelt name ("tom cruse") finds the labels it resembles (label_key % 'tom cruse') without reading the table.
-- pg_trgm is a trusted extension: any role with CREATE on the database may install it, and a database owner has that.
do $$
begin
    create extension if not exists pg_trgm;
exception when insufficient_privilege or undefined_file or feature_not_supported then
    raise exception 'relata needs the PostgreSQL extension pg_trgm for fuzzy name matching and could not install it: %', sqlerrm
        using hint = 'install it once as the database owner or a superuser (CREATE EXTENSION pg_trgm), or grant CREATE on '
            || 'the database to the role relata connects as, then start relata again; on Debian and Ubuntu the '
            || 'extension ships with the postgresql package (postgresql-contrib on older releases)';
end
$$;

create index entity_key_trigrams on entity using gin (label_key gin_trgm_ops);
create index entity_alias_key_trigrams on entity_alias using gin (alias_key gin_trgm_ops);
