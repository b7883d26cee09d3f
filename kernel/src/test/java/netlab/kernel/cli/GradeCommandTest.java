package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GradeCommandTest {

    @TempDir
    Path dir;

    @Test
    void aStoppedRunIsMarkedIncompleteInTheRunsLanguage() throws Exception {
        Lang.readBy(() -> Lang.ZH, () -> {
            GradeCommand.writeIncomplete(dir, 2, 12);
            return null;
        });
        assertEquals("评分在 12 份提交中评完 2 份后被停止；其余的列在 not-graded.csv 里\n",
                Files.readString(dir.resolve(GradeCommand.INCOMPLETE)));
    }
}
