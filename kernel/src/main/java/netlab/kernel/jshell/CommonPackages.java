package netlab.kernel.jshell;

import java.util.List;
import java.util.Optional;

/**
 * The packages a course cell most often needs and does not get without an import (a notebook imports them in its
 * first cell; after a restart, or in a notebook of one's own, that cell has not run), and which of them declares a
 * type: {@link CompileExplainer} names the import a name that is not known needs. The JDK's first, then the course
 * library's that a chapter imports and the start does not ({@code netlab.ip}, {@code .net}, {@code .tftp} and
 * {@code .display} are imported at every start).
 *
 * <pre>{@code
 * var packages = new CommonPackages(new PackageTypes(options.studentClasspath()));
 * packages.declaring("ArrayList")   // Optional[java.util]
 * packages.declaring("Selector")    // Optional[java.nio.channels]
 * packages.declaring("Servers")     // Optional[netlab.servers]
 * packages.declaring("Strin")       // Optional.empty
 * }</pre>
 *
 * <p>Read from the runtime image and the student's class path once per package, through the {@link PackageTypes}
 * the engine's sessions read for their imports (a compile error reading an unknown name is off every cell's path);
 * in this order, so a name two of them declare gets the one a beginner means.
 */
final class CommonPackages {

    private static final List<String> PACKAGES = List.of("java.util", "java.util.concurrent", "java.util.function",
            "java.util.stream", "java.io", "java.net", "java.nio", "java.nio.channels", "java.nio.charset",
            "java.nio.file", "java.time", "java.math", "java.util.regex", "java.util.concurrent.atomic",
            "java.util.concurrent.locks", "netlab.servers", "netlab.load", "netlab.sim", "netlab.dns", "netlab.live",
            "netlab.course");

    /** The JDK's packages only: for an explainer that knows no student class path. */
    static final CommonPackages JDK = new CommonPackages(new PackageTypes(List.of()));

    private final PackageTypes types;

    /** The packages above, the course library's as {@code types} (the session's, {@link ImportPruning}'s) has them. */
    CommonPackages(PackageTypes types) {
        this.types = types;
    }

    /** The first of the packages above that declares a type named {@code simpleName}, or empty. */
    Optional<String> declaring(String simpleName) {
        // types are capitalised (a lower-case name is a variable or a method); a '$' is a nested class's file
        if (simpleName.isEmpty() || !Character.isUpperCase(simpleName.charAt(0)) || simpleName.indexOf('$') >= 0) {
            return Optional.empty();
        }
        return PACKAGES.stream().filter(p -> types.of(p).map(names -> names.contains(simpleName)).orElse(false))
                .findFirst();
    }
}
