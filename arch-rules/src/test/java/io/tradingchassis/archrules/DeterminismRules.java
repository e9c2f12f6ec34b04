package io.tradingchassis.archrules;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.time.Clock;
import java.time.InstantSource;
import java.util.Calendar;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Hashtable;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import java.util.Timer;
import java.util.TimerTask;
import java.util.UUID;
import java.util.WeakHashMap;
import java.util.random.RandomGenerator;
import java.util.stream.Collectors;

/**
 * Determinism bans in the core (SPEC §1, D2, D3, E5): nothing but the Event Stream and the
 * Configuration may influence State or a dispatch decision — no wall clock, no randomness, no
 * threads, no environment, no file or network I/O, no hash-ordered iteration.
 */
@AnalyzeClasses(packages = ProductImport.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ProductImport.ExcludeFixtures.class})
public final class DeterminismRules {

    /** The one place core may read a file: configuration loading, before any event is processed. */
    /** Prefix of the exempt code units: the {@code CoreConfiguration.load(Path[, catalog])} overloads. */
    static final String CONFIGURATION_LOAD = ".core.config.CoreConfiguration.load(java.nio.file.Path";

    private static final Set<String> SYSTEM_ENVIRONMENT_METHODS = Set.of(
            "getenv", "getProperty", "getProperties", "setProperty", "clearProperty", "identityHashCode");

    /** Set/Map factories returning JDK immutable collections, whose iteration order is salted per JVM run. */
    private static final Set<String> SALTED_FACTORY_METHODS = Set.of("of", "copyOf", "ofEntries");

    /** Collectors that build a HashSet, a HashMap or a salted immutable set/map. */
    private static final Set<String> HASHING_COLLECTORS = Set.of("toSet", "toMap", "toUnmodifiableSet",
            "toUnmodifiableMap", "groupingBy", "groupingByConcurrent", "toConcurrentMap");

    @ArchTest
    static final ArchRule no_wall_clock_in_core = noWallClockInCore(ProductImport.ROOT);

    @ArchTest
    static final ArchRule no_randomness_in_core = noRandomnessInCore(ProductImport.ROOT);

    @ArchTest
    static final ArchRule no_threads_or_executors_in_core = noThreadsOrExecutorsInCore(ProductImport.ROOT);

    @ArchTest
    static final ArchRule no_environment_reads_in_core = noEnvironmentReadsInCore(ProductImport.ROOT);

    @ArchTest
    static final ArchRule no_file_or_network_io_in_core_except_configuration_loading =
            noFileOrNetworkIoInCoreExceptConfigurationLoading(ProductImport.ROOT);

    @ArchTest
    static final ArchRule no_hash_ordered_containers_in_state_or_processing =
            noHashOrderedContainersInStateOrProcessing(ProductImport.ROOT);

    /** The import is the product, not nothing: these rules cannot pass vacuously. */
    @ArchTest
    static void imports_the_product(JavaClasses classes) {
        ProductImport.assertImportsProduct(classes);
    }

    private DeterminismRules() {
    }

    /** No wall-clock read in {@code root.core}: System time, {@code java.time} now(), Clock, Date, Calendar. */
    static ArchRule noWallClockInCore(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethodWhere(describe("a java.time now() method",
                        call -> call.getTarget().getName().equals("now")
                                && call.getTargetOwner().getPackageName().startsWith("java.time")))
                .orShould().dependOnClassesThat(assignableTo(InstantSource.class)
                        .or(assignableTo(Clock.class))
                        .or(assignableTo(Date.class))
                        .or(assignableTo(Calendar.class)))
                .because("SPEC §2, D2, I1: the only time the core knows is control time, max(localTsNs) "
                        + "derived from the stream; a wall-clock read makes State depend on when it ran");
    }

    /** No random source in {@code root.core}: Random and every RandomGenerator, Math.random, UUID.randomUUID. */
    static ArchRule noRandomnessInCore(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat(assignableTo(RandomGenerator.class))
                .orShould().callMethod(Math.class, "random")
                .orShould().callMethod(StrictMath.class, "random")
                .orShould().callMethod(UUID.class, "randomUUID")
                .because("SPEC §1, D1, E5: identical inputs give identical State; random numbers "
                        + "(java.util.Random, SecureRandom, ThreadLocalRandom, SplittableRandom, Math.random, "
                        + "UUID.randomUUID) are an input that is not in the stream");
    }

