package se.somg.portal.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

/**
 * The portal's modules and feature slices, read from the compiled classes of portal-model, portal-ejb and portal-web
 * together (a feature's package spans all three): web depends on ejb, ejb on model, never back; only the EJB services
 * touch the {@link EntityManager}; and no cycle between feature slices: a feature that merely reacts to another's
 * change observes a CDI event, and what every feature shares lives in the kernel below them.
 */
class ArchitectureTest {

    private static final String MODEL = "portal-model";

    private static final String EJB = "portal-ejb";

    private static final String WEB = "portal-web";

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
    void featureSlicesFormNoCycle() {
        slices().matching("se.somg.portal.(*)..").should().beFreeOfCycles().check(PORTAL);
    }

    private static DescribedPredicate<JavaClass> inModule(String module) {
        return DescribedPredicate.describe(
                "in " + module,
                type -> type.getSource()
                        .map(source -> source.getUri().toString().contains("/" + module + "/"))
                        .orElse(false));
    }
}
