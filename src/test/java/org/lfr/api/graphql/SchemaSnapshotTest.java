package org.lfr.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The published schema must equal the committed snapshot, so every API change is a visible diff in review.
 * After a deliberate change: {@code ./mvnw test -Dtest=SchemaSnapshotTest -Dlfr.schema.update=true}.
 */
@QuarkusTest
class SchemaSnapshotTest {

    static final Path SNAPSHOT = Path.of("docs", "schema.graphql");

    @Test
    void publishedSchemaEqualsTheCommittedSnapshot() throws Exception {
        String published = RestAssured.get("/graphql/schema.graphql").then().statusCode(200).extract().asString();
        if (Boolean.getBoolean("lfr.schema.update")) {
            // CI checks the snapshot; it must never rewrite it (a green run would then prove nothing)
            assertThat(System.getenv("CI")).as("lfr.schema.update under CI").isNull();
            Files.createDirectories(SNAPSHOT.getParent());
            Files.writeString(SNAPSHOT, published);
        }
        assertThat(SNAPSHOT).as("committed snapshot").exists();
        assertThat(published).isEqualTo(Files.readString(SNAPSHOT));
    }
}
