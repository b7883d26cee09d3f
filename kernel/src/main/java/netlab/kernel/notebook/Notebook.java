package netlab.kernel.notebook;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import netlab.text.Lang;

/**
 * An nbformat v4 notebook (.ipynb). The parsed JSON stays underneath, so fields this model does not know
 * (notebook metadata, widget state, attachments) are written back unchanged.
 *
 * <pre>{@code
 * Notebook nb = Notebook.read(Path.of("01-ip.ipynb"));
 * for (Cell c : nb.cells()) System.out.println(c.type() + ": " + c.source().lines().count() + " lines");
 * nb.write(Path.of("out.ipynb"));
 * }</pre>
 *
 * <p>Not thread safe: cells are views of the same JSON tree.
 */
public final class Notebook {

    private final JsonObject json;

    private Notebook(JsonObject json) {
        this.json = json;
    }

    /** Reads {@code file}, or says what is wrong with it. */
    public static Notebook read(Path file) throws IOException {
        try {
            return parse(Files.readString(file));
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** Parses notebook JSON; refuses anything but nbformat 4. */
    public static Notebook parse(String text) {
        JsonElement root;
        try {
            root = JsonParser.parseString(text);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not a notebook: the JSON does not parse (" + e.getMessage() + ")", e);
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("cells")) {
            throw new IllegalArgumentException("not a notebook: expected a JSON object with \"cells\"");
        }
        JsonObject obj = root.getAsJsonObject();
        JsonElement major = obj.get("nbformat");
        if (major == null || !major.isJsonPrimitive() || major.getAsInt() != 4) {
            throw new IllegalArgumentException("expected nbformat 4 but the file says " + major
                    + "; convert it with: jupyter nbconvert --to notebook --nbformat 4");
        }
        return new Notebook(obj);
    }

    public int nbformatMinor() {
        JsonElement minor = json.get("nbformat_minor");
        return minor == null ? 0 : minor.getAsInt();
    }

    /** The cells, in order; changing a cell changes this notebook. */
    public List<Cell> cells() {
        List<Cell> cells = new ArrayList<>();
        for (JsonElement e : json.getAsJsonArray("cells")) {
            cells.add(new Cell(e.getAsJsonObject()));
        }
        return cells;
    }

    /** The notebook's own metadata (kernelspec, language_info, ...). */
    public JsonObject metadata() {
        if (!json.has("metadata")) {
            json.add("metadata", new JsonObject());
        }
        return json.getAsJsonObject("metadata");
    }

    /**
     * The language its student reads, from {@code metadata.netlab.language} ({@code "zh"} or {@code "en"}); empty
     * when the notebook does not say or names another language.
     */
    public Optional<Lang> language() {
        return languageIn(metadata());
    }

    /**
     * The language the notebook {@code file} names ({@link #language}), read without building its cells: a kernel
     * reads it before its session can start. Parsing a 51 KB chapter whole ({@link #read}) took 24 ms of that start
     * on the kernel's main thread, this 16 ms (traces of 3 starts each with {@code JPY_SESSION_NAME} naming it).
     *
     * @throws IOException if the file cannot be read or holds no JSON object
     */
    public static Optional<Lang> languageOf(Path file) throws IOException {
        try (JsonReader in = new JsonReader(Files.newBufferedReader(file))) {
            in.beginObject();
            while (in.hasNext()) {
                if (in.nextName().equals("metadata")) {
                    JsonElement metadata = JsonParser.parseReader(in);
                    return metadata.isJsonObject() ? languageIn(metadata.getAsJsonObject()) : Optional.empty();
                }
                in.skipValue();
            }
            return Optional.empty();
        } catch (IOException | JsonParseException | IllegalStateException e) { // Gson's syntax errors are IOExceptions
            throw new IOException(file + ": no notebook's metadata could be read (" + e.getMessage() + ")", e);
        }
    }

    /**
     * The language the notebook JSON {@code root} names, whatever else its shape: a submission refused for its
     * shape is refused in its student's language.
     */
    public static Optional<Lang> languageOf(JsonObject root) {
        JsonElement metadata = root.get("metadata");
        return metadata != null && metadata.isJsonObject() ? languageIn(metadata.getAsJsonObject()) : Optional.empty();
    }

    private static Optional<Lang> languageIn(JsonObject metadata) {
        JsonElement netlab = metadata.get("netlab");
        if (netlab == null || !netlab.isJsonObject()) {
            return Optional.empty();
        }
        JsonElement tag = netlab.getAsJsonObject().get("language");
        return tag != null && tag.isJsonPrimitive() ? Lang.parse(tag.getAsString()) : Optional.empty();
    }

    /** A deep copy, so a release can change cells without touching the source notebook. */
    public Notebook copy() {
        return new Notebook(json.deepCopy());
    }

    /** The notebook as nbformat writes it: one-space indent, non-ASCII kept, newline at the end. */
    public String toJson() {
        StringWriter out = new StringWriter();
        try (JsonWriter w = new JsonWriter(out)) {
            w.setIndent(" ");
            w.setHtmlSafe(false);
            Writing.GSON.toJson(json, w);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out + "\n";
    }

    public void write(Path file) throws IOException {
        Files.writeString(Objects.requireNonNull(file, "file"), toJson());
    }

    JsonArray cellArray() {
        return json.getAsJsonArray("cells");
    }

    /** The writer, made on the first write: a kernel's start reads a notebook's language and never writes. */
    private static final class Writing {
        // nulls stay: a code cell that never ran has "execution_count": null, which nbformat requires
        static final Gson GSON = new GsonBuilder().serializeNulls().disableHtmlEscaping().create();
    }
}
