package netlab.kernel.notebook;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import netlab.text.Text;

/**
 * The role a teacher gives a cell, in {@code metadata.netlab}:
 * <pre>
 * "netlab": {"exercise": "ip.class-of", "role": "answer"}
 * "netlab": {"exercise": "ip.class-of", "role": "check", "points": 4}
 * </pre>
 * {@code netlab release} turns these into nbgrader metadata; the grader finds answer and check cells by them.
 *
 * @param exercise the exercise id
 * @param role     what the cell is
 * @param points   what the check cell is worth (check cells only)
 */
public record NetlabCell(String exercise, Role role, Optional<Double> points) {

    static final String KEY = "netlab";

    /** What a cell of an exercise is. */
    public enum Role {
        /** The cell the student edits: its solution regions become TODO stubs. */
        ANSWER,
        /** The cell that calls {@code Check.run}: locked, graded. */
        CHECK
    }

    public NetlabCell {
        Objects.requireNonNull(exercise, "exercise");
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(points, "points");
    }

    static NetlabCell fromJson(JsonObject o) {
        JsonElement exercise = o.get("exercise");
        JsonElement role = o.get("role");
        if (exercise == null || role == null) {
            throw new IllegalArgumentException(Text.of("teacher.marker.metadata", o));
        }
        Role r;
        try {
            r = Role.valueOf(role.getAsString().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Text.of("teacher.marker.role", role));
        }
        JsonElement points = o.get("points");
        return new NetlabCell(exercise.getAsString(), r,
                points == null || points.isJsonNull() ? Optional.empty() : Optional.of(points.getAsDouble()));
    }

    /** The nbgrader {@code grade_id} for this cell: {@code ip.class-of} answer becomes {@code ip-class-of-answer}. */
    public String gradeId() {
        return exercise.replace('.', '-') + "-" + role.name().toLowerCase(Locale.ROOT);
    }
}
