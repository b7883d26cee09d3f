package netlab.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

class ReleaseTest {

    final Release release = new Release(Set.of("ip.class-of", "ip.same-subnet")::contains);

    /** The fixture released as an English notebook (without a language it would be the machine's). */
    List<Cell> released() throws Exception {
        return release.apply(teacherIn(Lang.EN), "teacher-ip.ipynb").cells();
    }

    static Notebook teacherIn(Lang lang) throws Exception {
        Notebook nb = Notebook.parse(Fixtures.teacherNotebook());
        com.google.gson.JsonObject netlab = new com.google.gson.JsonObject();
        netlab.addProperty("language", lang.tag());
        nb.metadata().add("netlab", netlab);
        return nb;
    }

    @Test
    void theStubSpeaksTheNotebooksLanguageElseTheTeachers() throws Exception {
        assertEquals("throw new UnsupportedOperationException(\"TODO：在这里写出你的答案\");", SolutionMarkers.todoStub(Lang.ZH));
        for (Lang lang : Lang.values()) {
            String answer = release.apply(teacherIn(lang), "teacher-ip.ipynb").cells().get(1).source();
            assertTrue(answer.contains("    " + SolutionMarkers.todoStub(lang) + "\n"), answer);
        }
        String unsaid = release.apply(Notebook.parse(Fixtures.teacherNotebook()), "teacher-ip.ipynb").cells().get(1).source();
        assertTrue(unsaid.contains(SolutionMarkers.todoStub(Lang.current())), unsaid);
    }

    @Test
    void answerCellsGetStubsAndSolutionMetadata() throws Exception {
        Cell answer = released().get(1);
        assertEquals("""
                String classOf(String ip) {
                    throw new UnsupportedOperationException("TODO: write your answer here");
                }""", answer.source());
        assertEquals(NbgraderCell.answer("ip-class-of-answer").withChecksum(NbgraderChecksum.of(answer)),
                answer.nbgrader().orElseThrow());
        assertEquals(0, answer.outputs().size());
        assertEquals(Optional.empty(), answer.executionCount());
        assertEquals("keep-me", answer.metadata().getAsJsonArray("tags").get(0).getAsString());
    }

    @Test
    void checkCellsAreGradedLockedAndLoseHiddenTests() throws Exception {
        Cell check = released().get(2);
        assertEquals("Check.run(\"ip.class-of\", (IpExercises.ClassOf) ip -> classOf(ip));\n", check.source());
        NbgraderCell n = check.nbgrader().orElseThrow();
        assertTrue(n.grade() && n.locked() && !n.solution());
        assertEquals(Optional.of(4.0), n.points());
        assertEquals("ip-class-of-check", n.gradeId());
        assertEquals(3, check.metadata().getAsJsonObject("nbgrader").get("schema_version").getAsInt());
    }

    @Test
    void otherCellsAreLockedAndUnmarkedSolutionsBecomeAnswerCells() throws Exception {
        List<Cell> cells = released();
        NbgraderCell intro = cells.get(0).nbgrader().orElseThrow();
        assertTrue(intro.locked() && !intro.grade() && !intro.solution());
        assertEquals("cell-intro", intro.gradeId());
        Cell helper = cells.get(3);
        assertEquals("boolean sameSubnet(String a, String b, int prefix) {\n"
                + "    return false; // TODO: compare the network parts\n}\n", helper.source());
        assertTrue(helper.nbgrader().orElseThrow().solution());
        for (Cell c : cells) {
            assertEquals(Optional.of(NbgraderChecksum.of(c)), c.nbgrader().orElseThrow().checksum());
            assertFalse(c.source().contains("BEGIN") || c.source().contains("-1 <<") || c.source().contains("240.0.0.1"),
                    c.source());
        }
    }

    @Test
    void theTeacherNotebookIsLeftAlone() throws Exception {
        Notebook teacher = Notebook.parse(Fixtures.teacherNotebook());
        release.apply(teacher, "t.ipynb");
        assertTrue(teacher.cells().get(1).source().contains("// BEGIN SOLUTION"));
        assertTrue(teacher.cells().get(1).nbgrader().isEmpty());
    }

    @Test
    void errorsNameTheNotebookCellAndLine() throws Exception {
        String broken = Fixtures.teacherNotebook().replace("    // END SOLUTION\\n}\"", "}\"");
        MarkerException e = assertThrows(MarkerException.class, () -> release.apply(Notebook.parse(broken), "t.ipynb"));
        assertEquals("t.ipynb, cell 1 (id answer1), line 2: '// BEGIN SOLUTION' is never closed; "
                + "add '// END SOLUTION' after the region", e.getMessage());
        String typo = Fixtures.teacherNotebook().replace("\"exercise\": \"ip.class-of\", \"role\": \"check\"",
                "\"exercise\": \"ip.clas-of\", \"role\": \"check\"");
        MarkerException t = assertThrows(MarkerException.class, () -> release.apply(Notebook.parse(typo), "t.ipynb"));
        assertTrue(t.getMessage().startsWith("t.ipynb, cell 2 (id check1): no exercise has the id 'ip.clas-of'"),
                t.getMessage());
        String noPoints = Fixtures.teacherNotebook().replace(", \"points\": 4", "");
        MarkerException p = assertThrows(MarkerException.class, () -> release.apply(Notebook.parse(noPoints), "t.ipynb"));
        assertTrue(p.getMessage().contains("has no points; add \"points\": N"), p.getMessage());
    }

    /** A Chinese teacher's terminal reads a marker mistake in Chinese, as it reads netlab's help. */
    @Test
    void aChineseTerminalReadsTheMistakeInChinese() throws Exception {
        String broken = Fixtures.teacherNotebook().replace("    // END SOLUTION\\n}\"", "}\"");
        netlab.text.Lang.use(netlab.text.Lang.ZH);
        try {
            MarkerException e = assertThrows(MarkerException.class, () -> release.apply(Notebook.parse(broken), "t.ipynb"));
            assertEquals("t.ipynb，第 1 个单元格（id answer1），第 2 行：“// BEGIN SOLUTION” 一直没有关闭；"
                    + "请在区域后面加上 “// END SOLUTION”", e.getMessage());
        } finally {
            netlab.text.Lang.use(netlab.text.Lang.EN);
        }
    }
}
