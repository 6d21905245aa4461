package org.lfr.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** scripts/backup --prune: backups hold biometric data and follow its retention (no database needed). */
class BackupPruneTest {

    static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    @TempDir
    Path backups;

    @Test
    void backupsOlderThanTheAlertRetentionPeriodAreDeletedAndNamed() throws Exception {
        Instant now = Instant.now();
        String old = backup(now.minus(32, ChronoUnit.DAYS));
        String recent = backup(now.minus(30, ChronoUnit.DAYS));
        Files.writeString(backups.resolve("notes.txt"), "not a backup");

        String out = prune();

        assertThat(out).contains("removed " + backups.resolve(old + ".dump"))
                .contains("removed " + backups.resolve(old + ".manifest.json")).doesNotContain(recent);
        try (Stream<Path> left = Files.list(backups)) {
            assertThat(left.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(recent + ".dump",
                    recent + ".manifest.json", "notes.txt");
        }
    }

    @Test
    void thePeriodCanBeGivenInDays() throws Exception {
        String yesterday = backup(Instant.now().minus(26, ChronoUnit.HOURS));
        assertThat(prune("1")).contains("removed " + backups.resolve(yesterday + ".dump"));
    }

    private String backup(Instant takenAt) throws IOException {
        String name = "lfr-lfr-" + STAMP.format(takenAt);
        Files.writeString(backups.resolve(name + ".dump"), "dump");
        Files.writeString(backups.resolve(name + ".manifest.json"), "{}");
        return name;
    }

    private String prune(String... days) throws IOException, InterruptedException {
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("scripts/backup", "--prune"));
        command.addAll(java.util.List.of(days));
        command.add(backups.toString());
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("LFR_RETENTION_ALERT_RETENTION");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }
}
