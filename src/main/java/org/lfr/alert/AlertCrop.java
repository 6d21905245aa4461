package org.lfr.alert;

import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;

/** The probe face crop of an alert: the only biometric of a passer-by ever kept, and only because it alerted. */
@Entity
@Table(name = "alert_crop")
public class AlertCrop extends PanacheEntityBase {

    @Id
    @Column(name = "alert_id")
    public UUID alertId;
    public byte[] content;
    @Column(name = "content_type")
    public String contentType;
}
