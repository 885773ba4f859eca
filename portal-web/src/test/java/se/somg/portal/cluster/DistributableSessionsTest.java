package se.somg.portal.cluster;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ConversationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Serializable;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Sessions are replicated across the cluster ({@code <distributable/>}): every view-, session- and
 * conversation-scoped bean of the web module, and everything it holds, must serialize. Injected normal-scoped beans
 * and EJBs are proxies that serialize by reference; everything else is followed through its fields.
 */
class DistributableSessionsTest {

    private static final List<Class<? extends Annotation>> REPLICATED =
            List.of(ViewScoped.class, SessionScoped.class, ConversationScoped.class);

    @Test
    void everyReplicatedBeanAndWhatItHoldsSerializes() throws Exception {
        List<Class<?>> beans = webClasses().stream()
                .filter(c -> REPLICATED.stream().anyMatch(c::isAnnotationPresent))
                .toList();
        assertTrue(beans.size() >= 10, "found only " + beans);
        List<String> problems = new ArrayList<>();
        Set<Type> checked = new HashSet<>();
        for (Class<?> bean : beans) {
            if (!Serializable.class.isAssignableFrom(bean)) {
                problems.add(bean.getName() + " is not Serializable");
            }
            check(bean, bean.getSimpleName(), checked, problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private static void check(Class<?> type, String path, Set<Type> checked, List<String> problems) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field field : c.getDeclaredFields()) {
                int modifiers = field.getModifiers();
                if (Modifier.isStatic(modifiers) || Modifier.isTransient(modifiers) || field.isSynthetic()) {
                    continue;
                }
                String where = path + "." + field.getName();
                if (field.isAnnotationPresent(EJB.class)) {
                    continue;
                }
                if (field.isAnnotationPresent(Inject.class)) {
                    if (!isNormalScoped(field.getType()) && !Serializable.class.isAssignableFrom(field.getType())) {
                        problems.add(where + " injects a dependent "
                                + field.getType().getName() + " that does not serialize");
                    }
                    continue;
                }
                checkType(field.getGenericType(), where, checked, problems);
            }
        }
    }

    private static void checkType(Type type, String where, Set<Type> checked, List<String> problems) {
        if (!checked.add(type)) {
            return;
        }
        if (type instanceof ParameterizedType parameterized) {
            for (Type argument : parameterized.getActualTypeArguments()) {
                checkType(argument, where + "<>", checked, problems);
            }
            checkType(parameterized.getRawType(), where, checked, problems);
            return;
        }
        if (!(type instanceof Class<?> c) || c.isPrimitive() || c.isEnum()) {
            return;
        }
        if (c.isInterface()
                && (c.getName().startsWith("java.util.") || c.getName().startsWith("java.lang."))) {
            return; // collections and maps: their elements are checked through the type arguments
        }
        if (!Serializable.class.isAssignableFrom(c) && !c.isArray()) {
            problems.add(where + " holds a " + c.getName() + ", which does not serialize");
            return;
        }
        if (c.getName().startsWith("se.somg.portal.")) {
            check(c, where, checked, problems);
        }
    }

    private static boolean isNormalScoped(Class<?> type) {
        return Stream.of(
                        RequestScoped.class,
                        ApplicationScoped.class,
                        SessionScoped.class,
                        ViewScoped.class,
                        ConversationScoped.class)
                .anyMatch(type::isAnnotationPresent);
    }

    private static List<Class<?>> webClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path root = Path.of(DistributableSessionsTest.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .resolveSibling("classes");
        assertFalse(!Files.isDirectory(root), "no " + root);
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                classes.add(Class.forName(name, false, DistributableSessionsTest.class.getClassLoader()));
            }
        }
        return classes;
    }
}
