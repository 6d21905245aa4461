-- pgvector must already exist in this database: it is not a trusted extension, so a superuser creates it
-- (scripts/infra does locally; the service checks for it before migrating and says what to run).

create table enrolment_embedding (
    id                 uuid primary key,
    watchlist_entry_id uuid,
    model              varchar(200) not null,
    embedding          vector(512)  not null,
    created_at         timestamptz  not null default now()
);

-- Cosine distance is what face embeddings are compared by.
create index enrolment_embedding_hnsw on enrolment_embedding using hnsw (embedding vector_cosine_ops);
