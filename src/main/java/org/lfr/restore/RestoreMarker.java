package org.lfr.restore;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/**
 * Written by scripts/restore (as the schema's owner) into a restored database: the backup's time and audit-chain head
 * from its manifest, and the time of the restore. The service handles it once, at its next start.
 */
@Entity
@Table(name = "restore_marker")
@DynamicUpdate // the service may change handled_at only (V8's column grant): an update names no other column
public class RestoreMarker extends PanacheEntityBase {

    @Id
    public Long id;
    @Column(name = "backup_file")
    public String backupFile;
    @Column(name = "backup_taken_at")
    public Instant backupTakenAt;
    @Column(name = "restored_at")
    public Instant restoredAt;
    @Column(name = "schema_version")
    public String schemaVersion;
    @Column(name = "head_seq")
    public Long headSeq;
    @Column(name = "head_hash")
    public String headHash;
    @Column(name = "head_at")
    public Instant headAt;
    /** When the service audited the restore, ran retention and held the running deployments; null until then. */
    @Column(name = "handled_at")
    public Instant handledAt;
}
