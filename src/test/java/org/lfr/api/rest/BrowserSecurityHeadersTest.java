package org.lfr.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Every page and API answer carries the browser policy: own scripts only, never framed, no referrer. */
@QuarkusTest
class BrowserSecurityHeadersTest {

    @Test
    void theDashboardThePublicPageAndTheApiCarryThePolicy() {
        for (String path : new String[] {"/dashboard/", "/public/", "/api/dashboard/config"}) {
            given().get(path).then().statusCode(200)
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("Content-Security-Policy", containsString("connect-src 'self' http://localhost:"))
                    .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                    .header("Referrer-Policy", equalTo("no-referrer"))
                    .header("X-Content-Type-Options", equalTo("nosniff"));
        }
    }
}
