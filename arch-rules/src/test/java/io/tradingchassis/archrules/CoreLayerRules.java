package io.tradingchassis.archrules;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

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
    static final ArchRule core_layers_are_declared_once = coreLayersAreDeclaredOnce(ProductImport.ROOT);

    @ArchTest
    static final ArchRule only_step_queue_and_state_call_state_mutators =
            onlyStepQueueAndStateCallStateMutators(ProductImport.ROOT);

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
     * {@code root.core.strategy} depends only on itself, {@code view}, {@code intent}, {@code event}
     * and the basics of {@code java.lang} and {@code java.util} — so not on {@code state}, {@code queue},
     * {@code risk}, {@code step}, {@code config}, the runtime or a venue. Its parameters are its own
     * ({@code StrategyParameters}).
     */
    static ArchRule strategyUsesOnlyTheStateProjectionAndIntents(String root) {
        String core = root + ".core";
        return classes().that().resideInAPackage(core + ".strategy..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        core + ".strategy..", core + ".view..", core + ".intent..", core + ".event..",
                        "java.lang", "java.util", "java.util.function")
                .because("SPEC §5 step 3, I2: the Strategy reads a read-only projection of State (the view "
                        + "package) and emits Intents; it cannot see the Queue internals, Risk, the venue, "
                        + "the runtime or a clock");
    }

    /**
     * The core's layering, declared once (STYLE habit 14), bottom to top: {@code event} (values, used by
     * all), {@code json}, {@code view} (read-only projections), {@code intent}, {@code strategy} (the SPI
     * and the shipped strategies), {@code config}, {@code state}, {@code risk}, {@code queue}, and
     * {@code step} on top. Each layer names who may use it; in particular Risk and the Queue do not reach
     * into each other, only the step drives them, and State is touched only by the Queue and the step.
     */
    static ArchRule coreLayersAreDeclaredOnce(String root) {
        String core = root + ".core";
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Event").definedBy(core + ".event..")
                .layer("Json").definedBy(core + ".json..")
                .layer("View").definedBy(core + ".view..")
                .layer("Intent").definedBy(core + ".intent..")
                .layer("Strategy").definedBy(core + ".strategy..")
                .layer("Config").definedBy(core + ".config..")
                .layer("State").definedBy(core + ".state..")
                .layer("Risk").definedBy(core + ".risk..")
                .layer("Queue").definedBy(core + ".queue..")
                .layer("Step").definedBy(core + ".step..")
                .whereLayer("Step").mayNotBeAccessedByAnyLayer()
                .whereLayer("Queue").mayOnlyBeAccessedByLayers("Step")
                .whereLayer("Risk").mayOnlyBeAccessedByLayers("Step")
                .whereLayer("State").mayOnlyBeAccessedByLayers("Queue", "Step")
                .whereLayer("Config").mayOnlyBeAccessedByLayers("Risk", "Queue", "Step")
                .whereLayer("Strategy").mayOnlyBeAccessedByLayers("Config", "Step")
                .whereLayer("Intent").mayOnlyBeAccessedByLayers("Strategy", "Risk", "Queue", "Step")
                .whereLayer("View").mayOnlyBeAccessedByLayers("Strategy", "State", "Risk", "Queue", "Step")
                .whereLayer("Json").mayOnlyBeAccessedByLayers("Config")
                .because("SPEC §5: one step runs strategy → risk → queue → queue processing; Risk gives a "
                        + "verdict from policy and a read-only view (R1, R2) and never drives the Queue; Queue "
                        + "Processing is a pure function of State and Configuration that never asks Risk "
                        + "again (R3, §8); only the step and the Queue change State (E1)");
    }

    /**
     * Methods annotated {@code core.state.Mutator} are called only from {@code core.step},
     * {@code core.queue} and {@code core.state}: a Strategy, a risk policy, the runtime or a tool never
     * changes State.
     */
    static ArchRule onlyStepQueueAndStateCallStateMutators(String root) {
        String core = root + ".core";
        String mutator = core + ".state.Mutator";
        return noClasses().that().resideOutsideOfPackages(core + ".step..", core + ".queue..", core + ".state..")
                .should().callMethodWhere(describe("the target is annotated @" + mutator,
                        call -> call.getTarget().resolveMember()
                                .map(m -> m.isAnnotatedWith(mutator)).orElse(false)))
                .because("SPEC §4, §5, E1: only events change State, through the core's processing step; "
                        + "product code outside it (strategies, risk, runtime, replay) sees State only "
                        + "through read-only views and values");
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
