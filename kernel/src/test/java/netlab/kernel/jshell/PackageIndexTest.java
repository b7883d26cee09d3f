package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackageIndexTest {

    @Test
    void jdkPackagesAreWhatModulesExportToEveryone() {
        Set<String> packages = PackageIndex.jdkPackages();
        assertTrue(packages.containsAll(Set.of("java.util", "java.net", "java.nio.channels", "javax.net")),
                "the JDK's public packages");
        assertFalse(packages.contains("jdk.internal.misc"), "exported to named modules only");
        assertFalse(packages.contains("sun.nio.ch"), "not exported");
    }

    @Test
    void jarPackagesAreTheDirectoriesOfItsClasses(@TempDir Path dir) throws IOException {
        Path jar = dir.resolve("course.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String name : new String[] {"netlab/ip/Ip.class", "netlab/ip/Ip$Net.class", "netlab/net/",
                    "netlab/net/Udp.class", "netlab/text/ip_zh.properties", "Top.class",
                    "META-INF/versions/21/netlab/extra/New.class", "META-INF/MANIFEST.MF"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.closeEntry();
            }
        }
        assertEquals(Set.of("netlab.ip", "netlab.net"), PackageIndex.jarPackages(jar));
    }
}
