package netlab.kernel.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Objects;
import java.util.Optional;

/**
 * nbgrader's cell metadata, schema 3 ({@code metadata.nbgrader}), so nbgrader and its tools can read
 * netlab's notebooks. An answer cell is {@code solution}; a check cell is {@code grade} with points and
 * {@code locked}; other cells of a released notebook are {@code locked}.
 *
 * @param gradeId  unique name of the cell in the assignment
 * @param solution the student edits this cell
 * @param grade    the cell is graded (worth {@code points})
 * @param locked   the student may not change this cell
 * @param task     a manually graded task cell
 * @param points   points of a grade or task cell, else empty
 * @param checksum {@link NbgraderChecksum} of the released cell, if computed
 */
public record NbgraderCell(String gradeId, boolean solution, boolean grade, boolean locked, boolean task,
                           Optional<Double> points, Optional<String> checksum) {

    static final String KEY = "nbgrader";
    static final int SCHEMA_VERSION = 3;

    public NbgraderCell {
        Objects.requireNonNull(gradeId, "gradeId");
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(checksum, "checksum");
        if ((grade || task) && points.isEmpty()) {
            throw new IllegalArgumentException("nbgrader cell '" + gradeId + "' is graded but has no points");
        }
    }

    /** An answer cell: the student's solution, not graded by itself. */
    public static NbgraderCell answer(String gradeId) {
        return new NbgraderCell(gradeId, true, false, false, false, Optional.empty(), Optional.empty());
    }

    /** A check cell: graded, worth {@code points}, locked. */
    public static NbgraderCell check(String gradeId, double points) {
        return new NbgraderCell(gradeId, false, true, true, false, Optional.of(points), Optional.empty());
    }

    /** Any other cell of a released notebook: read-only. */
    public static NbgraderCell readOnly(String gradeId) {
        return new NbgraderCell(gradeId, false, false, true, false, Optional.empty(), Optional.empty());
    }

    public NbgraderCell withChecksum(String value) {
        return new NbgraderCell(gradeId, solution, grade, locked, task, points, Optional.of(value));
    }

    static NbgraderCell fromJson(JsonObject o) {
        JsonElement points = o.get("points");
        JsonElement checksum = o.get("checksum");
        return new NbgraderCell(o.has("grade_id") ? o.get("grade_id").getAsString() : "", flag(o, "solution"),
                flag(o, "grade"), flag(o, "locked"), flag(o, "task"),
                points == null || points.isJsonNull() ? Optional.empty() : Optional.of(points.getAsDouble()),
                checksum == null || checksum.isJsonNull() ? Optional.empty() : Optional.of(checksum.getAsString()));
    }

    private static boolean flag(JsonObject o, String name) {
        JsonElement e = o.get(name);
        return e != null && e.isJsonPrimitive() && e.getAsBoolean();
    }

    /** Writes the fields into {@code o} (which may hold others, kept as they are) and returns it. */
    JsonObject writeInto(JsonObject o) {
        o.addProperty("schema_version", SCHEMA_VERSION);
        o.addProperty("grade_id", gradeId);
        o.addProperty("solution", solution);
        o.addProperty("grade", grade);
        o.addProperty("locked", locked);
        o.addProperty("task", task);
        o.remove("points");
        points.ifPresent(p -> o.addProperty("points", p == Math.rint(p) ? (Number) p.longValue() : p));
        o.remove("checksum");
        checksum.ifPresent(c -> o.addProperty("checksum", c));
        return o;
    }
}
