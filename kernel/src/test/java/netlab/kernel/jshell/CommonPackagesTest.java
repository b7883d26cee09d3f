package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class CommonPackagesTest {

    @Test
    void findsThePackageThatDeclaresATypeInTheCoursesOrder() {
        assertEquals(Optional.of("java.util"), CommonPackages.declaring("ArrayList"));
        assertEquals(Optional.of("java.util.concurrent"), CommonPackages.declaring("Executors"));
        assertEquals(Optional.of("java.nio.channels"), CommonPackages.declaring("Selector"));
        assertEquals(Optional.of("java.nio.file"), CommonPackages.declaring("Files"));
        assertEquals(Optional.of("java.net"), CommonPackages.declaring("InetSocketAddress"));
        // java.util and java.util.concurrent.locks: not java.awt's List, and the first package wins
        assertEquals(Optional.of("java.util"), CommonPackages.declaring("List"));
    }

    @Test
    void aTypoANestedNameOrALowerCaseNameGetsNone() {
        assertEquals(Optional.empty(), CommonPackages.declaring("Arraylist"));
        assertEquals(Optional.empty(), CommonPackages.declaring("Map$Entry"));
        assertEquals(Optional.empty(), CommonPackages.declaring("count"));
        assertEquals(Optional.empty(), CommonPackages.declaring(""));
    }
}
