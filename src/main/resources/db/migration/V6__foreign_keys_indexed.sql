-- PostgreSQL indexes the referenced side of a foreign key, not the referencing one: every lookup, delete and cascade
-- by these columns scanned its whole table. Enrolment felt it first: storing an entry's embedding deletes and counts
-- by watchlist_entry_id, and with 10,000 embeddings stored each photo scanned them all (this index alone took bulk
-- enrolment of 1,000 photos from 60 s to 47 s, docs/PERFORMANCE.md).
create index enrolment_embedding_entry on enrolment_embedding (watchlist_entry_id);
create index community_notice_deployment on community_notice (deployment_id);
create index signage_deployment on signage (deployment_id);
create index signage_camera on signage (camera_id);
create index leaflet_distribution_deployment on leaflet_distribution (deployment_id);
create index alert_camera on alert (camera_id);
