package org.lfr.support;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;

/** Requests to the management interface (health, metrics) of the application under test: its own port. */
public final class Management {

    private Management() {
    }

    /** 9001 (Quarkus' test port) for @QuarkusTest; the packaged jar's own port in integration tests (failsafe). */
    public static int port() {
        String packaged = System.getProperty("lfr.test.management-port");
        return packaged != null ? Integer.parseInt(packaged)
                : ConfigProvider.getConfig().getOptionalValue("quarkus.management.test-port", Integer.class).orElse(9001);
    }

    public static RequestSpecification given() {
        return RestAssured.given().port(port());
    }
}
