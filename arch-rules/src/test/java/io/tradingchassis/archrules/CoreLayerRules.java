package io.tradingchassis.archrules;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.net.DatagramSocket;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLConnection;
import java.nio.channels.NetworkChannel;

/**
 * The stages of one processing step (SPEC §5) and the venue boundary (SPEC §6, §12). Inside the core:
 * {@code strategy} sees only the read-only State projection ({@code view}), the intent types
 * ({@code intent}), event value types ({@code event}) and its parameters ({@code config}); {@code risk}
 * and {@code queue} do not reach into each other. Only the runtime's venue adapters
 * ({@code runtime.venue}) talk to a venue.
 */
@AnalyzeClasses(packages = ProductImport.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ProductImport.ExcludeFixtures.class})
public final class CoreLayerRules {

    @ArchTest
    static final ArchRule strategy_uses_only_the_state_projection_and_intents =
            strategyUsesOnlyTheStateProjectionAndIntents(ProductImport.ROOT);

    @ArchTest
    static final ArchRule risk_does_not_touch_the_queue = riskDoesNotTouchTheQueue(ProductImport.ROOT);

    @ArchTest
    static final ArchRule queue_does_not_call_risk = queueDoesNotCallRisk(ProductImport.ROOT);

    @ArchTest
    static final ArchRule venue_is_reached_only_through_the_runtime =
            venueIsReachedOnlyThroughTheRuntime(ProductImport.ROOT);

    @ArchTest
    static final ArchRule only_venue_adapters_open_network_connections =
            onlyVenueAdaptersOpenNetworkConnections(ProductImport.ROOT);

    /** The import is the product, not nothing: these rules cannot pass vacuously. */
    @ArchTest
    static void imports_the_product(JavaClasses classes) {
        ProductImport.assertImportsProduct(classes);
    }

    private CoreLayerRules() {
    }

    /**
     * {@code root.core.strategy} depends only on itself, {@code view}, {@code intent}, {@code event},
     * {@code config} and the basics of {@code java.lang} and {@code java.util} — so not on
     * {@code state}, {@code queue}, {@code risk}, {@code step}, the runtime or a venue.
     */
    static ArchRule strategyUsesOnlyTheStateProjectionAndIntents(String root) {
        String core = root + ".core";
        return classes().that().resideInAPackage(core + ".strategy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        core + ".strategy..", core + ".view..", core + ".intent..", core + ".event..",
                        core + ".config..", "java.lang", "java.util", "java.util.function")
                .because("SPEC §5 step 3, I2: the Strategy reads a read-only projection of State (the view "
                        + "package) and emits Intents; it cannot see the Queue internals, Risk, the venue, "
                        + "the runtime or a clock")
                // core.strategy is being written; the bite test proves the rule fires.
                .allowEmptyShould(true);
    }

    /** {@code root.core.risk} does not depend on {@code root.core.queue}. */
    static ArchRule riskDoesNotTouchTheQueue(String root) {
        return noClasses().that().resideInAPackage(root + ".core.risk..")
                .should().dependOnClassesThat().resideInAPackage(root + ".core.queue..")
                .because("SPEC §5 steps 4-5, R1, R2: Risk gives each Intent a verdict before the Queue sees "
                        + "it, from policy and State only; it does not read or drive queue processing")
                // core.risk is being written; the bite test proves the rule fires.
                .allowEmptyShould(true);
    }

    /** {@code root.core.queue} does not depend on {@code root.core.risk}. */
    static ArchRule queueDoesNotCallRisk(String root) {
        return noClasses().that().resideInAPackage(root + ".core.queue..")
                .should().dependOnClassesThat().resideInAPackage(root + ".core.risk..")
                .because("SPEC §5 steps 5-6, §8, R1, R3: only allowed Intents enter the Queue, so queue "
                        + "processing never asks Risk again; it is a pure function of State and Configuration")
                // core.queue is being written; the bite test proves the rule fires.
                .allowEmptyShould(true);
    }

    /** Nothing in {@code core} or {@code replay} depends on {@code root.runtime.venue}. */
    static ArchRule venueIsReachedOnlyThroughTheRuntime(String root) {
        return noClasses().that().resideInAnyPackage(root + ".core..", root + ".replay..")
                .should().dependOnClassesThat().resideInAPackage(root + ".runtime.venue..")
                .because("SPEC §6, §12: the runtime hands dispatch requests to the Venue Adapter; the core "
                        + "never sees which venue is behind it, and replay re-derives dispatches from a log "
                        + "without talking to a venue (§13)");
    }

    /** Outside {@code root.runtime.venue}, no product class uses sockets, URL connections or HTTP. */
    static ArchRule onlyVenueAdaptersOpenNetworkConnections(String root) {
        return noClasses().that().resideInAnyPackage(root + ".core..", root + ".runtime..", root + ".replay..")
                .and().resideOutsideOfPackage(root + ".runtime.venue..")
                .should().dependOnClassesThat(assignableTo(Socket.class)
                        .or(assignableTo(ServerSocket.class))
                        .or(assignableTo(DatagramSocket.class))
                        .or(assignableTo(URLConnection.class))
                        .or(assignableTo(NetworkChannel.class))
                        .or(resideInAnyPackage("java.net.http..", "javax.net..")))
                .because("SPEC §12: the Venue Adapter is the boundary that talks to a venue; everything "
                        + "else reaches it through dispatch requests and execution events");
    }
}
