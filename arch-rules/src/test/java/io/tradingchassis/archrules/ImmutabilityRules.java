package io.tradingchassis.archrules;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaGenericArrayType;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.domain.JavaWildcardType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.Set;

/**
 * Immutability of the values that enter the stream or configure a run (SPEC §3, §10, E3): every
 * event type and every configuration value class is a record or a class with only final fields, and
 * every field's type is itself immutable.
 *
 * <p>Immutable field types: primitives; {@code String}, the boxed primitives, {@code BigDecimal},
 * {@code BigInteger}; enums whose instance fields are immutable; records and final classes of the
 * product whose fields are immutable (checked recursively); sealed interfaces of the product whose
 * permitted subclasses are immutable; and the collection interfaces {@code List}, {@code Set},
 * {@code Map}, {@code SortedSet}, {@code SortedMap} with immutable type arguments. The collection
 * interfaces are accepted on trust: immutability then rests on the constructors copying into
 * unmodifiable collections ({@code List.copyOf}, {@code Collections.unmodifiableSortedMap}), which a
 * static check cannot see. Arrays are always mutable, so a record with an array component fails.
 */
@AnalyzeClasses(packages = ProductImport.ROOT,
        importOptions = {ImportOption.DoNotIncludeTests.class, ProductImport.ExcludeFixtures.class})
public final class ImmutabilityRules {

    @ArchTest
    static final ArchRule event_types_are_immutable = eventTypesAreImmutable(ProductImport.ROOT);

    @ArchTest
    static final ArchRule configuration_is_immutable = configurationIsImmutable(ProductImport.ROOT);

    /** The import is the product, not nothing: these rules cannot pass vacuously. */
    @ArchTest
    static void imports_the_product(JavaClasses classes) {
        ProductImport.assertImportsProduct(classes);
    }

