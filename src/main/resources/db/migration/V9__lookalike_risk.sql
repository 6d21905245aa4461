-- The look-alike check (docs/FAIRNESS.md, "Look-alike risk"): when an entry's embedding is stored, it is scored
-- against a cohort of faces of people on no watchlist, and the scores at or above the threshold floor of the time are
-- kept beside it, so that its expected false-alert rate can be stated at whatever threshold the deployment has when
-- its list is reviewed. They go with the embedding (replaced with the image, purged with the deployment). Null: no
-- usable cohort (none, or made by other models) when the embedding was stored.
alter table enrolment_embedding add column cohort varchar(200);
alter table enrolment_embedding add column cohort_size integer;
alter table enrolment_embedding add column cohort_floor double precision;
-- highest first, comma-separated (a handful at most for an ordinary face)
alter table enrolment_embedding add column cohort_scores text;
