package netlab.kernel.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.kernel.course.CourseLibrary;
import netlab.text.Text;

/**
 * Where netlab's own files are: the kernel jar this code runs from and the lessons jar beside it.
 * Installed layout: both jars in the kernelspec directory. Source layout: {@code kernel/target/netlab.jar}
 * and {@code lessons/target/netlab-lessons.jar}.
 */
record NetlabHome(Path kernelJar, Path lessonsJar) {

    static final String KERNEL_JAR = "netlab.jar";
    static final String LESSONS_JAR = CourseLibrary.JAR;

    /** Finds the jars of the running netlab, or explains why it cannot. */
    static NetlabHome locate() throws UsageException {
        Path self = codeSource();
        if (!Files.isRegularFile(self)) {
            throw new UsageException(Text.of("teacher.home.not-a-jar", self, KERNEL_JAR));
        }
        Path lessons = CourseLibrary.location();
        if (!Files.isRegularFile(lessons)) {
            throw new UsageException(Text.of("teacher.home.lessons", lessons, LESSONS_JAR));
        }
        return new NetlabHome(self, lessons);
    }

    static Path codeSource() {
        return CourseLibrary.codeSource(NetlabHome.class);
    }
}
