package netlab.kernel.grading;

import java.util.List;
import netlab.text.Lang;

/**
 * The grade of one student's notebook.
 *
 * @param student   the student (the submission's directory name)
 * @param notebook  the notebook's file name
 * @param status    {@code graded}, {@code missing} (no file), {@code rejected} (not a gradable notebook) or
 *                  {@code error} (the grader failed on it: the teacher was told why)
 * @param reason    why it was rejected or missing, else ""
 * @param exercises one per exercise of the lesson, in source order
 * @param warnings  what the grader noticed and worked around (edited locked cells, duplicated answers, ...)
 * @param seconds   how long grading took
 * @param lang      the language the student reads (the notebook's, else the lesson's), which feedback is worded in
 */
public record NotebookGrade(String student, String notebook, String status, String reason,
                            List<ExerciseGrade> exercises, List<String> warnings, double seconds, Lang lang) {

    public NotebookGrade {
        exercises = List.copyOf(exercises);
        warnings = List.copyOf(warnings);
    }

    public double score() {
        return Math.round(exercises.stream().mapToDouble(ExerciseGrade::score).sum() * 100) / 100.0;
    }

    public double possible() {
        return exercises.stream().mapToDouble(ExerciseGrade::points).sum();
    }
}
