package netlab.kernel.grading;


import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import netlab.kernel.notebook.Cell;
import netlab.kernel.notebook.NbgraderCell;
import netlab.kernel.notebook.NbgraderChecksum;
import netlab.kernel.notebook.NetlabCell;
import netlab.kernel.notebook.Notebook;
import netlab.kernel.notebook.SolutionMarkers;
import netlab.text.Lang;
import netlab.text.Message;

/**
 * What the grader takes from a student's notebook: only its answer cells, keyed by {@code grade_id}, plus
 * warnings about what it ignored. Duplicated or split answer cells (several cells with one grade_id) all
 * run, in notebook order, so the last definition of a method wins as it would in Jupyter; an answer cell
 * turned into markdown or raw is still run as code; order in the notebook does not matter.
 *
 * @param answers     grade_id → the cells carrying it, in notebook order
 * @param warnings    what the student should know, worded when the student's language is known
 * @param teacherCopy whether answer cells still hold the teacher's {@code // BEGIN SOLUTION} markers: this is the
 *                    teacher's notebook, solutions in it, not the one handed out
 */
record Submission(Map<String, List<AnswerCell>> answers, List<Message> warnings, boolean teacherCopy) {

    /**
     * Cells one answer may have (split or duplicated), and all answers together: each runs with the step time
     * limit, so 1,000 copies of a slow answer would hold a grading slot for hours; more than this is no honest
     * notebook.
     */
    static final int MAX_CELLS_PER_ANSWER = 20;
    static final int MAX_ANSWER_CELLS = 200;

    /** One answer cell of the submission. */
    record AnswerCell(int index, String source) {
    }

    /** The file cannot be graded at all; the message, worded in the student's language, says why. */
    static final class Rejected extends Exception {
        private final Message reason;
        private final Optional<Lang> lang;

        Rejected(Message reason) {
            this(reason, Optional.empty());
        }

        /** {@code lang}: the language the file names, when it could be read before the file was refused. */
        Rejected(Message reason, Optional<Lang> lang) {
            super(reason.key());
            this.reason = reason;
            this.lang = lang;
        }

        Message reason() {
            return reason;
        }

        Optional<Lang> lang() {
            return lang;
        }
    }

    /** The notebook's text, parsed: what {@link #read(Path, SourcePlan)} grades, read once. */
    static Notebook notebook(Path file) throws Rejected {
        String text = SubmissionText.read(file);
        try {
            return Notebook.parse(text);
        } catch (IllegalArgumentException e) {
            throw new Rejected(Message.of("grade.not-notebook", file.getFileName().toString()));
        }
    }

    static Submission read(Path file, SourcePlan plan) throws Rejected {
        return read(notebook(file), file.getFileName().toString(), plan);
    }

