package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import netlab.kernel.notebook.Cell;
import netlab.kernel.notebook.Notebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Releases with the built netlab.jar, then lets Python's nbformat and an independent checksum judge the result. */
class ReleaseCommandIT {

    /** nbgrader's compute_checksum, written out in Python with hashlib, independent of the Java code. */
    static final String PYTHON_CHECKSUMS = """
            import hashlib, sys, nbformat
            nb = nbformat.read(sys.argv[1], 4)
            for cell in nb.cells:
                g = cell.metadata['nbgrader']
                grade, solution = bool(g.get('grade', False)), bool(g.get('solution', False))
                locked = False if solution else (True if grade else bool(g.get('locked', False)))
                m = hashlib.md5()
                for part in (cell.source, cell.cell_type, str(grade), str(solution), str(locked), g['grade_id']):
                    m.update(part.encode('utf-8'))
                if grade:
                    m.update(str(float(g['points'])).encode('utf-8'))
                print(g['grade_id'], m.hexdigest())
            """;

    @TempDir
    Path dir;

    @Test
    void releasedNotebooksValidateAndCarryNbgraderChecksums() throws Exception {
        Path teacher = dir.resolve("teacher");
        Files.createDirectories(teacher);
        Path source = teacher.resolve("03-ip.ipynb");
        Files.writeString(source, fixture());
        Path out = dir.resolve("release");

        Result r = run(List.of(java(), "-jar", InstallCommandIT.KERNEL_JAR.toString(), "release", source.toString(),
                "--out", out.toString()));
        assertEquals(0, r.status, r.output);
        Path released = out.resolve("03-ip.ipynb");
        assertEquals("released " + released + "\n", r.output);

        Result valid = run(List.of("/usr/bin/python3", "-c",
                "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], 4))", released.toString()));
        assertEquals(0, valid.status, valid.output);

        Result sums = run(List.of("/usr/bin/python3", "-c", PYTHON_CHECKSUMS, released.toString()));
        assertEquals(0, sums.status, sums.output);
        Map<String, String> python = new HashMap<>();
        sums.output.lines().forEach(l -> python.put(l.split(" ")[0], l.split(" ")[1]));
        Notebook nb = Notebook.read(released);
        assertEquals(4, python.size(), sums.output);
        for (Cell c : nb.cells()) {
            var n = c.nbgrader().orElseThrow();
            assertEquals(python.get(n.gradeId()), n.checksum().orElseThrow(), n.gradeId());
        }
        String text = Files.readString(released);
        assertFalse(text.contains("BEGIN SOLUTION") || text.contains("240.0.0.1"), text);
        assertTrue(Files.readString(source).contains("BEGIN SOLUTION"), "the teacher's notebook is unchanged");
    }

    @Test
    void brokenMarkersAreRefusedAndNothingIsWritten() throws Exception {
        Path source = dir.resolve("bad.ipynb");
        Files.writeString(source, fixture().replace("// END HIDDEN TESTS\\n", "x();\\n"));
        Path out = dir.resolve("release");
        Result r = run(List.of(java(), "-jar", InstallCommandIT.KERNEL_JAR.toString(), "release", source.toString(),
                "--out", out.toString()));
        assertEquals(1, r.status, r.output);
        assertTrue(r.output.contains("bad.ipynb, cell 2 (id check1), line 2: '// BEGIN HIDDEN TESTS' is never closed"),
                r.output);
        assertFalse(Files.exists(out));
        Result usage = run(List.of(java(), "-jar", InstallCommandIT.KERNEL_JAR.toString(), "release", source.toString()));
        assertEquals(2, usage.status);
        assertTrue(usage.output.contains("--out DIR"), usage.output);
    }

    static String fixture() throws IOException {
        try (InputStream in = Notebook.class.getResourceAsStream("teacher-ip.ipynb")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    record Result(int status, String output) {
    }

    static Result run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(new ArrayList<>(cmd)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Result(p.exitValue(), out);
    }
}
