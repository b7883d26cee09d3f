package netlab.kernel.notebook;

import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Makes the student notebook from a teacher's: solutions become TODO stubs (worded in the notebook's language,
 * else the teacher's), hidden tests disappear, outputs and execution counts are cleared, and every cell gets
 * nbgrader metadata with its checksum: answer cells {@code solution}, check cells {@code grade} with points and
 * locked, all others locked.
 *
 * <p>A cell is an answer cell when its {@code netlab} role is {@code answer} or it has a solution region; a
 * check cell when its role is {@code check} (which needs {@code points}).
 */
public final class Release {

    private final Predicate<String> knownExercise;

    /** {@code knownExercise} says whether an exercise id exists, so a typo in metadata is caught at release. */
    public Release(Predicate<String> knownExercise) {
        this.knownExercise = knownExercise;
    }

    /** The student version of {@code teacher} (which is left unchanged); {@code name} starts error messages. */
    public Notebook apply(Notebook teacher, String name) throws MarkerException {
        Notebook student = teacher.copy();
        List<Cell> cells = student.cells();
        Lang lang = teacher.language().orElse(Lang.current());
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            if (cell.id().isEmpty() && student.nbformatMinor() >= 5) {
                cell.setId(UUID.randomUUID().toString().substring(0, 8));
            }
            int at = i;
            String where = cell.id().map(id -> Text.of("teacher.marker.cell", name, at, id))
                    .orElseGet(() -> Text.of("teacher.marker.cell.no-id", name, at));
            releaseCell(cell, i, where, lang);
        }
        return student;
    }

    private void releaseCell(Cell cell, int index, String where, Lang lang) throws MarkerException {
        NetlabCell role;
        try {
            role = cell.netlab().orElse(null);
        } catch (IllegalArgumentException e) {
            throw new MarkerException(Text.of("teacher.marker.at", where, e.getMessage()));
        }
        if (role != null && !knownExercise.test(role.exercise())) {
            throw new MarkerException(Text.of("teacher.marker.no-exercise", where, role.exercise()));
        }
        SolutionMarkers.Result stripped = SolutionMarkers.strip(cell.source(), where, lang);
        cell.setSource(stripped.source());
        cell.clearOutputs();

        NbgraderCell nbgrader;
        if (role != null && role.role() == NetlabCell.Role.CHECK) {
            if (stripped.hadSolution()) {
                throw new MarkerException(Text.of("teacher.marker.check-solution", where));
            }
            double points = role.points().orElseThrow(() -> new MarkerException(
                    Text.of("teacher.marker.no-points", where, role.exercise())));
            nbgrader = NbgraderCell.check(role.gradeId(), points);
        } else if (role != null && role.role() == NetlabCell.Role.ANSWER) {
            nbgrader = NbgraderCell.answer(role.gradeId());
        } else if (stripped.hadSolution()) {
            nbgrader = NbgraderCell.answer("answer-" + cell.id().orElse(String.valueOf(index)));
        } else {
            nbgrader = NbgraderCell.readOnly("cell-" + cell.id().orElse(String.valueOf(index)));
        }
        cell.setNbgrader(nbgrader);
        cell.setNbgrader(nbgrader.withChecksum(NbgraderChecksum.of(cell)));
    }
}
