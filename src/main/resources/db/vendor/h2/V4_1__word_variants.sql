-- Fuzzy name matching on the embedded H2 store, which has no trigram index: a deletion-neighbourhood index of the
-- words of entity names. Every word of the word index (entity_word) that can be misspelt (3 to 30 characters, no
-- digit) is stored under itself and under each form with one character deleted ("cruise": cruise, ruise, cuise, ...).
-- Two words one edit apart (a character inserted, deleted or substituted, or two neighbours swapped) share a form, so
-- a misspelt word finds its vocabulary words by equality lookups. Rows are written once per new word, not per entity.

create table word_variant (
    variant    varchar(500) not null,
    word       varchar(500) not null,
    constraint word_variant_pk primary key (variant, word)
);
