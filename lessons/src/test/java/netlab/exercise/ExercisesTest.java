package netlab.exercise;

import netlab.course.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExercisesTest {

    @Test
    void theRegistryFindsTheSampleExercisesThroughServiceLoader() {
        assertEquals("Class of an IPv4 address", Exercises.find("ip.class-of").title());
        assertEquals(IpExercises.SameSubnet.class, Exercises.find("ip.same-subnet").answerType());
        assertTrue(Exercises.all().size() >= 2);
        assertTrue(Exercises.hiddenCases(IpExercises.CLASS_OF).isEmpty(), "lessons alone carries no hidden case");
    }

    @Test
    void badIdsAndEmptyExercisesAreRefusedWithWhatToDo() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> Exercise.of("Class Of", "t", Runnable.class));
        assertTrue(bad.getMessage().contains("like 'udp.echo-server'"), bad.getMessage());
        IllegalStateException empty = assertThrows(IllegalStateException.class,
                () -> Exercise.of("a.b", "t", Runnable.class).build());
        assertTrue(empty.getMessage().contains("has no public case"), empty.getMessage());
    }

    @Test
    void todoStubsAreRecognisedThroughCauses() {
        assertTrue(CaseRunner.isTodoStub(new RuntimeException(new UnsupportedOperationException("TODO: x"))));
        assertTrue(!CaseRunner.isTodoStub(new UnsupportedOperationException("not supported")));
    }
}
