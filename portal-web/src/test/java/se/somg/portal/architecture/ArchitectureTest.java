package se.somg.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The portal's modules and feature slices, read from the compiled classes of portal-model, portal-ejb and portal-web
 * together (a feature's package spans all three): web depends on ejb, ejb on model, never back; only the EJB services
 * touch the {@link EntityManager}; and no cycle between feature slices, except inside the one knot this project grew
 * before the rule existed ({@link #KNOT}), which may only shrink.
 */
class ArchitectureTest {

    private static final String MODEL = "portal-model";

    private static final String EJB = "portal-ejb";

    private static final String WEB = "portal-web";

    /**
     * The slices that still depend on each other both ways, each pair written once. Remove a pair when its cycle is
     * broken (the test says so); never add one.
     */
    private static final Set<String> KNOT = Set.of("account<->consent", "account<->preference", "account<->profile");

    private static final JavaClasses PORTAL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // the launcher and the embedded database are never deployed; the passkey library's relocated annotations
            // are a third party's code that only lives in our namespace
            .withImportOption(location -> !location.contains("/portal-devdb")
                    && !location.contains("/portal-run")
                    && !location.contains("/passkeys/jackson/"))
            .importPackages("se.somg.portal");

    @Test
    void theModelDependsOnNeitherServicesNorViews() {
        noClasses()
                .that(inModule(MODEL))
                .should()
                .dependOnClassesThat(inModule(EJB).or(inModule(WEB)))
                .check(PORTAL);
    }

    @Test
    void theServicesDependOnNoView() {
        noClasses()
                .that(inModule(EJB))
                .should()
                .dependOnClassesThat(inModule(WEB))
                .check(PORTAL);
    }

    @Test
    void onlyTheServicesUseTheEntityManager() {
        noClasses()
                .that(inModule(EJB).negate())
                .should()
                .dependOnClassesThat()
                .areAssignableTo(EntityManager.class)
                .check(PORTAL);
    }

    @Test
    void featureSlicesFormNoCycleOutsideTheKnownKnot() {
        Set<String> knotted = new TreeSet<>();
        KNOT.forEach(pair -> knotted.addAll(Set.of(pair.split("<->"))));
        slices().matching("se.somg.portal.(*)..")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(inSlice(knotted), inSlice(knotted))
                .check(PORTAL);
    }

    @Test
    void theKnotOnlyShrinks() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (JavaClass origin : PORTAL) {
            for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                Optional<String> from = slice(origin);
                Optional<String> to = slice(dependency.getTargetClass());
                if (from.isPresent() && to.isPresent() && !from.equals(to)) {
                    uses.computeIfAbsent(from.get(), key -> new TreeSet<>()).add(to.get());
                }
            }
        }
        Set<String> bothWays = new TreeSet<>();
        uses.forEach((from, targets) -> targets.stream()
                .filter(to -> from.compareTo(to) < 0)
                .filter(to -> uses.getOrDefault(to, Set.of()).contains(from))
                .forEach(to -> bothWays.add(from + "<->" + to)));
        assertEquals(
                new TreeSet<>(KNOT),
                bothWays,
                "slices that depend on each other both ways: break a new pair; remove a broken one from KNOT");
    }

    private static Optional<String> slice(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith("se.somg.portal.")) {
            return Optional.empty();
        }
        String rest = name.substring("se.somg.portal.".length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    private static DescribedPredicate<JavaClass> inSlice(Set<String> names) {
        return DescribedPredicate.describe(
                "in one of the slices " + names,
                type -> slice(type).map(names::contains).orElse(false));
    }

    private static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe(
                "in " + module,
                type -> type.getSource()
                        .map(source -> source.getUri().toString().contains("/" + module + "/"))
                        .orElse(false));
    }
}
