package org.lfr.notice;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** Advance notice to the community; public once published. */
@Entity
@Table(name = "community_notice")
public class CommunityNotice extends PanacheEntityBase {

    @Id
    public UUID id;
    @Column(name = "deployment_id")
    public UUID deploymentId;
    /** Comma-separated {@link NoticeChannel} names. */
    public String channels;
    public String area;
    public String text;
    @Column(name = "consultation_notes")
    public String consultationNotes;
    @Column(name = "published_by")
    public String publishedBy;
    @Column(name = "published_at")
    public Instant publishedAt;

    public List<NoticeChannel> channelList() {
        return Arrays.stream(channels.split(",")).map(NoticeChannel::valueOf).toList();
    }
}
