-- Fuzzy name matching on PostgreSQL through the same deletion-neighbourhood index of name words as on H2 (see H2's
-- migration 4.1 for how it works), in place of trigram indexes over whole names: at a million names an unknown name
-- shares common trigrams with hundreds of thousands of keys, and the trigram search read those posting lists before
-- it could say no (p99 70 ms). The word list is a small fraction of the names, and each lookup is an equality read.
-- Migration 5.1 fills the table from the word index. pg_trgm stays installed (migration 4.1 installs it); nothing
-- reads it, and the two GIN indexes it kept on every write are dropped.

create table word_variant (
    variant    varchar(500) not null,
    word       varchar(500) not null,
    constraint word_variant_pk primary key (variant, word)
);

drop index entity_key_trigrams;
drop index entity_alias_key_trigrams;