    /** No threads, executors, timers, thread-locals or java.util.concurrent in {@code root.core}. */
    static ArchRule noThreadsOrExecutorsInCore(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().dependOnClassesThat(assignableTo(Thread.class)
                        .or(assignableTo(ThreadLocal.class))
                        .or(assignableTo(Timer.class))
                        .or(assignableTo(TimerTask.class))
                        .or(resideInAPackage("java.util.concurrent..")))
                .because("SPEC §5, D2, EC2: one step runs inside processEventEntry with no other loop, tick "
                        + "or timer; thread timing must not decide anything (executors, timers, locks and "
                        + "atomics live in java.util.concurrent and java.lang.Thread)");
    }

    /** No environment variable, system property, Runtime or identity hash code read in {@code root.core}. */
    static ArchRule noEnvironmentReadsInCore(String root) {
        return noClasses().that().resideInAPackage(root + ".core..")
                .should().callMethodWhere(describe("System.getenv/getProperty/getProperties/setProperty/"
                                + "clearProperty/identityHashCode",
                        call -> call.getTargetOwner().isEquivalentTo(System.class)
                                && SYSTEM_ENVIRONMENT_METHODS.contains(call.getTarget().getName())))
                .orShould().callMethod(Integer.class, "getInteger", String.class)
                .orShould().callMethod(Integer.class, "getInteger", String.class, int.class)
                .orShould().callMethod(Integer.class, "getInteger", String.class, Integer.class)
                .orShould().callMethod(Long.class, "getLong", String.class)
                .orShould().callMethod(Long.class, "getLong", String.class, long.class)
                .orShould().callMethod(Long.class, "getLong", String.class, Long.class)
                .orShould().callMethod(Boolean.class, "getBoolean", String.class)
                .orShould().dependOnClassesThat().belongToAnyOf(Runtime.class)
                .because("SPEC §1, D3, E5: State = f(stream, configuration) only; environment variables, "
                        + "system properties, the Runtime and identity hash codes are hidden inputs that "
                        + "differ between machines and runs");
    }

    /**
     * No file, network, process or classpath-resource I/O in {@code root.core}, except inside
     * the {@code CoreConfiguration.load(Path[, StrategyCatalog])} overloads.
     */
    static ArchRule noFileOrNetworkIoInCoreExceptConfigurationLoading(String root) {
        return classes().that().resideInAPackage(root + ".core..")
                .should(notPerformIoOutside(root + CONFIGURATION_LOAD))
                .because("SPEC §1, D1, D2: the core's only inputs are the entry and the configuration "
                        + "passed to each call; the one exception is "
                        + "io.tradingchassis.core.config.CoreConfiguration.load(Path[, catalog]), which reads the "
                        + "configuration file at the edge, before any event is processed (SPEC §10)");
    }

    /**
     * In {@code state}, {@code step}, {@code intent}, {@code queue}, {@code risk} and {@code strategy} of
     * {@code root.core}: no HashMap, HashSet, Hashtable, IdentityHashMap or WeakHashMap, and none of the
     * JDK factories whose iteration order is salted per JVM run (Set.of, Map.of, their copyOf, and the
     * hash-based stream collectors). {@code core.config} is not covered: the parser's duplicate-key
     * HashSet never reaches State.
     */
    static ArchRule noHashOrderedContainersInStateOrProcessing(String root) {
        String core = root + ".core";
        return noClasses().that().resideInAnyPackage(core + ".state..", core + ".step..", core + ".intent..",
                        core + ".queue..", core + ".risk..", core + ".strategy..")
                .should().dependOnClassesThat(belongToAnyOf(
                        HashMap.class, HashSet.class, Hashtable.class, IdentityHashMap.class, WeakHashMap.class))
                .orShould().callMethodWhere(describe("Set.of/Set.copyOf/Map.of/Map.ofEntries/Map.copyOf",
                        call -> (call.getTargetOwner().isEquivalentTo(Set.class)
                                        || call.getTargetOwner().isEquivalentTo(Map.class))
                                && SALTED_FACTORY_METHODS.contains(call.getTarget().getName())))
                .orShould().callMethodWhere(describe("a hash-based Collectors method",
                        call -> call.getTargetOwner().isEquivalentTo(Collectors.class)
                                && HASHING_COLLECTORS.contains(call.getTarget().getName())))
                .because("SPEC §1, §4, D3: no iteration order of a hash container may reach State, digests "
                        + "or outputs; use primitive-keyed Agrona maps with sorted keys, arrays, TreeMap, "
                        + "EnumMap/EnumSet or LinkedHashMap/List in state, step, intent, queue, risk and "
                        + "strategy (the config parser's duplicate-key HashSet is outside this set)");
    }

