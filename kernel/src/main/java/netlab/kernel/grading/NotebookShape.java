package netlab.kernel.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigDecimal;
import java.util.Optional;
import netlab.kernel.notebook.Notebook;
import netlab.text.Lang;
import netlab.text.Message;

/**
 * Checks that a submission's JSON has the shape every later reading of it assumes, before any of it is read: an
 * {@code nbformat} that is the number 4, a {@code metadata} object, {@code cells} a list of objects, each with a
 * text {@code cell_type} and a {@code source} that is text or a list of lines of text. {@link Notebook} and
 * {@code Cell} trust that shape (a cell that is a number is an IllegalStateException, an object for a source an
 * UnsupportedOperationException), and an exception there once ended the whole batch; here it is one sentence
 * for one student. Jupyter refuses such a file too (nbformat's schema), so the sentence says to copy the
 * answers into a fresh copy of the handed-out notebook.
 */
final class NotebookShape {

    private static final int SHOWN = 40;

    private NotebookShape() {
    }

    /** Refuses {@code root} (the notebook {@code name}) unless it has a notebook's shape. */
    static void check(String name, JsonObject root) throws Submission.Rejected {
        Optional<Lang> lang = Notebook.languageOf(root);
        Optional<Message> wrong = nbformat(name, root);
        if (wrong.isPresent()) {
            throw new Submission.Rejected(wrong.get(), lang);
        }
        JsonElement meta = root.get("metadata");
        if (meta != null && !meta.isJsonObject()) {
            throw malformed(name, Message.of("grade.malformed.metadata"), lang);
        }
        JsonElement cells = root.get("cells");
        if (cells == null) {
            throw new Submission.Rejected(Message.of("grade.not-notebook", name), lang);
        }
        if (!cells.isJsonArray()) {
            throw malformed(name, Message.of("grade.malformed.cells"), lang);
        }
        JsonArray list = cells.getAsJsonArray();
        for (int i = 0; i < list.size(); i++) {
            Optional<Message> cell = cell(i, list.get(i));
            if (cell.isPresent()) {
                throw malformed(name, cell.get(), lang);
            }
        }
    }

    /** What is wrong with the notebook's format number: absent, not a number, old (1-3) or anything but 4. */
    private static Optional<Message> nbformat(String name, JsonElement root) {
        JsonElement major = root.getAsJsonObject().get("nbformat");
        BigDecimal value = null;
        if (major != null && major.isJsonPrimitive() && !major.getAsJsonPrimitive().isBoolean()) {
            try {
                // BigDecimal, not getAsInt: 1e9999999999 overflows an int's parse, "NaN" is no number at all
                value = new BigDecimal(major.getAsString().strip());
            } catch (NumberFormatException e) {
                value = null;
            }
        }
        if (value != null && value.compareTo(BigDecimal.valueOf(4)) == 0) {
            return Optional.empty();
        }
        if (value != null && value.signum() > 0 && value.compareTo(BigDecimal.valueOf(4)) < 0
                && value.stripTrailingZeros().scale() <= 0) {
            return Optional.of(Message.of("grade.nbformat", name, value.intValue()));
        }
        return Optional.of(Message.of("grade.malformed", name, Message.of("grade.malformed.nbformat",
                shown(major == null ? "null" : major.toString()))));
    }

    private static Optional<Message> cell(int index, JsonElement cell) {
        if (!cell.isJsonObject()) {
            return Optional.of(Message.of("grade.malformed.cell", index));
        }
        JsonObject o = cell.getAsJsonObject();
        if (!isText(o.get("cell_type"))) {
            return Optional.of(Message.of("grade.malformed.cell-type", index));
        }
        JsonElement source = o.get("source");
        boolean lines = source != null && source.isJsonArray();
        if (lines) {
            for (JsonElement line : source.getAsJsonArray()) {
                lines &= isText(line);
            }
        }
        if (source != null && !source.isJsonNull() && !isText(source) && !lines) {
            return Optional.of(Message.of("grade.malformed.source", index));
        }
        return Optional.empty();
    }

    private static boolean isText(JsonElement e) {
        return e != null && e.isJsonPrimitive() && e.getAsJsonPrimitive().isString();
    }

    private static Submission.Rejected malformed(String name, Message what, Optional<Lang> lang) {
        return new Submission.Rejected(Message.of("grade.malformed", name, what), lang);
    }

    /** The value as the file has it, cut short: a student recognises their own edit. */
    private static String shown(String json) {
        return json.length() <= SHOWN ? json : json.substring(0, SHOWN - 1) + "…";
    }
}
