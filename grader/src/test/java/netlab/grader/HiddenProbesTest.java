package netlab.grader;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.List;
import netlab.exercise.Check;
import netlab.exercise.Exercise;
import netlab.exercise.Exercises;
import org.junit.jupiter.api.Test;

/**
 * Every hidden case travels to a grading agent as its probe alone, and the agent (the lessons without this
 * jar) can rebuild every one: a case whose probe were written here, or captured something that cannot be
 * serialized, fails here rather than as "not run" in a class's grades.
 */
class HiddenProbesTest {

    @Test
    void everyHiddenProbeIsReadWhereOnlyTheLessonsAre() throws Exception {
        URL lessons = Check.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader agent = new URLClassLoader(new URL[] {lessons}, ClassLoader.getPlatformClassLoader())) {
            Method decode = Class.forName("netlab.exercise.HiddenProbes", true, agent).getDeclaredMethod("decode", String.class);
            decode.setAccessible(true);
            int checked = 0;
            for (Exercise<?> e : Exercises.all()) {
                List<?> probes = (List<?>) decode.invoke(null, Check.hiddenProbes(e.id()));
                assertEquals(e.hiddenCaseCount(), probes.size(), e.id());
                checked += probes.size();
            }
            assertEquals(true, checked > 20, "hidden probes decoded: " + checked);
        }
    }

    @Test
    void aProbeWrittenInTheGradersJarIsRefusedWithTheReason() {
        var c = netlab.exercise.Case.<netlab.course.IpExercises.ClassOf>named("local").expect("A", a -> a.classOf("1.2.3.4"));
        var set = new netlab.exercise.HiddenCases<>("ip.class-of", netlab.course.IpExercises.ClassOf.class, List.of(c));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> encode(set));
        assertEquals(true, e.getMessage().contains("outside the lessons"), e.getMessage());
    }

    private static void encode(netlab.exercise.HiddenCases<?> set) throws Throwable {
        Method encode = Class.forName("netlab.exercise.HiddenProbes").getDeclaredMethod("encode", Exercise.class, List.class);
        encode.setAccessible(true);
        try {
            encode.invoke(null, Exercises.find(set.exerciseId()), set.cases());
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
