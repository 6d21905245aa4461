package org.lfr.support;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Stops and starts the real local servers (scripts/infra) for fault tests: the database or the identity provider goes
 * away under a running service and comes back.
 */
public final class Infrastructure {

    private Infrastructure() {
    }

    public static void stopPostgres() {
        run("down", "postgres");
    }

    public static void stopKeycloak() {
        run("down", "keycloak");
    }

    /** Starts whatever is down (idempotent). */
    public static void up() {
        run("up");
    }

    private static void run(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = Path.of("scripts", "infra").toAbsolutePath().toString();
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("scripts/infra " + String.join(" ", args) + " failed");
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
