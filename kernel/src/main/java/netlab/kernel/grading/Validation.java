package netlab.kernel.grading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.kernel.notebook.Cell;
import netlab.kernel.notebook.NbgraderCell;
import netlab.kernel.notebook.Notebook;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * What {@code netlab validate} warns a student about before submitting, beyond failing cells and checks:
 * locked cells edited since release (nbgrader checksum), exercises still unanswered (the TODO stub throws),
 * answer cells without a check cell, duplicated answer cells, names that would hide a package — and whatever
 * {@code grade} would mark down, in the words {@code grade} uses ({@link Submission}): code cells the grader does
 * not run (added by the student: no grading metadata) and exercises whose answer cell it would not find.
 */
public final class Validation {

    private Validation() {
    }

    /**
     * The warnings for {@code nb} after it ran with result {@code run}, in {@code lang}; {@code shadowing}: names
     * dropped.
     */
    public static List<String> warnings(Notebook nb, NotebookRunner.Result run, Set<String> shadowing, Lang lang) {
        List<String> warnings = new ArrayList<>();
        List<Cell> cells = nb.cells();
        Map<String, List<Integer>> answers = new LinkedHashMap<>();
        Set<String> checks = new LinkedHashSet<>();
        Set<String> checked = new LinkedHashSet<>();
        List<Integer> foreign = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            Optional<NbgraderCell> n;
            try {
                n = cell.nbgrader();
            } catch (RuntimeException e) {
                warnings.add(Text.in(lang, "cli.warn.broken.metadata", i));
                continue;
            }
            if (n.isEmpty()) {
                if (cell.isCode() && !cell.source().isBlank() && Submission.gradeId(cell).isEmpty()) {
                    foreign.add(i);
                    CheckCall.find(cell.source()).ifPresent(c -> checked.add(c.exerciseId()));
                }
                continue;
            }
            String id = n.get().gradeId();
            if (n.get().solution()) {
                answers.computeIfAbsent(id, k -> new ArrayList<>()).add(i);
                if (!cell.isCode()) {
                    warnings.add(Text.in(lang, "cli.warn.answer.not.code", id, i, cell.type()));
                }
            } else if (n.get().grade()) {
                checks.add(id);
            }
            if (Submission.edited(cell)) {
                warnings.add(Text.in(lang, "cli.warn.locked.edited", i, id));
            }
        }
        Submission.foreignCells(foreign).ifPresent(m -> warnings.add(m.in(lang)));
        answers.forEach((id, where) -> {
            if (where.size() > 1) {
                warnings.add(Text.in(lang, "cli.warn.duplicate.answer", where.size(), id, where));
            }
            String check = id.endsWith("-answer") ? id.substring(0, id.length() - "-answer".length()) + "-check" : null;
            if (check != null && !checks.contains(check)) {
                warnings.add(Text.in(lang, "cli.warn.check.missing", check, id));
            }
        });
        for (String exercise : checked) {
            String answer = exercise.replace('.', '-') + "-answer";
            if (!answers.containsKey(answer)) {
                warnings.add(Submission.noAnswerCell(answer).in(lang));
            }
        }
        for (CheckResult c : run.checks()) {
            if (c.notAnswered()) {
                warnings.add(Text.in(lang, "cli.warn.not.answered", c.exercise()));
            }
        }
        if (!shadowing.isEmpty()) {
            warnings.add(Text.in(lang, "cli.warn.shadowing", String.join(", ", shadowing)));
        }
        return warnings;
    }
}
