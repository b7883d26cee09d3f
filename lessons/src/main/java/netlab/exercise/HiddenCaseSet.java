package netlab.exercise;

import java.util.List;

/**
 * Hidden cases, found with {@link java.util.ServiceLoader} in {@code netlab-grader.jar} only (service file
 * {@code META-INF/services/netlab.exercise.HiddenCaseSet}). The student image never has an implementation,
 * so in a notebook {@link Exercises#hiddenCases} is always empty.
 */
public interface HiddenCaseSet {

    List<HiddenCases<?>> hiddenCases();
}
