package netlab.kernel.notebook;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * One notebook cell, a view of its JSON object: id, type, source, metadata and (code cells) outputs.
 * Source may be stored as one string or a list of lines; {@link #source()} joins either.
 */
public final class Cell {

    private final JsonObject json;

    Cell(JsonObject json) {
        this.json = json;
    }

    /** The cell id (nbformat 4.5+), or empty for older notebooks. */
    public Optional<String> id() {
        JsonElement id = json.get("id");
        return id == null || id.isJsonNull() ? Optional.empty() : Optional.of(id.getAsString());
    }

    public void setId(String id) {
        json.addProperty("id", id);
    }

    /** {@code code}, {@code markdown} or {@code raw}. */
    public String type() {
        return json.get("cell_type").getAsString();
    }

    public boolean isCode() {
        return type().equals("code");
    }

    /** The source text, joined if stored as a list of lines. */
    public String source() {
        JsonElement s = json.get("source");
        if (s == null || s.isJsonNull()) {
            return "";
        }
        if (s.isJsonArray()) {
            StringBuilder text = new StringBuilder();
            s.getAsJsonArray().forEach(line -> text.append(line.getAsString()));
            return text.toString();
        }
        return s.getAsString();
    }

    /** Replaces the source; stored as a list of lines, each keeping its newline, as Jupyter writes it. */
    public void setSource(String source) {
        JsonArray lines = new JsonArray();
        int start = 0;
        for (int i = 0; i < source.length(); i++) {
            if (source.charAt(i) == '\n') {
                lines.add(source.substring(start, i + 1));
                start = i + 1;
            }
        }
        if (start < source.length()) {
            lines.add(source.substring(start));
        }
        json.add("source", lines);
    }

    /** The cell metadata, created empty if missing. */
    public JsonObject metadata() {
        if (!json.has("metadata") || !json.get("metadata").isJsonObject()) {
            json.add("metadata", new JsonObject());
        }
        return json.getAsJsonObject("metadata");
    }

    /** The cell's nbgrader metadata, if it has any. */
    public Optional<NbgraderCell> nbgrader() {
        JsonElement n = metadata().get(NbgraderCell.KEY);
        return n != null && n.isJsonObject() ? Optional.of(NbgraderCell.fromJson(n.getAsJsonObject())) : Optional.empty();
    }

    /** Sets the nbgrader metadata, keeping fields of it this model does not know. */
    public void setNbgrader(NbgraderCell value) {
        JsonElement old = metadata().get(NbgraderCell.KEY);
        metadata().add(NbgraderCell.KEY, value.writeInto(old != null && old.isJsonObject()
                ? old.getAsJsonObject().deepCopy() : new JsonObject()));
    }

    /** The netlab role the teacher gave this cell, if any. */
    public Optional<NetlabCell> netlab() {
        JsonElement n = metadata().get(NetlabCell.KEY);
        return n != null && n.isJsonObject() ? Optional.of(NetlabCell.fromJson(n.getAsJsonObject())) : Optional.empty();
    }

    /** Empties the outputs and execution count of a code cell; other cells have neither. */
    public void clearOutputs() {
        if (isCode()) {
            json.add("outputs", new JsonArray());
            json.add("execution_count", JsonNull.INSTANCE);
        }
    }

    /** The outputs of a code cell (empty for other cells). */
    public JsonArray outputs() {
        JsonElement o = json.get("outputs");
        return o != null && o.isJsonArray() ? o.getAsJsonArray() : new JsonArray();
    }

    /** Sets the execution count of a code cell, as a front end does when it ran the cell. */
    public void setExecutionCount(int count) {
        json.addProperty("execution_count", count);
    }

    /** The execution count of a code cell, if it ran. */
    public Optional<Integer> executionCount() {
        JsonElement c = json.get("execution_count");
        return c == null || c.isJsonNull() ? Optional.empty() : Optional.of(c.getAsInt());
    }
}
