package netlab.kernel.jshell;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Field;

/**
 * Reaching JShell's non-public members, for the engine pieces that change how JShell works inside
 * ({@link DeclarationBatch}, {@link ImportPruning}, {@link StaleClassFiles}, {@link PackageIndex}). It needs
 * {@code jdk.jshell/jdk.jshell} opened to the kernel (netlab.jar's manifest {@code Add-Opens}); without it each
 * call throws {@code InaccessibleObjectException}, which each piece catches and then leaves JShell as it is.
 */
final class JShellInternals {

    private JShellInternals() {
    }

    /** {@code member}, made accessible. */
    static <T extends AccessibleObject> T open(T member) {
        member.setAccessible(true);
        return member;
    }

    /** The value of {@code owner}'s static field {@code name}. */
    @SuppressWarnings("unchecked")
    static <T> T staticField(Class<?> owner, String name) throws ReflectiveOperationException {
        Field f = open(owner.getDeclaredField(name));
        return (T) f.get(null);
    }
}
