package netlab.exercise;

import java.util.List;

/**
 * Hidden cases, in {@code netlab-grader.jar} only (service file
 * {@code META-INF/services/netlab.exercise.HiddenCaseSet}). The grading JVM finds them with
 * {@link java.util.ServiceLoader}; a grading agent gets their probes only ({@link HiddenProbes}), never their
 * expected values. Make each case with a factory in the lessons ({@code netlab.course}), e.g.
 * {@code new HiddenCases<>("net.port-kind", PortKind.class, List.of(UdpExercises.portKindCase(1023, "well-known")))}:
 * the agent runs the factory's probe. The student image never has an implementation.
 */
public interface HiddenCaseSet {

    List<HiddenCases<?>> hiddenCases();
}
