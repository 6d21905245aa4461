-- The embedding size depends on the configured models: 512 for the bundled embedder alone, 640 when the second
-- embedder is fused with it (docs/ACCURACY.md). The column takes any size; the model name stored with each vector
-- keeps vectors of different models (and sizes) apart.
drop index enrolment_embedding_hnsw;
alter table enrolment_embedding alter column embedding type vector;

-- HNSW needs a fixed size: one partial index per size the shipped configurations produce. A query uses one by
-- filtering on vector_dims(embedding) and ordering by embedding::vector(n) (EnrolmentEmbeddingRepository).
create index enrolment_embedding_hnsw_512 on enrolment_embedding
    using hnsw ((embedding::vector(512)) vector_cosine_ops) where vector_dims(embedding) = 512;
create index enrolment_embedding_hnsw_640 on enrolment_embedding
    using hnsw ((embedding::vector(640)) vector_cosine_ops) where vector_dims(embedding) = 640;