    /** Classes whose use is file, network or process I/O (arrays count as their component type). */
    static boolean isIoType(JavaClass type) {
        JavaClass t = type.getBaseComponentType();
        String pkg = t.getPackageName();
        return pkg.equals("java.nio.file") || pkg.startsWith("java.nio.file.")
                || pkg.equals("java.nio.channels") || pkg.startsWith("java.nio.channels.")
                || pkg.equals("java.net") || pkg.startsWith("java.net.")
                || pkg.equals("javax.net") || pkg.startsWith("javax.net.")
                || IO_CLASSES.contains(t.getName());
    }

    private static final Set<String> IO_CLASSES = Set.of(
            "java.io.File", "java.io.FileDescriptor", "java.io.FileInputStream", "java.io.FileOutputStream",
            "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile", "java.io.FilePermission",
            "java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle");

    /** Resource loading from the classpath is file I/O too. */
    private static boolean isResourceRead(AccessTarget target) {
        JavaClass owner = target.getOwner();
        return (owner.isEquivalentTo(Class.class) || owner.isEquivalentTo(ClassLoader.class))
                && target.getName().startsWith("get") && target.getName().contains("Resource");
    }

    /**
     * Reports every use of an I/O type (field, signature, call, call parameter, catch, instanceof,
     * class literal) and every classpath-resource read, except inside the code unit whose full name
     * is {@code exemptCodeUnit}.
     */
    static ArchCondition<JavaClass> notPerformIoOutside(String exemptCodeUnitPrefix) {
        return new ArchCondition<>("not perform file, network, process or resource I/O outside "
                + exemptCodeUnitPrefix + "…)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaField f : c.getFields()) {
                    for (JavaClass t : f.getType().getAllInvolvedRawTypes()) {
                        report(events, c, isIoType(t), f.getDescription() + " has I/O type " + t.getName()
                                + " in " + c.getSourceCodeLocation());
                    }
                }
                c.getRawSuperclass().ifPresent(s -> report(events, c, isIoType(s),
                        c.getDescription() + " extends I/O type " + s.getName()));
                for (JavaClass i : c.getRawInterfaces()) {
                    report(events, c, isIoType(i), c.getDescription() + " implements I/O type " + i.getName());
                }
                for (JavaCodeUnit u : c.getCodeUnits()) {
                    if (u.getFullName().startsWith(exemptCodeUnitPrefix)) {
                        continue;
                    }
                    checkCodeUnit(u, events);
                }
            }

            private void checkCodeUnit(JavaCodeUnit u, ConditionEvents events) {
                JavaClass c = u.getOwner();
                for (JavaClass t : u.getAllInvolvedRawTypes()) {
                    report(events, c, isIoType(t), u.getDescription() + " has I/O type " + t.getName()
                            + " in its signature");
                }
                for (JavaClass t : u.getExceptionTypes()) {
                    report(events, c, isIoType(t), u.getDescription() + " declares I/O exception " + t.getName());
                }
                for (JavaAccess<?> a : u.getAccessesFromSelf()) {
                    AccessTarget target = a.getTarget();
                    if (isIoType(target.getOwner()) || isResourceRead(target)) {
                        report(events, c, true, a.getDescription());
                        continue;
                    }
                    if (a instanceof JavaCall<?> call) {
                        for (JavaClass p : call.getTarget().getRawParameterTypes()) {
                            if (isIoType(p)) {
                                report(events, c, true, a.getDescription() + " (takes I/O type " + p.getName() + ")");
                                break;
                            }
                        }
                    }
                }
                u.getReferencedClassObjects().forEach(r -> report(events, c, isIoType(r.getRawType()),
                        u.getDescription() + " references class object " + r.getRawType().getName()
                                + " in " + r.getSourceCodeLocation()));
                u.getInstanceofChecks().forEach(r -> report(events, c, isIoType(r.getRawType()),
                        u.getDescription() + " checks instanceof " + r.getRawType().getName()
                                + " in " + r.getSourceCodeLocation()));
                u.getTryCatchBlocks().forEach(b -> b.getCaughtThrowables().forEach(t -> report(events, c,
                        isIoType(t), u.getDescription() + " catches I/O type " + t.getName()
                                + " in " + b.getSourceCodeLocation())));
            }

            private void report(ConditionEvents events, JavaClass c, boolean violated, String message) {
                if (violated) {
                    events.add(SimpleConditionEvent.violated(c, message));
                }
            }
        };
    }
}
