package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import netlab.kernel.course.CourseLibrary;
import org.junit.jupiter.api.Test;

class CommonPackagesTest {

    private final CommonPackages course = new CommonPackages(new PackageTypes(List.of(CourseLibrary.location())));

    @Test
    void findsThePackageThatDeclaresATypeInTheCoursesOrder() {
        assertEquals(Optional.of("java.util"), course.declaring("ArrayList"));
        assertEquals(Optional.of("java.util.concurrent"), course.declaring("Executors"));
        assertEquals(Optional.of("java.nio.channels"), course.declaring("Selector"));
        assertEquals(Optional.of("java.nio.file"), course.declaring("Files"));
        assertEquals(Optional.of("java.net"), course.declaring("InetSocketAddress"));
        // java.util and java.util.concurrent.locks: not java.awt's List, and the first package wins
        assertEquals(Optional.of("java.util"), course.declaring("List"));
    }

    /** What chapters 3 and 4 import in their first cell and the start does not. */
    @Test
    void theCourseLibrarysPackagesComeFromTheStudentsClassPath() {
        assertEquals(Optional.of("netlab.servers"), course.declaring("Servers"));
        assertEquals(Optional.of("netlab.course"), course.declaring("Pictures"), "chapters 1 and 2 import it");
        assertEquals(Optional.of("netlab.load"), course.declaring("Load"));
        assertEquals(Optional.of("netlab.dns"), course.declaring("DnsLab"));
        assertEquals(Optional.empty(), CommonPackages.JDK.declaring("Servers"));
        assertEquals(Optional.of("java.util"), CommonPackages.JDK.declaring("ArrayList"));
    }

    @Test
    void aTypoANestedNameOrALowerCaseNameGetsNone() {
        assertEquals(Optional.empty(), course.declaring("Arraylist"));
        assertEquals(Optional.empty(), course.declaring("Map$Entry"));
        assertEquals(Optional.empty(), course.declaring("count"));
        assertEquals(Optional.empty(), course.declaring(""));
    }
}
