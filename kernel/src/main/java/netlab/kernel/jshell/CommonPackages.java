package netlab.kernel.jshell;

import java.util.List;
import java.util.Optional;

/**
 * The JDK packages a course cell most often needs and does not get without an import (a notebook imports them in
 * its first cell; after a restart, or in a notebook of one's own, that cell has not run), and which of them
 * declares a type: {@link CompileExplainer} names the import a name that is not known needs.
 *
 * <pre>{@code
 * CommonPackages.declaring("ArrayList")   // Optional[java.util]
 * CommonPackages.declaring("Selector")    // Optional[java.nio.channels]
 * CommonPackages.declaring("Strin")       // Optional.empty
 * }</pre>
 *
 * <p>Read from the runtime image once per package, on the first unknown name (a compile error, off every cell's
 * path); in this order, so a name two of them declare gets the one a beginner means.
 */
final class CommonPackages {

    private static final List<String> PACKAGES = List.of("java.util", "java.util.concurrent", "java.util.function",
            "java.util.stream", "java.io", "java.net", "java.nio", "java.nio.channels", "java.nio.charset",
            "java.nio.file", "java.time", "java.math", "java.util.regex", "java.util.concurrent.atomic",
            "java.util.concurrent.locks");

    /** The JDK's packages only: the course library's are imported at every start. */
    private static final PackageTypes JDK = new PackageTypes(List.of());

    private CommonPackages() {
    }

    /** The first of {@link #PACKAGES} that declares a type named {@code simpleName}, or empty. */
    static Optional<String> declaring(String simpleName) {
        // types are capitalised (a lower-case name is a variable or a method); a '$' is a nested class's file
        if (simpleName.isEmpty() || !Character.isUpperCase(simpleName.charAt(0)) || simpleName.indexOf('$') >= 0) {
            return Optional.empty();
        }
        return PACKAGES.stream().filter(p -> JDK.of(p).map(types -> types.contains(simpleName)).orElse(false))
                .findFirst();
    }
}
