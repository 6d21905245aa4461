package org.lfr.common;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The service's one idea of "now": the injected clock (tests move it) at the microsecond precision PostgreSQL keeps,
 * so a time written and read back (and hashed in the audit chain) is the same instant.
 */
@ApplicationScoped
public class Now {

    private final Clock clock;

    public Now(Clock clock) {
        this.clock = clock;
    }

    public Instant instant() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public LocalDate today() {
        return clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
    }
}