    static Submission read(Notebook nb, String name, SourcePlan plan) throws Rejected {
        Optional<String> language = language(nb);
        if (language.isPresent() && !language.get().equals("java")) {
            throw new Rejected(Message.of("grade.other-kernel", name, language.get()));
        }
        List<Cell> cells = nb.cells();
        if (cells.isEmpty()) {
            throw new Rejected(Message.of("grade.no-cells", name));
        }
        Set<String> answerIds = new HashSet<>();
        Set<String> checkIds = new HashSet<>();
        for (SourcePlan.Step s : plan.steps()) {
            if (s instanceof SourcePlan.Answer a) {
                answerIds.add(a.gradeId());
            } else if (s instanceof SourcePlan.Check c) {
                checkIds.add(c.gradeId());
            }
        }
        Map<String, List<AnswerCell>> answers = new LinkedHashMap<>();
        List<Message> warnings = new ArrayList<>();
        List<Integer> foreign = new ArrayList<>();
        List<Integer> broken = new ArrayList<>();
        Set<String> checksSeen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            Cell cell = cells.get(i);
            Optional<String> gradeId;
            try {
                gradeId = readGradeId(cell);
            } catch (RuntimeException malformed) {
                broken.add(i); // not "no grading metadata": it has some, which cannot be read
                continue;
            }
            if (gradeId.isEmpty()) {
                if (cell.isCode() && !cell.source().isBlank()) {
                    foreign.add(i);
                }
                continue;
            }
            String id = gradeId.get();
            if (answerIds.contains(id)) {
                if (!cell.isCode()) {
                    warnings.add(Message.of("grade.warn.answer-not-code", id, i, cell.type()));
                }
                answers.computeIfAbsent(id, k -> new ArrayList<>()).add(new AnswerCell(i, cell.source()));
            } else if (checkIds.contains(id)) {
                checksSeen.add(id);
                if (edited(cell)) {
                    warnings.add(Message.of("grade.warn.check-edited", id, i));
                }
            } else if (edited(cell)) {
                warnings.add(Message.of("grade.warn.locked-edited", id, i));
            }
        }
        int total = 0;
        for (Map.Entry<String, List<AnswerCell>> e : answers.entrySet()) {
            if (e.getValue().size() > MAX_CELLS_PER_ANSWER) {
                throw new Rejected(Message.of("grade.too-many-cells", name, e.getValue().size(), e.getKey(),
                        MAX_CELLS_PER_ANSWER), nb.language());
            }
            total += e.getValue().size();
        }
        if (total > MAX_ANSWER_CELLS) {
            throw new Rejected(Message.of("grade.too-many-answers", name, total, MAX_ANSWER_CELLS), nb.language());
        }
        boolean teacherCopy = answers.values().stream().flatMap(List::stream)
                .anyMatch(cell -> SolutionMarkers.hasSolution(cell.source()));
        if (teacherCopy) {
            // its demonstration cells are the lesson's own, without the metadata release adds: not the student's
            warnings.add(Message.of("grade.warn.teacher-copy"));
        } else {
            foreignCells(foreign).ifPresent(warnings::add);
        }
        if (!broken.isEmpty()) {
            warnings.add(Message.of("grade.warn.broken-metadata", broken.size(),
                    String.join(", ", broken.stream().map(String::valueOf).toList())));
        }
        for (String id : answerIds) {
            List<AnswerCell> found = answers.get(id);
            if (found == null) {
                warnings.add(noAnswerCell(id));
            } else if (found.size() > 1) {
                warnings.add(Message.of("grade.warn.duplicate-answer", found.size(), id));
            }
        }
        for (String id : checkIds) {
            if (!checksSeen.contains(id)) {
                warnings.add(Message.of("grade.warn.check-missing", id));
            }
        }
        return new Submission(answers, warnings, teacherCopy);
    }

    /**
     * What grade and validate both say of the code cells that are not the lesson's (they have no grading
     * metadata): one warning naming them all, since a notebook pasted into a fresh one has dozens.
     */
    static Optional<Message> foreignCells(List<Integer> indexes) {
        if (indexes.isEmpty()) {
            return Optional.empty();
        }
        String list = String.join(", ", indexes.stream().map(String::valueOf).toList());
        return Optional.of(Message.of("grade.warn.foreign-cells", indexes.size(), list));
    }

    /** What grade and validate both say of an exercise whose answer cell is not found. */
    static Message noAnswerCell(String gradeId) {
        return Message.of("grade.warn.no-answer-cell", gradeId);
    }

    /** The kernel language the notebook names, lower case, if it names one. */
    static Optional<String> language(Notebook nb) {
        JsonObject meta = nb.metadata();
        for (String key : new String[] {"kernelspec", "language_info"}) {
            JsonElement e = meta.get(key);
            if (e != null && e.isJsonObject()) {
                JsonElement lang = e.getAsJsonObject().get(key.equals("kernelspec") ? "language" : "name");
                if (lang != null && lang.isJsonPrimitive()) {
                    return Optional.of(lang.getAsString().toLowerCase(Locale.ROOT));
                }
            }
        }
        return Optional.empty();
    }

    /** The cell's grade_id from its nbgrader metadata, else from its netlab role. */
    static Optional<String> gradeId(Cell cell) {
        try {
            return readGradeId(cell);
        } catch (RuntimeException malformed) {
            return Optional.empty();
        }
    }

    /** As {@link #gradeId}, but grading metadata that cannot be read (a graded cell without points) throws. */
    private static Optional<String> readGradeId(Cell cell) {
        Optional<NbgraderCell> n = cell.nbgrader();
        if (n.isPresent() && !n.get().gradeId().isEmpty()) {
            return Optional.of(n.get().gradeId());
        }
        return cell.netlab().map(NetlabCell::gradeId);
    }

    /** Whether a locked cell's checksum no longer matches its content (false when it has none). */
    static boolean edited(Cell cell) {
        try {
            Optional<NbgraderCell> n = cell.nbgrader();
            if (n.isEmpty() || n.get().solution() || n.get().checksum().isEmpty()) {
                return false;
            }
            return !NbgraderChecksum.of(cell).equals(n.get().checksum().get());
        } catch (RuntimeException malformed) {
            return true;
        }
    }
}
