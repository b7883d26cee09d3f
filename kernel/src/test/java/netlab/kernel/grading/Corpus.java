package netlab.kernel.grading;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import netlab.kernel.notebook.Notebook;

/**
 * Synthetic submissions made from the released sample lesson ({@code ip-graded.ipynb}): each writes
 * {@code DIR/<student>/ip-graded.ipynb} the way a student could have left it.
 */
public final class Corpus {

    public static final String LESSON = "ip-graded.ipynb";

    public static final String CLASS_OF_RIGHT = """
            String classOf(String ip) {
                int first = Integer.parseInt(ip.split("\\\\.")[0]);
                return first < 128 ? "A" : first < 192 ? "B" : first < 224 ? "C" : first < 240 ? "D" : "E";
            }""";
    /** Fitted to the public cases: class E is never returned (fails one hidden case). */
    public static final String CLASS_OF_FITTED = """
            String classOf(String ip) {
                int first = Integer.parseInt(ip.split("\\\\.")[0]);
                return first < 128 ? "A" : first < 192 ? "B" : first < 224 ? "C" : "D";
            }""";
    public static final String SAME_SUBNET_RIGHT = """
            boolean sameSubnet(String a, String b, int prefix) {
                int mask = prefix == 0 ? 0 : -1 << (32 - prefix);
                int x = 0, y = 0;
                for (String p : a.split("\\\\.")) x = (x << 8) | Integer.parseInt(p);
                for (String p : b.split("\\\\.")) y = (y << 8) | Integer.parseInt(p);
                return (x & mask) == (y & mask);
            }""";
    /** Forgets that a shift by 32 is a shift by 0: /0 is wrong (fails one hidden case). */
    public static final String SAME_SUBNET_NO_ZERO = SAME_SUBNET_RIGHT.replace("prefix == 0 ? 0 : ", "");

    /**
     * Declarations javac does not finish compiling for minutes: each level of {@code id(b ? ... : id(1))} doubles
     * its work (twelve levels took 48 s here), and this has sixteen. Only a stop that reaches javac ends it.
     */
    public static final String SLOW_TO_COMPILE = "<T> T id(T t) { return t; }\nboolean b = true;\nInteger slow = "
            + "id(b ? ".repeat(16) + "1" + " : id(1))".repeat(16) + ";";

    private Corpus() {
    }

    /** The teacher's sample lesson, as text. */
    public static String teacher() throws IOException {
        try (InputStream in = Corpus.class.getResourceAsStream(LESSON)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Writes a copy of {@code released} for {@code student}, changed by {@code edit} (on its JSON). */
    public static Path student(Path dir, String student, String released, Consumer<JsonObject> edit) throws IOException {
        JsonObject nb = JsonParser.parseString(released).getAsJsonObject();
        edit.accept(nb);
        return write(dir, student, Notebook.parse(nb.toString()).toJson());
    }

    public static Path write(Path dir, String student, String text) throws IOException {
        Path file = dir.resolve(student).resolve(LESSON);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    /** The index of the cell whose nbgrader grade_id is {@code gradeId}. */
    public static int index(JsonObject nb, String gradeId) {
        JsonArray cells = nb.getAsJsonArray("cells");
        for (int i = 0; i < cells.size(); i++) {
            JsonObject meta = cells.get(i).getAsJsonObject().getAsJsonObject("metadata");
            if (meta.has("nbgrader") && meta.getAsJsonObject("nbgrader").get("grade_id").getAsString().equals(gradeId)) {
                return i;
            }
        }
        throw new AssertionError("no cell " + gradeId);
    }

    public static JsonObject cell(JsonObject nb, String gradeId) {
        return nb.getAsJsonArray("cells").get(index(nb, gradeId)).getAsJsonObject();
    }

    public static void source(JsonObject nb, String gradeId, String source) {
        cell(nb, gradeId).addProperty("source", source);
    }

    public static void answer(JsonObject nb, String classOf, String sameSubnet) {
        source(nb, "ip-class-of-answer", classOf);
        source(nb, "ip-same-subnet-answer", sameSubnet);
    }

    public static void delete(JsonObject nb, String gradeId) {
        nb.getAsJsonArray("cells").remove(index(nb, gradeId));
    }

    /** Inserts a copy of cell {@code gradeId} right after it, with {@code source}. */
    public static void duplicate(JsonObject nb, String gradeId, String source) {
        int i = index(nb, gradeId);
        JsonArray cells = nb.getAsJsonArray("cells");
        JsonObject copy = cells.get(i).getAsJsonObject().deepCopy();
        copy.addProperty("id", "copy-" + i);
        copy.addProperty("source", source);
        List<JsonElement> all = new ArrayList<>(cells.asList());
        all.add(i + 1, copy);
        cells.asList().clear();
        all.forEach(cells::add);
    }

    /** Turns a code cell into markdown (what Jupyter's "M" key does). */
    public static void toMarkdown(JsonObject nb, String gradeId) {
        JsonObject c = cell(nb, gradeId);
        c.addProperty("cell_type", "markdown");
        c.remove("outputs");
        c.remove("execution_count");
    }
}
