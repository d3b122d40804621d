-- Entities get an identity of their own: a unique key (an IRI, SOURCE:XREF for a GEDCOM record, the label for plain
-- facts), a label that need not be unique, a rank that says how good the label is (so an import replaces a local name
-- by a real label, never the reverse: 0 from the key, 1 another language, 2 the language asked, 3 given outright) and a
-- short description that tells homonyms apart. An existing entity's key is its label, its label given outright.
-- Aliases get the language they are in, when the source says. Plain SQL that runs unchanged on PostgreSQL and on H2.

alter table entity add column entity_key varchar(1000);
update entity set entity_key = label;
alter table entity alter column entity_key set not null;
alter table entity add constraint entity_key_unique unique (entity_key);
alter table entity drop constraint entity_label_unique;
create index entity_by_label on entity (label);
alter table entity add column label_rank smallint default 3 not null;
alter table entity add column description varchar(1000);

alter table entity_alias add column lang varchar(35);

-- Import profiles posted by users: how a team's own RDF vocabulary maps to relations (the JSON as posted).
create table import_profile (
    name        varchar(64) primary key,
    body        varchar(100000) not null,
    created_at  timestamp with time zone default current_timestamp not null
);
