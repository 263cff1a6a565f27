package dev.berth.examples;

import dev.berth.Engine;
import dev.berth.EngineConfig;
import org.junit.jupiter.api.Test;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Walk-through 8 on the real engine: with {@code depends_on: condition: service_healthy} the app starts only after the
 * database's health check passed (Compose's order: db Started, Waiting, Healthy, then app Started), connects on the
 * first try and records visits in MariaDB.
 */
class HealthGatedIT {
    @Test
    void healthGated_appStartsOnlyAfterDatabaseIsHealthy_andConnectsOnFirstTry() throws Exception {
        try (Engine engine = Engine.connect(EngineConfig.fromEnv())) {
            String out = Transcript.run(engine, "HealthGated", HealthGated::run);
            Matcher gap = Pattern.compile("-app-1 started (-?[\\d.]+) s after \\S+-db-1 became healthy").matcher(out);
            assertThat(gap.find()).as(out).isTrue();
            assertThat(Double.parseDouble(gap.group(1))).isGreaterThanOrEqualTo(0);
            String order = out.substring(out.indexOf("the order of events"));
            assertThat(position(order, "-db-1\\s+Healthy")).isLessThan(position(order, "-app-1\\s+Started"));
            assertThat(out).contains("(healthy)").contains("connected to MariaDB")
                    .contains("GET / -> visit 1 recorded in MariaDB").contains("GET / -> visit 3 recorded in MariaDB")
                    .containsPattern("Volume berth-health-\\w+_data  Removed");
        }
    }

    private static int position(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        assertThat(m.find()).as("/%s/ in %s", regex, text).isTrue();
        return m.start();
    }
}
