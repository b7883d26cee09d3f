package netlab.kernel.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import netlab.kernel.notebook.Cell;
import netlab.kernel.notebook.MarkerException;
import netlab.kernel.notebook.NbgraderCell;
import netlab.kernel.notebook.NetlabCell;
import netlab.kernel.notebook.Notebook;
import netlab.text.Lang;
import netlab.text.Text;
import netlab.kernel.notebook.Release;

/**
 * What the grader runs for one lesson, read from the lesson source (the teacher's notebook or the released
 * one, never a submission), in source order:
 * <ul>
 *   <li>every code cell that is neither an answer nor a check: run as the source has it (setup, imports,
 *       demonstrations — a submission's edits to these cells are ignored);</li>
 *   <li>every answer cell: replaced by the submission's cells with the same {@code grade_id};</li>
 *   <li>every check cell: replaced by the grader's own call of {@code netlab.exercise.Check.collect}, whose
 *       observations the grading JVM judges.</li>
 * </ul>
 *
 * @param steps     the steps in source order
 * @param exercises exercise id → the points of its check cell
 */
public record SourcePlan(List<Step> steps, Map<String, Double> exercises, Lang language) {

    /** One source cell's part in grading. */
    public sealed interface Step {
        /** The exercise the step belongs to, or null for setup. */
        String exercise();
    }

    /** A source cell run as the source has it. */
    public record Setup(int cellIndex, String code) implements Step {
        @Override
        public String exercise() {
            return null;
        }
    }

    /** The place of an answer cell: the submission's cells with {@code gradeId} run here. */
    public record Answer(String gradeId, String exercise) implements Step {
    }

    /** A check cell: the grader grades {@code call} here, worth {@code points}. */
    public record Check(String gradeId, CheckCall call, double points) implements Step {
        @Override
        public String exercise() {
            return call.exerciseId();
        }
    }

    public SourcePlan {
        steps = List.copyOf(steps);
        exercises = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(exercises));
    }

    /** Reads the plan from a teacher or released notebook; {@code name} starts error messages. */
    public static SourcePlan of(Notebook source, String name, GraderClasses classes) throws MarkerException {
        Notebook released = new Release(classes.exerciseIds()::contains).apply(source, name);
        List<Cell> cells = released.cells();
        List<Step> steps = new ArrayList<>();
        Map<String, Double> exercises = new LinkedHashMap<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            NbgraderCell n = cell.nbgrader().orElseThrow();
            Optional<NetlabCell> role = cell.netlab();
            if (n.solution()) {
                steps.add(new Answer(n.gradeId(), role.map(NetlabCell::exercise).orElse(null)));
            } else if (n.grade() && cell.isCode()) {
                String where = Text.of("teacher.marker.cell.no-id", name, i);
                CheckCall call = CheckCall.find(cell.source(), classes.entryPoints()).orElseThrow(() -> new MarkerException(
                        Text.of("teacher.marker.no-call", where, n.gradeId())));
                if (!classes.exerciseIds().contains(call.exerciseId())) {
                    throw new MarkerException(Text.of("teacher.marker.unknown-exercise", where, call.exerciseId()));
                }
                double points = n.points().orElse(1.0);
                if (exercises.putIfAbsent(call.exerciseId(), points) != null) {
                    throw new MarkerException(Text.of("teacher.marker.second-check", where, call.exerciseId()));
                }
                steps.add(new Check(n.gradeId(), call, points));
            } else if (cell.isCode() && !cell.source().isBlank()) {
                steps.add(new Setup(i, cell.source()));
            }
        }
        // an answer cell without netlab metadata belongs to the next check cell's exercise
        List<Step> resolved = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            if (steps.get(i) instanceof Answer a && a.exercise() == null) {
                String next = null;
                for (int j = i + 1; j < steps.size() && next == null; j++) {
                    if (steps.get(j) instanceof Check c) {
                        next = c.exercise();
                    }
                }
                resolved.add(new Answer(a.gradeId(), next));
            } else {
                resolved.add(steps.get(i));
            }
        }
        return new SourcePlan(resolved, exercises, source.language().orElse(Lang.current()));
    }

    /** The total points of the lesson. */
    public double possible() {
        return exercises.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
