package netlab.kernel.cli;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The ids of the exercises in the lessons jar. netlab.jar does not contain the lessons (students compile
 * against them alone), so the kernel JVM reads them from the lessons jar beside it, through a class loader
 * of their own and reflection; in a build tree where the lessons classes are already visible, those are used.
 */
final class ExerciseIds {

    private ExerciseIds() {
    }

    static Set<String> load() throws Exception {
        ClassLoader loader = ExerciseIds.class.getClassLoader();
        try {
            Class.forName("netlab.exercise.Exercises", false, loader);
            return idsFrom(loader);
        } catch (ClassNotFoundException notBeside) {
            Path lessons = NetlabHome.locate().lessonsJar();
            try (URLClassLoader jar = new URLClassLoader(new URL[] {lessons.toUri().toURL()}, loader)) {
                return idsFrom(jar);
            }
        }
    }

    private static Set<String> idsFrom(ClassLoader loader) throws Exception {
        Class<?> exercises = Class.forName("netlab.exercise.Exercises", true, loader);
        Class<?> exercise = Class.forName("netlab.exercise.Exercise", false, loader);
        Method id = exercise.getMethod("id");
        Set<String> ids = new HashSet<>();
        for (Object e : (List<?>) exercises.getMethod("all").invoke(null)) {
            ids.add((String) id.invoke(e));
        }
        return ids;
    }
}
