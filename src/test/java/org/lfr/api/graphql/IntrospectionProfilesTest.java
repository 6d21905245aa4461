package org.lfr.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;

import org.junit.jupiter.api.Test;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Introspection is off in every profile but development (tests run with it off, so the browser tests prove that the
 * dashboard needs none); production builds also leave out the SDL endpoint. Read from the shipped configuration.
 */
class IntrospectionProfilesTest {

    @Test
    void offInProductionAndTestsOnlyDevelopmentKeepsItForGraphiQL() throws Exception {
        assertThat(config("prod").getValue("quarkus.smallrye-graphql.field-visibility", String.class))
                .isEqualTo("no-introspection");
        assertThat(config("prod").getValue("quarkus.smallrye-graphql.schema-available", Boolean.class)).isFalse();
        assertThat(config("test").getValue("quarkus.smallrye-graphql.field-visibility", String.class))
                .isEqualTo("no-introspection");
        assertThat(config("dev").getValue("quarkus.smallrye-graphql.field-visibility", String.class))
                .isEqualTo("default");
    }

    private static SmallRyeConfig config(String profile) throws Exception {
        URL properties = IntrospectionProfilesTest.class.getClassLoader().getResource("application.properties");
        return new SmallRyeConfigBuilder().withProfile(profile).withSources(new PropertiesConfigSource(properties))
                .build();
    }
}
