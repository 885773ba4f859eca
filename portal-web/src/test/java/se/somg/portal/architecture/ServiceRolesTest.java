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
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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

    /**
     * Need to know (policy §6): which staff roles each service admits, on any of its methods, written down here as
     * the decision it is. Giving a service to one more staff role fails this test until the table says so
     * (AccountServiceIT checks that the server refuses every role a method does not name).
     */
    @Test
    void everyServiceAdmitsTheStaffRolesDecidedForIt() {
        Map<String, Set<String>> admitted = new TreeMap<>();
        for (JavaClass service : SERVICES) {
            if (!service.isAnnotatedWith(Stateless.class) && !service.isAnnotatedWith(Singleton.class)) {
                continue;
            }
            Set<String> roles = new TreeSet<>();
            service.tryGetAnnotationOfType(RolesAllowed.class).ifPresent(a -> roles.addAll(List.of(a.value())));
            for (JavaMethod method : service.getMethods()) {
                method.tryGetAnnotationOfType(RolesAllowed.class).ifPresent(a -> roles.addAll(List.of(a.value())));
            }
            roles.retainAll(STAFF_ROLES);
            if (!roles.isEmpty()) {
                admitted.put(service.getSimpleName(), roles);
            }
        }
        assertEquals(DECIDED, admitted);
    }

    private static final Set<String> STAFF_ROLES =
            Set.of("SUPPORT", "PRIVACY_OFFICER", "COMMUNICATIONS", "ADMINISTRATOR");

    private static final Map<String, Set<String>> DECIDED = new TreeMap<>(Map.ofEntries(
            // one's own account: password, second factors, sessions, sign-in history, for everyone signed in
            Map.entry("AccountService", STAFF_ROLES),
            Map.entry("PasswordService", STAFF_ROLES),
            Map.entry("SecondFactors", STAFF_ROLES),
            Map.entry("Sessions", STAFF_ROLES),
            Map.entry("SignInHistory", STAFF_ROLES),
            // the purposes' descriptions (no one's data) for the staff pages that name them
            Map.entry("ConsentService", Set.of("SUPPORT", "PRIVACY_OFFICER", "COMMUNICATIONS")),
            Map.entry("CustomerLookup", Set.of("SUPPORT")),
            Map.entry("AuditSearch", Set.of("PRIVACY_OFFICER")),
            Map.entry("ComplaintService", Set.of("PRIVACY_OFFICER")),
            Map.entry("DisclosureService", Set.of("PRIVACY_OFFICER")),
            Map.entry("PrivacyOverview", Set.of("PRIVACY_OFFICER")),
            Map.entry("RequestService", Set.of("PRIVACY_OFFICER")),
            Map.entry("RetentionService", Set.of("PRIVACY_OFFICER")),
            Map.entry("BroadcastService", Set.of("COMMUNICATIONS")),
            Map.entry("NoticeLists", Set.of("COMMUNICATIONS")),
            Map.entry("PolicyService", Set.of("COMMUNICATIONS")),
            Map.entry("StaffAdministration", Set.of("ADMINISTRATOR")),
            Map.entry("PlatformAdministration", Set.of("ADMINISTRATOR")),
            // the requester's platforms, while the officer handles a request
            Map.entry("PlatformNews", Set.of("PRIVACY_OFFICER")),
            // why a platform cannot confirm a request: the officer handling it
            Map.entry("PlatformWaivers", Set.of("PRIVACY_OFFICER"))));

    /** Called by the container only (start-up, timers), never by a caller. */
    private static boolean lifecycle(JavaMethod method) {
        return method.isAnnotatedWith(PostConstruct.class)
                || method.isAnnotatedWith(PreDestroy.class)
                || method.isAnnotatedWith(Schedule.class)
                || method.isAnnotatedWith(Schedules.class)
                || method.isAnnotatedWith(Timeout.class);
    }
}
