-- The word index of entity names: every word of every label and alias, folded as their keys are (Labels.key), with
-- the entity it names. Token-wise matching reads it: "Princess Diana" finds "Diana, Princess of Wales" through the
-- entities that have the words "princess" and "diana". Filled for existing entities by the Java migration 3.2.
-- Plain SQL that runs unchanged on PostgreSQL and on H2 in PostgreSQL mode.

create table entity_word (
    word       varchar(500) not null,
    entity_id  bigint not null references entity (id),
    constraint entity_word_pk primary key (word, entity_id)
);