    private static final Set<String> IMMUTABLE_JDK_TYPES = Set.of(
            "java.lang.String", "java.lang.Boolean", "java.lang.Byte", "java.lang.Short", "java.lang.Character",
            "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            "java.math.BigDecimal", "java.math.BigInteger");

    private static final Set<String> TRUSTED_COLLECTION_INTERFACES = Set.of(
            "java.util.List", "java.util.Set", "java.util.Map", "java.util.SortedSet", "java.util.SortedMap");

    private ImmutabilityRules() {
    }

    /**
     * Every class in {@code root.core.event} and every implementation of {@code root.core.event.Event}
     * (interfaces and enums aside) is deeply immutable. This covers the Event records and the values
     * they carry or are wrapped in: OrderCommand, PriceLevel, EventStreamEntry, ProcessingPosition.
     */
    static ArchRule eventTypesAreImmutable(String root) {
        String event = root + ".core.event";
        return classes().that(valueClasses())
                .and(assignableTo(event + ".Event").or(resideInAPackage(event + "..")))
                .should(beDeeplyImmutable(root, Set.of()))
                .because("SPEC §3, E3: events are immutable once appended — a record or only final fields "
                        + "of immutable types, so nothing can change an entry after it is in the stream; "
                        + "List fields are accepted because the constructors copy them (List.copyOf)");
    }

    /**
     * Every value class of {@code root.core.config} is deeply immutable, except the parser (and its
     * nested helpers) and ConfigurationException. Two fields are exempt: CoreConfiguration.commandRank
     * and StrategyConfig.provider (the factory the strategy section was resolved against: not part of
     * the value — equality and the fingerprint use its id, version and parameters, which are checked).
     */
    static ArchRule configurationIsImmutable(String root) {
        String config = root + ".core.config";
        Set<String> excludedWithNested = Set.of(config + ".ConfigurationParser", config + ".ConfigurationException");
        Set<String> excludedExactly = Set.of();
        // CoreConfiguration.strategy is skipped here only because its class, StrategyConfig, is checked
        // itself (with its provider exempt): the recursion does not know the exemption.
        Set<String> exemptFields = Set.of(config + ".CoreConfiguration.commandRank",
                config + ".StrategyConfig.provider", config + ".CoreConfiguration.strategy");
        return classes().that().resideInAPackage(config + "..")
                .and(valueClasses())
                .and(describe("are not the parser or ConfigurationException",
                        c -> !excludedExactly.contains(c.getName())
                                && excludedWithNested.stream().noneMatch(
                                        x -> c.getName().equals(x) || c.getName().startsWith(x + "$"))))
                .should(beDeeplyImmutable(root, exemptFields))
                .because("SPEC §10, E2, E3: the configuration is passed to every call and fingerprinted once, "
                        + "so it may not change after it is built; List/Set/SortedMap fields are accepted "
                        + "because the constructors copy them (List.copyOf, an unmodifiable EnumSet copy, "
                        + "unmodifiableSortedMap). Exempt: CoreConfiguration.commandRank, a private int[] "
                        + "lookup table filled in the constructor and never exposed (allocation-free "
                        + "commandRank(type) on the hot path); StrategyConfig.provider, the strategy factory, "
                        + "which is not part of the value (equality and fingerprint use id, version and "
                        + "parameters)");
    }

    /** Concrete classes: not interfaces (no state), enums (checked as field types), or synthetic classes. */
    static DescribedPredicate<JavaClass> valueClasses() {
        return describe("are value classes (not interfaces, enums or synthetic)",
                c -> !c.isInterface() && !c.isEnum() && !c.getModifiers().contains(JavaModifier.SYNTHETIC));
    }

    /**
     * Every field (static too) is final and of an immutable type; a superclass other than Object is
     * itself immutable. Product types (under {@code root}) are checked recursively; outside the root,
     * only the JDK value types and trusted collection interfaces are immutable. Fields named in
     * {@code exemptFields} ({@code pkg.Class.field}) are skipped.
     */
    static ArchCondition<JavaClass> beDeeplyImmutable(String root, Set<String> exemptFields) {
        return new ArchCondition<>("have only final fields of immutable types (records too: no array components)") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                for (JavaField f : c.getFields()) {
                    if (f.getModifiers().contains(JavaModifier.SYNTHETIC) || exemptFields.contains(f.getFullName())) {
                        continue;
                    }
                    if (!f.getModifiers().contains(JavaModifier.FINAL)) {
                        events.add(SimpleConditionEvent.violated(f, f.getDescription() + " is not final"));
                    }
                    String why = mutableReason(f.getType(), root, new HashSet<>());
                    if (why != null) {
                        events.add(SimpleConditionEvent.violated(f,
                                f.getDescription() + " has type " + typeName(f.getType()) + ", which " + why));
                    }
                }
                c.getRawSuperclass().filter(s -> !isRootSuperclass(s)).ifPresent(s -> {
                    String why = mutableReason(s, root, new HashSet<>());
                    if (why != null) {
                        events.add(SimpleConditionEvent.violated(c,
                                c.getDescription() + " extends " + s.getName() + ", which " + why));
                    }
                });
            }
        };
    }

    /** Java-source spelling of a type: {@code long[]} rather than the JVM's {@code [J}. */
    static String typeName(JavaType type) {
        if (type instanceof JavaClass k && k.isArray()) {
            return typeName(k.getComponentType()) + "[]";
        }
        return type.getName();
    }

    private static boolean isRootSuperclass(JavaClass s) {
        return s.isEquivalentTo(Object.class) || s.isEquivalentTo(Record.class) || s.isEquivalentTo(Enum.class);
    }

    /** Null when {@code type} is immutable, else why it is not (completes "…, which "). */
    static String mutableReason(JavaType type, String root, Set<String> visiting) {
        if (type instanceof JavaParameterizedType p) {
            String why = mutableReason(p.toErasure(), root, visiting);
            if (why != null) {
                return why;
            }
            for (JavaType arg : p.getActualTypeArguments()) {
                String argWhy = mutableReason(arg, root, visiting);
                if (argWhy != null) {
                    return "has type argument " + typeName(arg) + ", which " + argWhy;
                }
            }
            return null;
        }
        if (type instanceof JavaWildcardType w) {
            if (!w.getLowerBounds().isEmpty() || w.getUpperBounds().isEmpty()) {
                return "is an unbounded or lower-bounded wildcard";
            }
            for (JavaType bound : w.getUpperBounds()) {
                String why = mutableReason(bound, root, visiting);
                if (why != null) {
                    return why;
                }
            }
            return null;
        }
        if (type instanceof JavaTypeVariable<?>) {
            return "is a type variable (any type could be substituted)";
        }
        if (type instanceof JavaGenericArrayType) {
            return "is an array (arrays are mutable)";
        }
        return classReason((JavaClass) type, root, visiting);
    }

    private static String classReason(JavaClass k, String root, Set<String> visiting) {
        if (k.isPrimitive()) {
            return null;
        }
        if (k.isArray()) {
            return "is an array (arrays are mutable)";
        }
        if (IMMUTABLE_JDK_TYPES.contains(k.getName()) || TRUSTED_COLLECTION_INTERFACES.contains(k.getName())) {
            return null;
        }
        boolean inRoot = k.getPackageName().equals(root) || k.getPackageName().startsWith(root + ".");
        if (!k.isEnum() && !inRoot) {
            return "is not a known immutable type";
        }
        if (!visiting.add(k.getName())) {
            return null; // already being checked further up: assume immutable, the outer check decides
        }
        if (k.isInterface()) {
            if (!k.isSealed()) {
                return "is an interface that is not sealed (an implementation could be mutable)";
            }
            for (JavaClass permitted : k.getPermittedSubclasses().orElse(Set.of())) {
                String why = classReason(permitted, root, visiting);
                if (why != null) {
                    return "permits " + permitted.getName() + ", which " + why;
                }
            }
            return null;
        }
        if (!k.isRecord() && !k.isEnum() && !k.getModifiers().contains(JavaModifier.FINAL)) {
            return "is not final (a subclass could add mutable state)";
        }
        for (JavaField f : k.getFields()) {
            if (f.getModifiers().contains(JavaModifier.STATIC) || f.getModifiers().contains(JavaModifier.SYNTHETIC)) {
                continue;
            }
            if (!f.getModifiers().contains(JavaModifier.FINAL)) {
                return "has non-final field " + f.getName();
            }
            String why = mutableReason(f.getType(), root, visiting);
            if (why != null) {
                return "has field " + f.getName() + " of type " + typeName(f.getType()) + ", which " + why;
            }
        }
        if (k.isEnum()) {
            return null;
        }
        return k.getRawSuperclass().filter(s -> !isRootSuperclass(s))
                .map(s -> {
                    String why = classReason(s, root, visiting);
                    return why == null ? null : "extends " + s.getName() + ", which " + why;
                })
                .orElse(null);
    }
}
