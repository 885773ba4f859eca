package se.somg.portal.architecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.DenyAll;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Schedule;
import jakarta.ejb.Schedules;
import jakarta.ejb.Singleton;
import jakarta.ejb.Stateless;
import jakarta.ejb.Timeout;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Policy §2 and §6: every business method of every EJB says who may call it, on the method or on its class
 * ({@code @RolesAllowed}, or {@code @PermitAll}/{@code @DenyAll} on purpose), read by reflection over all of
 * portal-ejb, so a new service or method without a decision fails here instead of being open to every caller.
 */
class ServiceRolesTest {

    private static final JavaClasses SERVICES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> location.contains("/portal-ejb/"))
            .importPackages("se.somg.portal");

    @Test
    void everyBusinessMethodOfEveryServiceDeclaresWhoMayCallIt() {
        List<JavaClass> services = SERVICES.stream()
                .filter(type -> type.isAnnotatedWith(Stateless.class) || type.isAnnotatedWith(Singleton.class))
                .toList();
        assertTrue(services.size() >= 30, "the services were found: " + services.size());
        TreeSet<String> undecided = new TreeSet<>();
        for (JavaClass service : services) {
            boolean classDecides = service.isAnnotatedWith(RolesAllowed.class)
                    || service.isAnnotatedWith(PermitAll.class)
                    || service.isAnnotatedWith(DenyAll.class);
            for (JavaMethod method : service.getMethods()) {
                if (!method.getModifiers().contains(JavaModifier.PUBLIC)
                        || method.getModifiers().contains(JavaModifier.STATIC)
                        || method.getModifiers().contains(JavaModifier.SYNTHETIC)
                        || method.getModifiers().contains(JavaModifier.BRIDGE)
                        || lifecycle(method)) {
                    continue;
                }
                boolean methodDecides = method.isAnnotatedWith(RolesAllowed.class)
                        || method.isAnnotatedWith(PermitAll.class)
                        || method.isAnnotatedWith(DenyAll.class);
                if (!classDecides && !methodDecides) {
                    undecided.add(service.getSimpleName() + "." + method.getName());
                }
            }
        }
        assertEquals(new TreeSet<String>(), undecided, "business methods that do not say who may call them");
    }

    /** Called by the container only (start-up, timers), never by a caller. */
    private static boolean lifecycle(JavaMethod method) {
        return method.isAnnotatedWith(PostConstruct.class)
                || method.isAnnotatedWith(PreDestroy.class)
                || method.isAnnotatedWith(Schedule.class)
                || method.isAnnotatedWith(Schedules.class)
                || method.isAnnotatedWith(Timeout.class);
    }
}
