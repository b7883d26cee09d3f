package netlab.exercise;

import java.util.List;

/**
 * Hidden cases, in {@code netlab-grader.jar} only (service file
 * {@code META-INF/services/netlab.exercise.HiddenCaseSet}). The grading JVM finds them with
 * {@link java.util.ServiceLoader}; a grading agent gets them from {@link GraderModule}, which keeps their
 * expected values out of reach of student code. The student image never has an implementation.
 */
public interface HiddenCaseSet {

    List<HiddenCases<?>> hiddenCases();
}
