package netlab.exercise;

import java.util.List;

/**
 * A group of exercises, found with {@link java.util.ServiceLoader}: list the implementing class in
 * {@code META-INF/services/netlab.exercise.ExerciseSet}. The lessons jar holds the public definitions.
 */
public interface ExerciseSet {

    List<Exercise<?>> exercises();
}
