package dev.berth.junit.readme;

import dev.berth.compose.ComposeProject;
import dev.berth.compose.LoadOptions;
import dev.berth.container.Container;
import dev.berth.container.ContainerSpec;
import dev.berth.junit.BerthTest;
import dev.berth.junit.Fixtures;
import dev.berth.junit.Managed;
import dev.berth.network.NetworkSpec;
import dev.berth.volume.Volume;
import dev.berth.volume.VolumeSpec;
import org.junit.jupiter.api.Test;

import static dev.berth.junit.testing.Images.BUSYBOX;
import static org.assertj.core.api.Assertions.assertThat;

/*
 * README's "Test fixtures" example, run for real by Failsafe; the region between "tour:fixtures" and "end" must
 * appear in README.md verbatim (examples' ReadmeSnippetsTest checks).
 */
// tour:fixtures
@BerthTest
class CheckoutIT {
    static final String NET = Fixtures.uniqueName("checkout");    // unique: classes and builds run in parallel

    @Managed                                                      // static: one for the class
    static final NetworkSpec backend = NetworkSpec.builder(NET).build();

    @Managed(waitForLog = "accepting")                            // joins NET, so starts after the network
    static final ContainerSpec db = ContainerSpec.builder(BUSYBOX).network(NET, "db")
            .command("sh", "-c", "echo accepting; exec nc -ll -p 5432 -e cat").init().build();

    @Managed(waitForPorts = 80, dependsOn = "db")                 // ready when port 80 serves
    static final ContainerSpec web = ContainerSpec.builder(BUSYBOX).network(NET).publish(80)
            .command("httpd", "-f", "-p", "80").init().build();

    @Managed                                                      // a file on the test classpath
    static final LoadOptions shop = LoadOptions.of(Fixtures.classpathFile("compose/shop.yaml"));

    @Managed                                                      // instance field: a fresh one for each test
    final VolumeSpec scratch = VolumeSpec.builder().build();

    @Test
    void checkout(Container web, Container db, Volume scratch, ComposeProject shop) {   // injected by name
        assertThat(web.hostPort(80)).isPositive();
        assertThat(db.ipAddress(NET)).isNotEmpty();
        assertThat(shop.ps()).hasSize(2);
        assertThat(scratch.exists()).isTrue();
    }
}
// end
